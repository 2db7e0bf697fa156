'use strict';
// The global object's own shape in Node 20: its toStringTag, and `process` and `Buffer`
// as accessor pairs that stay accessors after assignment.
const assert = require('assert');

assert.strictEqual(Object.prototype.toString.call(globalThis), '[object global]');
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(globalThis, Symbol.toStringTag), {
  value: 'global', writable: false, enumerable: false, configurable: true,
});

const realProcess = process;
const realBuffer = require('buffer').Buffer;
for (const [name, real] of [['process', realProcess], ['Buffer', realBuffer]]) {
  assert.strictEqual(globalThis[name], real);
  globalThis[name] = 'replaced';
  assert.strictEqual(globalThis[name], 'replaced');
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(typeof descriptor.get, 'function');
  assert.strictEqual(typeof descriptor.set, 'function');
  assert.strictEqual(descriptor.enumerable, false);
  globalThis[name] = real;
  assert.strictEqual(globalThis[name], real);
}
