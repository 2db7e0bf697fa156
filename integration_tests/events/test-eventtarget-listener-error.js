'use strict';
// A throwing listener does not stop the others; the error (and a rejection from an async
// listener) reaches process 'uncaughtException' after dispatchEvent returns.
const assert = require('assert');

const target = new EventTarget();
const order = [];
const errors = [];
process.on('uncaughtException', (err, origin) => {
  assert.strictEqual(origin, 'uncaughtException');
  errors.push(err.message);
});
target.addEventListener('x', () => { throw new Error('sync boom'); });
target.addEventListener('x', async () => { throw new Error('async boom'); });
target.addEventListener('x', () => order.push('third'));
assert.strictEqual(target.dispatchEvent(new Event('x')), true);
order.push('after');
assert.deepStrictEqual(errors, []);

process.on('exit', () => {
  assert.deepStrictEqual(order, ['third', 'after']);
  assert.deepStrictEqual(errors.sort(), ['async boom', 'sync boom']);
});
