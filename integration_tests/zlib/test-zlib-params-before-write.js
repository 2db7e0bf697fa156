'use strict';
// A deflate stream takes params() and reset() before its first write (zlib's state is
// made on first use), and its output still inflates to the input.
const assert = require('node:assert');
const zlib = require('node:zlib');

const text = 'params before the first write '.repeat(2000);
let done = 0;

const deflate = zlib.createDeflate({ level: 1 });
deflate.params(9, zlib.constants.Z_FILTERED, () => {
  const chunks = [];
  deflate.on('data', (chunk) => chunks.push(chunk));
  deflate.on('end', () => {
    assert.strictEqual(zlib.inflateSync(Buffer.concat(chunks)).toString(), text);
    done++;
  });
  deflate.end(text);
});

const gzip = zlib.createGzip();
gzip.reset();
const out = [];
gzip.on('data', (chunk) => out.push(chunk));
gzip.on('end', () => {
  assert.strictEqual(zlib.gunzipSync(Buffer.concat(out)).toString(), text);
  done++;
});
gzip.end(text);

// An inflater that never sees input closes cleanly.
zlib.createGunzip().close(() => done++);
process.on('exit', () => assert.strictEqual(done, 3));
