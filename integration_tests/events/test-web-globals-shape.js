'use strict';
// The event and abort globals exist and are non-enumerable, as in Node 20.
const assert = require('assert');

// Lazy interfaces are accessor pairs until first use.
assert.strictEqual(typeof Object.getOwnPropertyDescriptor(globalThis, 'AbortSignal').get,
  'function');

for (const name of ['EventTarget', 'Event', 'CustomEvent', 'AbortController', 'AbortSignal',
  'DOMException']) {
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.ok(desc, name);
  assert.strictEqual(desc.enumerable, false, name);
  assert.strictEqual(desc.configurable, true, name);
  assert.strictEqual(typeof globalThis[name], 'function', name);
}
// Assigning replaces the value.
globalThis.AbortController = 1;
assert.strictEqual(AbortController, 1);

assert.deepStrictEqual(Object.getOwnPropertyNames(EventTarget.prototype),
  ['constructor', 'addEventListener', 'removeEventListener', 'dispatchEvent']);
assert.deepStrictEqual(Object.getOwnPropertyNames(AbortSignal.prototype),
  ['constructor', 'aborted', 'reason', 'throwIfAborted', 'onabort']);
