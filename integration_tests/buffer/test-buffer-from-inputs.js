'use strict';
// Buffer.from for every kind of input, and the error for the rest.
const assert = require('assert');

assert.deepStrictEqual([...Buffer.from([1, 2, 257, -1])], [1, 2, 1, 255]);
assert.deepStrictEqual([...Buffer.from({ length: 2, 0: 7, 1: 8 })], [7, 8]);
assert.deepStrictEqual([...Buffer.from({ type: 'Buffer', data: [1, 2] })], [1, 2]);
assert.strictEqual(Buffer.from(new String('abc')).toString(), 'abc');
assert.strictEqual(Buffer.from({ [Symbol.toPrimitive]: () => 'xyz' }).toString(), 'xyz');
// From an ArrayBuffer the memory is shared, with offset and length.
const ab = new ArrayBuffer(8);
const view = Buffer.from(ab, 2, 4);
view[0] = 9;
assert.strictEqual(new Uint8Array(ab)[2], 9);
assert.strictEqual(view.length, 4);
assert.throws(() => Buffer.from(ab, 9), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS', message: '"offset" is outside of buffer bounds',
});
assert.throws(() => Buffer.from(ab, 2, 7), { message: '"length" is outside of buffer bounds' });
// From a Buffer or typed array it copies.
const src = Buffer.from('abc');
const copy = Buffer.from(src);
copy[0] = 0x7a;
assert.strictEqual(src.toString(), 'abc');
assert.deepStrictEqual([...Buffer.from(new Uint16Array([1, 258]))], [1, 2]);
for (const bad of [5, {}, null, undefined, Symbol('x'), true]) {
  assert.throws(() => Buffer.from(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object\./,
  });
}
assert.throws(() => Buffer.from('x', 'nope'), { code: 'ERR_UNKNOWN_ENCODING' });
assert.strictEqual(Buffer.of(1, 2, 3).toString('hex'), '010203');
assert.strictEqual(Buffer.copyBytesFrom(new Uint16Array([1, 2]), 1).toString('hex'), '0200');
