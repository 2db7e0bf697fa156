'use strict';
// Integer, BigInt and float accessors in both byte orders, and their range errors.
const assert = require('assert');

const buf = Buffer.alloc(8);
assert.strictEqual(buf.writeUInt16BE(0x1234), 2);
assert.strictEqual(buf.toString('hex', 0, 2), '1234');
assert.strictEqual(buf.readUInt16LE(0), 0x3412);
buf.writeInt32LE(-2, 4);
assert.strictEqual(buf.readInt32LE(4), -2);
assert.strictEqual(buf.readUint32LE(4), 0xfffffffe);
buf.writeIntBE(-123456789012, 0, 6);
assert.strictEqual(buf.readIntBE(0, 6), -123456789012);
buf.writeUIntLE(0xabcdef, 1, 3);
assert.strictEqual(buf.readUIntLE(1, 3), 0xabcdef);
buf.writeBigInt64BE(-5n);
assert.strictEqual(buf.readBigInt64BE(), -5n);
assert.strictEqual(buf.readBigUInt64BE(), 2n ** 64n - 5n);
buf.writeBigUint64LE(2n ** 63n);
assert.strictEqual(buf.readBigUint64LE(), 2n ** 63n);
buf.writeDoubleBE(Math.PI);
assert.strictEqual(buf.readDoubleBE(), Math.PI);
buf.writeFloatLE(1.5, 4);
assert.strictEqual(buf.readFloatLE(4), 1.5);
assert.strictEqual(buf.readInt8(7) < 128, true);

assert.throws(() => buf.readUInt32LE(5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 and <= 4. Received 5',
});
assert.throws(() => buf.readUInt8(0.5), { message: /It must be an integer/ });
assert.throws(() => buf.readUInt8('0'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => Buffer.alloc(0).readUInt8(), { code: 'ERR_BUFFER_OUT_OF_BOUNDS' });
assert.throws(() => buf.writeUInt8(256), {
  message: 'The value of "value" is out of range. It must be >= 0 and <= 255. Received 256',
});
assert.throws(() => buf.writeIntLE(2 ** 47, 0, 6), {
  message: /It must be >= -\(2 \*\* 47\) and < 2 \*\* 47\./,
});
assert.throws(() => buf.writeBigUInt64LE(-1n), { message: /It must be >= 0n and < 2n \*\* 64n\./ });
assert.throws(() => buf.readIntLE(0, 7), {
  message: 'The value of "byteLength" is out of range. It must be >= 1 and <= 6. Received 7',
});
