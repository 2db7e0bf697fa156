'use strict';
// Two timers that expire in the same timers phase: the nextTicks and
// microtasks queued by the first callback run before the second callback.
const assert = require('node:assert');

const order = [];

// Same delay, so they are in the same list and expire in the same pass.
setTimeout(() => {
  order.push('timer1');
  process.nextTick(() => order.push('timer1.tick'));
  Promise.resolve().then(() => order.push('timer1.promise'));
  queueMicrotask(() => order.push('timer1.microtask'));
  setImmediate(() => order.push('timer1.immediate'));
}, 5);
setTimeout(() => {
  order.push('timer2');
  process.nextTick(() => order.push('timer2.tick'));
}, 5);

// Busy-wait so that both timers are certainly due when the loop starts.
const start = Date.now();
while (Date.now() - start < 20) { /* spin */ }

process.on('exit', () => {
  assert.deepStrictEqual(order, [
    'timer1',
    'timer1.tick',
    'timer1.promise',
    'timer1.microtask',
    'timer2',
    'timer2.tick',
    'timer1.immediate',
  ]);
  console.log('ok');
});
