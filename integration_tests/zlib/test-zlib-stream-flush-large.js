'use strict';
// flush(), params() and reset() in the middle of a long compressing stream: what came
// out before the flush inflates to exactly what went in before it, and the whole
// output (with new parameters after params()) still inflates to all of the input.
const assert = require('node:assert');
const zlib = require('node:zlib');

const data = Buffer.alloc(5 * 1024 * 1024);
let seed = 3;
for (let i = 0; i < data.length; i++) {  // xorshift32: letters a-l, compressing ~2:1.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  data[i] = 97 + ((seed >>> 8) % 12);
}
const split = 2 * 1024 * 1024 + 12345;

function writeAll(stream, buf) {
  return new Promise((resolve) => {
    let offset = 0;
    (function next() {
      while (offset < buf.length) {
        const ok = stream.write(buf.subarray(offset, offset + 65536));
        offset += 65536;
        if (!ok) return stream.once('drain', next);
      }
      resolve();
    })();
  });
}

async function run(create, inflateSync, midway) {
  const stream = create();
  const out = [];
  stream.on('data', (chunk) => out.push(chunk));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  await writeAll(stream, data.subarray(0, split));
  await midway(stream);
  const head = Buffer.concat(out);
  // A sync-flushed prefix inflates to the input so far (without the stream's end).
  const partial = inflateSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  assert.ok(partial.equals(data.subarray(0, split)));
  await writeAll(stream, data.subarray(split));
  stream.end();
  await ended;
  assert.ok(inflateSync(Buffer.concat(out)).equals(data));
}

const flush = (stream) => new Promise((resolve) => stream.flush(resolve));
const params = (stream) => new Promise((resolve) => stream.params(1, zlib.constants.Z_FILTERED,
  () => flush(stream).then(resolve)));

(async () => {
  for (const midway of [flush, params]) {
    await run(() => zlib.createGzip(), zlib.gunzipSync, midway);
    await run(() => zlib.createDeflate(), zlib.inflateSync, midway);
    await run(() => zlib.createDeflateRaw(), zlib.inflateRawSync, midway);
  }

  // reset() after a long write (nothing flushed) drops it: what comes out afterwards is
  // a whole gzip member of only what follows.
  const gzip = zlib.createGzip();
  let out = [];
  gzip.on('data', (chunk) => out.push(chunk));
  await writeAll(gzip, data.subarray(0, split));
  await new Promise((resolve) => gzip.flush(zlib.constants.Z_NO_FLUSH, resolve));
  out = [];
  gzip.reset();
  gzip.end(data.subarray(split));
  await new Promise((resolve) => gzip.on('end', resolve));
  assert.ok(zlib.gunzipSync(Buffer.concat(out)).equals(data.subarray(split)));
})().then(() => { process.exitCode = 0; });
process.exitCode = 1;  // Stays set unless every check above ran.
