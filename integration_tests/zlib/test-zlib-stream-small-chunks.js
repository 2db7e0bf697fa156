'use strict';
// Streams fed in tiny writes with a tiny chunkSize give the same bytes back, in every
// format, and bytesWritten counts the input consumed.
const assert = require('node:assert');
const zlib = require('node:zlib');

// 64 KiB of mildly compressible, deterministic data.
const input = Buffer.alloc(64 * 1024);
let seed = 7;
for (let i = 0; i < input.length; i++) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  input[i] = 97 + ((seed >> 16) % 8);
}

function pump(stream, data, step) {
  return new Promise((resolve, reject) => {
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(out)));
    let offset = 0;
    (function next() {
      while (offset < data.length) {
        const size = step(offset);
        const ok = stream.write(data.subarray(offset, offset + size));
        offset += size;
        if (!ok) return stream.once('drain', next);
      }
      stream.end();
    })();
  });
}

const pairs = [
  ['createDeflate', 'createInflate'], ['createGzip', 'createGunzip'],
  ['createDeflateRaw', 'createInflateRaw'], ['createGzip', 'createUnzip'],
  ['createDeflate', 'createUnzip'], ['createBrotliCompress', 'createBrotliDecompress'],
];

let done = false;
(async () => {
  for (const [enc, dec] of pairs) {
    const compressor = zlib[enc]({ chunkSize: 64 });
    const packed = await pump(compressor, input, (off) => 1 + (off % 97));
    assert.strictEqual(compressor.bytesWritten, input.length, enc);
    const decompressor = zlib[dec]({ chunkSize: 64 });
    const unpacked = await pump(decompressor, packed, () => 7);
    assert.strictEqual(decompressor.bytesWritten, packed.length, dec);
    assert.ok(unpacked.equals(input), `${enc} -> ${dec}`);
  }
  // One byte at a time through gunzip, including the header and trailer.
  const gz = zlib.gzipSync('byte by byte');
  const out = await pump(zlib.createGunzip(), gz, () => 1);
  assert.strictEqual(out.toString(), 'byte by byte');
  done = true;
})();
process.on('exit', () => assert.ok(done));
