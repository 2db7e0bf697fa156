'use strict';
// In the main script, the whole nextTick queue drains before the microtask
// queue (Promise reactions and queueMicrotask callbacks, which share one FIFO
// queue). Synchronous code runs first.
const assert = require('node:assert');

const order = [];

Promise.resolve().then(() => order.push('promise1'));
queueMicrotask(() => order.push('microtask1'));
process.nextTick(() => order.push('tick1'));
Promise.resolve().then(() => order.push('promise2'));
process.nextTick(() => order.push('tick2'));
queueMicrotask(() => order.push('microtask2'));
order.push('sync');

setTimeout(() => {
  assert.deepStrictEqual(order, [
    'sync',
    'tick1',
    'tick2',
    'promise1',
    'microtask1',
    'promise2',
    'microtask2',
  ]);
  console.log('ok');
}, 0);
