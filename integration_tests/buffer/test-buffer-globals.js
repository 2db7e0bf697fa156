'use strict';
// Buffer, atob, btoa and Blob are globals with Node 20's enumerability and identity.
const assert = require('assert');
const buffer = require('buffer');

assert.strictEqual(globalThis.Buffer, buffer.Buffer);
assert.strictEqual(globalThis.atob, buffer.atob);
assert.strictEqual(globalThis.btoa, buffer.btoa);
assert.strictEqual(globalThis.Blob, buffer.Blob);
const enumerable = Object.keys(globalThis);
assert.ok(!enumerable.includes('Buffer'));
assert.ok(!enumerable.includes('Blob'));
assert.ok(enumerable.includes('atob'));
assert.ok(enumerable.includes('btoa'));
assert.ok(Buffer.from('x') instanceof Uint8Array);
assert.strictEqual(Buffer.from('x').constructor, Buffer);
