'use strict';
// Options are validated with Node's errors, and the stream API around them works:
// params(), flush(), close(), info, util.promisify.
const assert = require('node:assert');
const util = require('node:util');
const zlib = require('node:zlib');

assert.throws(() => zlib.createGzip({ level: 10 }), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "options.level" is out of range. It must be >= -1 and <= 9. ' +
    'Received 10',
});
assert.throws(() => zlib.createGzip({ windowBits: 8 }), {
  message: /It must be >= 9 and <= 15. Received 8$/,
});
assert.throws(() => zlib.createDeflate({ memLevel: 10 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.createDeflate({ strategy: 5 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.createDeflate({ chunkSize: 63 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.createDeflate({ flush: 6 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => zlib.createDeflate({ level: '1' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.level" property must be of type number. Received type string (\'1\')',
});
assert.throws(() => zlib.createBrotliCompress({ params: { 99: 1 } }), {
  code: 'ERR_BROTLI_INVALID_PARAM', name: 'RangeError',
  message: '99 is not a valid Brotli parameter',
});
assert.throws(() => zlib.createBrotliCompress({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 'x' },
}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => zlib.createBrotliCompress({
  // A boolean flag: only 0 and 1 are valid.
  params: { [zlib.constants.BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING]: 42 },
}), { code: 'ERR_ZLIB_INITIALIZATION_FAILED', message: 'Initialization failed' });
assert.throws(() => zlib.deflateSync(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => zlib.deflate('x'), { code: 'ERR_INVALID_ARG_TYPE' });
// NaN and undefined fall back to the defaults.
zlib.createDeflate({ level: NaN, chunkSize: undefined });
// Without `new`, and the create* factories.
assert.ok(zlib.Gzip() instanceof zlib.Gzip);
assert.ok(zlib.createUnzip() instanceof zlib.Unzip);

assert.strictEqual(zlib.constants.Z_BEST_COMPRESSION, 9);
assert.strictEqual(zlib.constants.BROTLI_DECODER_ERROR_UNREACHABLE, -31);
assert.strictEqual(zlib.Z_SYNC_FLUSH, 2);
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
assert.strictEqual(Object.getOwnPropertyDescriptor(zlib.constants, 'Z_OK').writable, false);
assert.strictEqual(Object.getPrototypeOf(zlib.constants), null);

let steps = 0;
(async () => {
  const gzip = util.promisify(zlib.gzip);
  const gunzip = util.promisify(zlib.gunzip);
  assert.strictEqual((await gunzip(await gzip('promised'))).toString(), 'promised');
  await assert.rejects(gunzip(Buffer.from('nope')), { code: 'Z_DATA_ERROR' });
  const { buffer, engine } = zlib.deflateSync('info', { info: true });
  assert.ok(engine instanceof zlib.Deflate && Buffer.isBuffer(buffer));
  steps++;

  // flush() makes what was written so far decodable; params() switches the level.
  const deflate = zlib.createDeflate({ level: 0 });
  const out = [];
  deflate.on('data', (chunk) => out.push(chunk));
  deflate.write('first part ');
  await new Promise((resolve) => deflate.flush(resolve));
  const partial = zlib.inflateSync(Buffer.concat(out), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  assert.strictEqual(partial.toString(), 'first part ');
  await new Promise((resolve) => deflate.params(9, zlib.constants.Z_DEFAULT_STRATEGY, resolve));
  assert.strictEqual(deflate._level, 9);
  deflate.end('x'.repeat(10000));
  await new Promise((resolve) => deflate.on('end', resolve));
  const all = Buffer.concat(out);
  assert.strictEqual(zlib.inflateSync(all).toString(), 'first part ' + 'x'.repeat(10000));
  assert.ok(all.length < 200);
  assert.throws(() => deflate.params('9'), { code: 'ERR_INVALID_ARG_TYPE' });
  steps++;

  // close() takes a callback and releases the handle; writing afterwards fails.
  const inflate = zlib.createInflate();
  await new Promise((resolve) => inflate.close(resolve));
  assert.strictEqual(inflate._closed, true);
  await new Promise((resolve) => inflate.write('x', (err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
    resolve();
  }));
  steps++;
})();
process.on('exit', () => assert.strictEqual(steps, 3));
