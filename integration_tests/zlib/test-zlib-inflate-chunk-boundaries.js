'use strict';
// Decompressing streams emit 'data' chunks cut where Node cuts them: each lies within
// one chunkSize-aligned span of the output (a new output buffer starts when one fills),
// every chunk of a single write is full but the last, and a reader that does not read
// gets one chunk buffered, not all the output.
const assert = require('node:assert');
const zlib = require('node:zlib');

const data = Buffer.alloc(300 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 9)) & 0xff;
const gz = zlib.gzipSync(data);
const brotli = zlib.brotliCompressSync(data);

function collect(stream, write) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(chunks));
    write(stream);
  });
}

function checkSpans(chunks, chunkSize) {
  let offset = 0;
  for (const chunk of chunks) {
    assert.ok(chunk.length > 0 && chunk.length <= chunkSize);
    const end = offset + chunk.length;
    assert.strictEqual(Math.floor(offset / chunkSize), Math.floor((end - 1) / chunkSize));
    offset = end;
  }
  assert.ok(Buffer.concat(chunks).equals(data));
}

(async () => {
  for (const chunkSize of [1000, 16 * 1024, 100 * 1024]) {
    // One write: full chunks, then the rest.
    const whole = await collect(zlib.createGunzip({ chunkSize }), (s) => s.end(gz));
    checkSpans(whole, chunkSize);
    assert.ok(whole.slice(0, -1).every((chunk) => chunk.length === chunkSize));
    // Many odd writes: partial chunks at write ends, still inside the spans.
    const pieces = await collect(zlib.createInflateRaw({ chunkSize }), (s) => {
      const raw = zlib.deflateRawSync(data);
      for (let i = 0; i < raw.length; i += 777) s.write(raw.subarray(i, i + 777));
      s.end();
    });
    checkSpans(pieces, chunkSize);
    const decoded = await collect(zlib.createBrotliDecompress({ chunkSize }),
      (s) => s.end(brotli));
    checkSpans(decoded, chunkSize);
  }

  // Not reading: the stream stops after the first chunk fills the reader's buffer.
  const paused = zlib.createGunzip();
  paused.end(gz);
  await new Promise((resolve) => paused.once('readable', resolve));
  await new Promise((resolve) => setImmediate(resolve));
  assert.strictEqual(paused.readableLength, 16 * 1024);
  let total = 0;
  paused.on('data', (chunk) => { total += chunk.length; });
  await new Promise((resolve) => paused.on('end', resolve));
  assert.strictEqual(total, data.length);
})().then(() => { process.exitCode = 0; });
process.exitCode = 1;  // Stays set unless every check above ran.
