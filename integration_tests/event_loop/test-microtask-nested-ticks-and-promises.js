'use strict';
// nextTicks queued from a microtask run after the current microtask queue is
// drained; microtasks queued from a nextTick run after the nextTick queue is
// drained. A nextTick queued from a nextTick runs in the same drain, before
// any microtask.
const assert = require('node:assert');

const order = [];

process.nextTick(() => {
  order.push('tick1');
  process.nextTick(() => order.push('tick1.tick'));
  Promise.resolve().then(() => {
    order.push('tick1.promise');
    process.nextTick(() => order.push('tick1.promise.tick'));
    queueMicrotask(() => order.push('tick1.promise.microtask'));
  });
});

Promise.resolve().then(() => {
  order.push('promise1');
  process.nextTick(() => {
    order.push('promise1.tick');
    Promise.resolve().then(() => order.push('promise1.tick.promise'));
  });
  Promise.resolve().then(() => order.push('promise1.promise'));
});

process.nextTick(() => order.push('tick2'));

setImmediate(() => {
  assert.deepStrictEqual(order, [
    'tick1',
    'tick2',
    'tick1.tick',
    'promise1',
    'tick1.promise',
    'promise1.promise',
    'tick1.promise.microtask',
    'promise1.tick',
    'tick1.promise.tick',
    'promise1.tick.promise',
  ]);
  console.log('ok');
});
