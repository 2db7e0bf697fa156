'use strict';
// With an 'uncaughtException' listener, an uncaught error does not kill the
// process: the listener gets (err, 'uncaughtException'), the rest of the
// throwing callback is skipped, and the event loop keeps running.
const assert = require('node:assert');

const seen = [];
function onUncaught(err, origin) {
  assert.ok(err instanceof Error);
  seen.push([err.message, origin]);
}
process.on('uncaughtException', onUncaught);

let afterThrow = false;
setTimeout(() => {
  setImmediate(() => {
    throw new Error('from immediate');
  });
  throw new Error('from timer');
  // eslint-disable-next-line no-unreachable
  afterThrow = true;
}, 1);

let laterTimerRan = false;
setTimeout(() => { laterTimerRan = true; }, 20);

process.nextTick(() => {
  throw new Error('from nextTick');
});
let tickAfterError = false;
process.nextTick(() => { tickAfterError = true; });

process.on('exit', (code) => {
  // Otherwise a failing assertion here would be swallowed by the handler.
  process.removeListener('uncaughtException', onUncaught);
  assert.strictEqual(code, 0);
  assert.strictEqual(afterThrow, false);
  assert.strictEqual(laterTimerRan, true);
  assert.strictEqual(tickAfterError, true);
  assert.deepStrictEqual(seen, [
    ['from top level', 'uncaughtException'],
    ['from nextTick', 'uncaughtException'],
    ['from timer', 'uncaughtException'],
    ['from immediate', 'uncaughtException'],
  ]);
  console.log('ok');
});

throw new Error('from top level');
