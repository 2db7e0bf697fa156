'use strict';
// process.nextTick callbacks run with `this` undefined; after a callback throws and
// 'uncaughtException' handles it, ticks it queued run only once the rest of the current
// immediate queue has run (Node skips the tick queue after a failed callback).
const assert = require('assert');

process.nextTick(function() {
  'use strict';
  assert.strictEqual(this, undefined);
}, 1, 2);

const order = [];
let handled = 0;
process.on('uncaughtException', (err) => {
  assert.strictEqual(err.message, 'boom');
  handled++;
});

setImmediate(() => order.push('first'));
setImmediate(() => {
  process.nextTick(() => order.push('tick'));
  throw new Error('boom');
});
setImmediate(() => order.push('third'));

process.on('exit', () => {
  assert.strictEqual(handled, 1);
  assert.deepStrictEqual(order, ['first', 'third', 'tick']);
});
