'use strict';
// alloc/allocUnsafe/allocUnsafeSlow: zeroing, fills, pooling and size limits.
const assert = require('assert');
const { kMaxLength, constants, SlowBuffer } = require('buffer');

assert.strictEqual(kMaxLength, constants.MAX_LENGTH);
assert.strictEqual(constants.MAX_LENGTH, 2 ** 32);
assert.strictEqual(constants.MAX_STRING_LENGTH, 2 ** 29 - 24);
assert.deepStrictEqual([...Buffer.alloc(4)], [0, 0, 0, 0]);
assert.strictEqual(Buffer.alloc(5, 'ab').toString(), 'ababa');
assert.strictEqual(Buffer.alloc(4, 'ff', 'hex').toString('hex'), 'ffffffff');
assert.strictEqual(Buffer.alloc(3, 257).toString('hex'), '010101');
assert.strictEqual(Buffer.allocUnsafe(0).length, 0);
assert.strictEqual(Buffer.allocUnsafeSlow(10).length, 10);
// Small unsafe buffers share the pool; slow ones do not.
const a = Buffer.allocUnsafe(16);
const b = Buffer.allocUnsafe(16);
assert.strictEqual(a.buffer, b.buffer);
assert.strictEqual(a.buffer.byteLength, Buffer.poolSize);
assert.strictEqual(Buffer.allocUnsafeSlow(16).buffer.byteLength, 16);
assert.ok(new SlowBuffer(4) instanceof Buffer);

for (const size of [-1, kMaxLength + 1, 2 ** 53, Infinity, NaN]) {
  assert.throws(() => Buffer.alloc(size), { code: 'ERR_OUT_OF_RANGE', name: 'RangeError' });
  assert.throws(() => Buffer.allocUnsafe(size), { code: 'ERR_OUT_OF_RANGE' });
}
assert.throws(() => Buffer.alloc(-1), {
  message: 'The value of "size" is out of range. It must be >= 0 && <= 4294967296. Received -1',
});
assert.throws(() => Buffer.alloc('10'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => Buffer.alloc(2, 'zz', 'hex'), { code: 'ERR_INVALID_ARG_VALUE' });
