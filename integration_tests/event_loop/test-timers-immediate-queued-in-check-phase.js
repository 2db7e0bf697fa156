'use strict';
// Immediates queued while the check phase runs are not run in the same
// check phase: they wait for the next loop iteration, so a due timer runs
// first. Immediates already queued run together in one check phase.
const assert = require('node:assert');

const order = [];

setImmediate(() => {
  order.push('immediate1');
  setImmediate(() => order.push('immediate3 (queued by 1)'));
  // Make sure this timer is due by the time the next timers phase starts.
  setTimeout(() => order.push('timeout'), 0);
  const start = Date.now();
  while (Date.now() - start < 5) { /* spin */ }
});
setImmediate(() => {
  order.push('immediate2');
  process.nextTick(() => order.push('immediate2.tick'));
});

process.on('exit', () => {
  assert.deepStrictEqual(order, [
    'immediate1',
    'immediate2',
    'immediate2.tick',
    'timeout',
    'immediate3 (queued by 1)',
  ]);
  console.log('ok');
});
