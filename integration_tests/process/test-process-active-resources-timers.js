'use strict';
// process.getActiveResourcesInfo() lists one 'Timeout' per ref'd timer and one
// 'Immediate' per ref'd pending immediate.
const assert = require('assert');

const count = (type) => process.getActiveResourcesInfo().filter((t) => t === type).length;

assert.strictEqual(count('Timeout'), 0);
const timers = [];
for (let i = 0; i < 5; i++) timers.push(setTimeout(() => {}, 10));
assert.strictEqual(count('Timeout'), 5);
timers[0].unref();
clearTimeout(timers[1]);
assert.strictEqual(count('Timeout'), 3);

const immediate = setImmediate(() => {
  // The running one is no longer counted; the second is still pending.
  assert.strictEqual(count('Immediate'), 1);
});
setImmediate(() => assert.strictEqual(count('Immediate'), 0));
assert.strictEqual(count('Immediate'), 2);
immediate.unref();
assert.strictEqual(count('Immediate'), 1);
immediate.ref();

const interval = setInterval(() => {}, 1000);
assert.strictEqual(count('Timeout'), 4);
clearInterval(interval);
