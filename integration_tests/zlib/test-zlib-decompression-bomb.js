'use strict';
// maxOutputLength stops a decompression bomb with ERR_BUFFER_TOO_LARGE in the Sync and
// callback forms, and an unread stream stops inflating once its buffer is full.
const assert = require('node:assert');
const zlib = require('node:zlib');

// 64 MiB of zeros packs into about 64 KiB of gzip (about 2 KiB of brotli).
const bombSize = 64 * 1024 * 1024;
const gzBomb = zlib.gzipSync(Buffer.alloc(bombSize), { level: 9 });
const brBomb = zlib.brotliCompressSync(Buffer.alloc(bombSize));
assert.ok(gzBomb.length < 128 * 1024 && brBomb.length < 8 * 1024);

const limit = 1024 * 1024;
const tooLarge = {
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: `Cannot create a Buffer larger than ${limit} bytes`,
};
assert.throws(() => zlib.gunzipSync(gzBomb, { maxOutputLength: limit }), tooLarge);
assert.throws(() => zlib.brotliDecompressSync(brBomb, { maxOutputLength: limit }), tooLarge);
assert.throws(() => zlib.unzipSync(gzBomb, { maxOutputLength: limit }), tooLarge);

let callbacks = 0;
for (const method of ['gunzip', 'unzip']) {
  zlib[method](gzBomb, { maxOutputLength: limit }, (err, result) => {
    assert.throws(() => { throw err; }, tooLarge);
    assert.strictEqual(result, undefined);
    callbacks++;
  });
}
zlib.brotliDecompress(brBomb, { maxOutputLength: limit }, (err) => {
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
  callbacks++;
});

// Options are checked: the limit must be a number in [1, buffer.kMaxLength].
assert.throws(() => zlib.gunzipSync(gzBomb, { maxOutputLength: 0 }),
  { code: 'ERR_OUT_OF_RANGE', name: 'RangeError' });
assert.throws(() => zlib.gunzipSync(gzBomb, { maxOutputLength: '1' }),
  { code: 'ERR_INVALID_ARG_TYPE' });

// A stream nobody reads stops inflating once its buffer is full: about one chunk is
// held and most of the input is left unconsumed.
const stream = zlib.createGunzip();
stream.end(gzBomb);
stream.once('readable', () => {
  const check = () => {
    assert.ok(stream.readableLength <= 2 * 16384, `buffered ${stream.readableLength}`);
    assert.ok(stream.bytesWritten < gzBomb.length / 2, `consumed ${stream.bytesWritten}`);
  };
  check();
  setImmediate(() => {
    check();
    stream.destroy();
    callbacks++;
  });
});

process.on('exit', () => assert.strictEqual(callbacks, 4));
