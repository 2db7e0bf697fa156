// The enumerable globals are exactly Node 20's (Node's own test harness fails every test
// otherwise), and every global, lazy ones included, can be read without throwing.
const assert = require('node:assert');

const enumerable = [];
for (const key in globalThis) enumerable.push(key);
assert.deepStrictEqual(enumerable.sort(), [
  'atob', 'btoa', 'clearImmediate', 'clearInterval', 'clearTimeout', 'crypto', 'fetch',
  'global', 'performance', 'queueMicrotask', 'setImmediate', 'setInterval', 'setTimeout',
  'structuredClone',
]);

for (const name of Object.getOwnPropertyNames(globalThis)) {
  assert.doesNotThrow(() => globalThis[name], `reading globalThis.${name}`);
}
for (const name of ['Buffer', 'process', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder',
  'AbortController', 'AbortSignal', 'EventTarget', 'Event', 'MessageChannel', 'Blob',
  'DOMException', 'console', 'crypto', 'performance', 'fetch', 'structuredClone']) {
  assert.notStrictEqual(globalThis[name], undefined, name);
}
assert.strictEqual(require('buffer').atob, globalThis.atob);
assert.strictEqual(require('buffer').btoa, globalThis.btoa);
