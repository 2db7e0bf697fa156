'use strict';
// Truncated or corrupt input fails with Node's error (message, code, errno) in the
// Sync, callback and stream forms, never a crash.
const assert = require('node:assert');
const zlib = require('node:zlib');

const text = 'some text that compresses '.repeat(40);
const gz = zlib.gzipSync(text);
const corruptCrc = Buffer.from(gz);
corruptCrc[corruptCrc.length - 6] ^= 0xff;
const corruptBody = Buffer.from(zlib.deflateSync(text));
corruptBody[2] = 0xff;

const cases = [
  ['gunzip', gz.subarray(0, gz.length - 5), 'unexpected end of file', 'Z_BUF_ERROR', -5],
  ['gunzip', gz.subarray(0, 5), 'unexpected end of file', 'Z_BUF_ERROR', -5],
  ['gunzip', Buffer.from('definitely not gzip'), 'incorrect header check', 'Z_DATA_ERROR', -3],
  ['gunzip', corruptCrc, 'incorrect data check', 'Z_DATA_ERROR', -3],
  ['inflate', corruptBody, 'invalid block type', 'Z_DATA_ERROR', -3],
  ['inflate', Buffer.alloc(0), 'unexpected end of file', 'Z_BUF_ERROR', -5],
  ['unzip', Buffer.from([0x1f, 0x8b, 0xff, 0xff, 0, 0, 0, 0, 0, 0]),
    'unknown compression method', 'Z_DATA_ERROR', -3],
  ['brotliDecompress', Buffer.from('garbage data here'), 'Decompression failed',
    'ERR__ERROR_FORMAT_PADDING_1', -14],
  ['brotliDecompress', zlib.brotliCompressSync(text).subarray(0, 8), 'unexpected end of file',
    'Z_BUF_ERROR', -5],
];

let callbacks = 0;
let streamErrors = 0;
for (const [method, input, message, code, errno] of cases) {
  const expected = { name: 'Error', message, code, errno };
  assert.throws(() => zlib[`${method}Sync`](input), expected, `${method}Sync ${message}`);
  zlib[method](input, (err, result) => {
    assert.strictEqual(result, undefined);
    assert.ok(err instanceof Error);
    assert.deepStrictEqual({ name: err.name, message: err.message, code: err.code,
      errno: err.errno }, expected);
    callbacks++;
  });
  const create = `create${method[0].toUpperCase()}${method.slice(1)}`;
  const stream = zlib[create]();
  stream.on('error', (err) => {
    assert.strictEqual(err.code, code);
    assert.strictEqual(stream.destroyed, true);
    assert.strictEqual(stream._closed, true);
    streamErrors++;
  });
  stream.resume();
  stream.end(input);
}

// Data after the end of a deflate stream is ignored; after a gzip member it must be
// another member.
assert.strictEqual(zlib.inflateSync(Buffer.concat([zlib.deflateSync('x'), Buffer.from('junk')]))
  .toString(), 'x');
assert.throws(() => zlib.gunzipSync(Buffer.concat([gz, Buffer.from('junk!junk!')])),
  { code: 'Z_DATA_ERROR', message: 'incorrect header check' });

process.on('exit', () => {
  assert.strictEqual(callbacks, cases.length);
  assert.strictEqual(streamErrors, cases.length);
});
