'use strict';
// Without an 'unhandledRejection' listener, an unhandled rejection is raised
// as an uncaught exception; an 'uncaughtException' listener receives it with
// origin 'unhandledRejection', and the process survives.
const assert = require('node:assert');

const seen = [];
function onUncaught(err, origin) {
  seen.push([err, origin]);
}
process.on('uncaughtException', onUncaught);

const err = new Error('rejected');
Promise.reject(err);
setTimeout(() => { throw new Error('thrown'); }, 1);

let later = false;
setTimeout(() => { later = true; }, 5);

process.on('exit', (code) => {
  process.removeListener('uncaughtException', onUncaught);
  assert.strictEqual(code, 0);
  assert.strictEqual(later, true);
  assert.strictEqual(seen.length, 2);
  assert.strictEqual(seen[0][0], err);
  assert.strictEqual(seen[0][1], 'unhandledRejection');
  assert.strictEqual(seen[1][0].message, 'thrown');
  assert.strictEqual(seen[1][1], 'uncaughtException');
  console.log('ok');
});
