'use strict';
// The whole-buffer forms honour every option: maxOutputLength at its exact edge (also
// across gzip members and when compressing), info: true, dictionaries, small windows,
// strategies and a finishFlush that accepts truncated input.
const assert = require('node:assert');
const zlib = require('node:zlib');

const tooLarge = (limit) => ({
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: `Cannot create a Buffer larger than ${limit} bytes`,
});
const zeros = zlib.gzipSync(Buffer.alloc(100000));
assert.strictEqual(zlib.gunzipSync(zeros, { maxOutputLength: 100000 }).length, 100000);
assert.throws(() => zlib.gunzipSync(zeros, { maxOutputLength: 99999 }), tooLarge(99999));
assert.throws(() => zlib.gunzipSync(Buffer.concat([zeros, zeros]), { maxOutputLength: 150000 }),
  tooLarge(150000));
assert.throws(() => zlib.inflateRawSync(zlib.deflateRawSync(Buffer.alloc(5000)),
  { maxOutputLength: 4096 }), tooLarge(4096));
assert.throws(() => zlib.gzipSync('hello world'.repeat(100), { maxOutputLength: 10 }),
  tooLarge(10));
let pending = 1;
zlib.gunzip(zeros, { maxOutputLength: 5000 }, (err) => {
  assert.throws(() => { throw err; }, tooLarge(5000));
  pending--;
});

// Outputs far larger than the input, or than the last gzip member says.
const big = Buffer.alloc(8 * 1024 * 1024, 'z');
assert.ok(zlib.inflateSync(zlib.deflateSync(big)).equals(big));
assert.ok(zlib.gunzipSync(Buffer.concat([zlib.gzipSync(big), zlib.gzipSync('!')]))
  .equals(Buffer.concat([big, Buffer.from('!')])));

// info: true hands back the engine too.
const info = zlib.gzipSync('abc', { info: true });
assert.deepStrictEqual(Object.keys(info), ['buffer', 'engine']);
assert.ok(info.engine instanceof zlib.Gzip);
assert.strictEqual(info.engine.bytesWritten, 3);
const unpacked = zlib.gunzipSync(info.buffer, { info: true });
assert.strictEqual(unpacked.buffer.toString(), 'abc');
assert.strictEqual(unpacked.engine.bytesWritten, info.buffer.length);
pending++;
zlib.deflate('abc', { info: true }, (err, result) => {
  assert.ifError(err);
  assert.ok(result.engine instanceof zlib.Deflate);
  assert.strictEqual(zlib.inflateSync(result.buffer).toString(), 'abc');
  pending--;
});

// Dictionaries.
const dictionary = Buffer.from('hello world');
const withDict = zlib.deflateSync('hello world hello', { dictionary });
assert.strictEqual(zlib.inflateSync(withDict, { dictionary }).toString(), 'hello world hello');
assert.throws(() => zlib.inflateSync(withDict),
  { code: 'Z_NEED_DICT', errno: 2, message: 'Missing dictionary' });
assert.throws(() => zlib.inflateSync(withDict, { dictionary: Buffer.from('nope') }),
  { code: 'Z_NEED_DICT', errno: 2, message: 'Bad dictionary' });
const rawDict = zlib.deflateRawSync('hello world hello', { dictionary });
assert.strictEqual(zlib.inflateRawSync(rawDict, { dictionary }).toString(), 'hello world hello');

// Small windows, and a stream whose window is larger than the inflater allows.
const text = 'abcdefghij'.repeat(3000);
const small = zlib.deflateSync(text, { windowBits: 9, memLevel: 1 });
assert.strictEqual(small[0] >> 4, 1);
assert.strictEqual(zlib.inflateSync(small).toString(), text);
assert.throws(() => zlib.inflateSync(zlib.deflateSync(text), { windowBits: 9 }),
  { code: 'Z_DATA_ERROR', errno: -3, message: 'invalid window size' });
for (const strategy of [zlib.constants.Z_FILTERED, zlib.constants.Z_HUFFMAN_ONLY,
  zlib.constants.Z_RLE, zlib.constants.Z_FIXED]) {
  assert.strictEqual(zlib.gunzipSync(zlib.gzipSync(text, { strategy })).toString(), text);
}

// Z_SYNC_FLUSH as finishFlush returns what a truncated input holds.
const long = zlib.deflateSync('x'.repeat(100000) + 'tail');
const partial = zlib.inflateSync(long.subarray(0, long.length - 4),
  { finishFlush: zlib.constants.Z_SYNC_FLUSH });
assert.strictEqual(partial.toString(), 'x'.repeat(100000) + 'tail');
assert.throws(() => zlib.inflateSync(long.subarray(0, long.length - 4)),
  { code: 'Z_BUF_ERROR', message: 'unexpected end of file' });
process.on('exit', () => assert.strictEqual(pending, 0));
