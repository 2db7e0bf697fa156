'use strict';
// Fixed compressed vectors decode to known text in every format, round trips give the
// input back, and crc32 matches the standard check values.
const assert = require('node:assert');
const zlib = require('node:zlib');

const hello = 'hello world';
const vectors = [
  ['inflateSync', '789ccb48cdc9c95728cf2fca4901001a0b045d'],
  ['gunzipSync', '1f8b0800000000000203cb48cdc9c95728cf2fca49010085114a0d0b000000'],
  ['unzipSync', '1f8b0800000000000203cb48cdc9c95728cf2fca49010085114a0d0b000000'],
  ['unzipSync', '789ccb48cdc9c95728cf2fca4901001a0b045d'],
  ['inflateRawSync', 'cb48cdc9c95728cf2fca490100'],
  ['brotliDecompressSync', '0b058068656c6c6f20776f726c6403'],
];
for (const [method, hex] of vectors) {
  assert.strictEqual(zlib[method](Buffer.from(hex, 'hex')).toString(), hello, method);
}
// A 128-byte run of 'a' from Node's own brotli test data.
assert.strictEqual(
  zlib.brotliDecompressSync(Buffer.from('G38A+CXCIrFAIAM=', 'base64')).toString(),
  'a'.repeat(128));

// The gzip header: magic, deflate method, no flags, Unix OS byte.
const gz = zlib.gzipSync(hello);
assert.deepStrictEqual([...gz.subarray(0, 4)], [0x1f, 0x8b, 8, 0]);
assert.strictEqual(gz[9], 3);
// The trailer holds the CRC-32 and the length of the input.
assert.strictEqual(gz.readUInt32LE(gz.length - 8), zlib.crc32(hello));
assert.strictEqual(gz.readUInt32LE(gz.length - 4), hello.length);

// Round trips through every format and a few levels.
const text = Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(500));
for (const [enc, dec] of [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'unzipSync'],
  ['brotliCompressSync', 'brotliDecompressSync']]) {
  for (const level of [0, 1, 6, 9]) {
    const packed = zlib[enc](text, { level });
    assert.ok(level === 0 || packed.length < text.length / 10, `${enc} ${level}`);
    assert.ok(zlib[dec](packed).equals(text), `${enc}/${dec} ${level}`);
  }
}

// crc32: the CRC-32/ISO-HDLC check values, chaining, strings as UTF-8.
assert.strictEqual(zlib.crc32(''), 0);
assert.strictEqual(zlib.crc32('123456789'), 0xcbf43926);
assert.strictEqual(zlib.crc32('The quick brown fox jumps over the lazy dog'), 0x414fa339);
assert.strictEqual(zlib.crc32('56789', zlib.crc32('1234')), 0xcbf43926);
assert.strictEqual(zlib.crc32('é'), zlib.crc32(Buffer.from([0xc3, 0xa9])));
assert.strictEqual(zlib.crc32(new Uint16Array([0x3231, 0x3433])), zlib.crc32('1234'));
assert.throws(() => zlib.crc32(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => zlib.crc32('a', -1), { code: 'ERR_OUT_OF_RANGE' });
