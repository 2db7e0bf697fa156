// An ES module entry body runs inside a microtask: its promise reactions run before its
// process.nextTick callbacks (the reverse of CommonJS).
import assert from 'node:assert';

const order = [];
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('promise'));
queueMicrotask(() => order.push('microtask'));
setTimeout(() => {
  assert.deepStrictEqual(order, ['promise', 'microtask', 'tick']);
}, 1);
