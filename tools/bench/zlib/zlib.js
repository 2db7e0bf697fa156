'use strict';
// gzip/gunzip workload: 100 MiB of log-like text (compresses about 4:1) through
// zlib.gzipSync/gunzipSync and through createGzip/createGunzip streams fed 64 KiB
// writes. Prints one JSON line: milliseconds per case.
const zlib = require('zlib');

const size = 100 * 1024 * 1024;
const input = Buffer.allocUnsafe(size);
{
  let seed = 12345;
  const words = ['GET', 'POST', '/api/v1/items', '/static/app.js', 'HTTP/1.1', '200', '404',
    'Mozilla/5.0', 'curl/8.0', 'user', 'id', 'ok', 'latency_ms', 'region=eu-west'];
  let offset = 0;
  while (offset < size) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const line = `${seed % 100000} ${words[seed % words.length]} ${words[(seed >> 8) % words.length]} ` +
      `${(seed >> 4) % 1000} ${words[(seed >> 12) % words.length]}\n`;
    offset += input.write(line, offset);
  }
}

function ms(start) { return Number(process.hrtime.bigint() - start) / 1e6; }

function pumpStream(stream, data) {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const chunks = [];
    stream.on('data', (chunk) => { bytes += chunk.length; chunks.push(chunk); });
    stream.on('error', reject);
    stream.on('end', () => resolve(chunks));
    let offset = 0;
    const step = 64 * 1024;
    (function next() {
      while (offset < data.length) {
        const ok = stream.write(data.subarray(offset, offset + step));
        offset += step;
        if (!ok) return stream.once('drain', next);
      }
      stream.end();
    })();
  });
}

(async () => {
  const results = {};
  let start = process.hrtime.bigint();
  const packed = zlib.gzipSync(input);
  results['gzipSync 100MB'] = ms(start);
  start = process.hrtime.bigint();
  const unpacked = zlib.gunzipSync(packed);
  results['gunzipSync 100MB'] = ms(start);
  if (!unpacked.equals(input)) throw new Error('sync round trip differs');

  start = process.hrtime.bigint();
  const streamed = Buffer.concat(await pumpStream(zlib.createGzip(), input));
  results['gzip stream 100MB'] = ms(start);
  start = process.hrtime.bigint();
  const restored = await pumpStream(zlib.createGunzip(), streamed);
  results['gunzip stream 100MB'] = ms(start);
  if (!Buffer.concat(restored).equals(input)) throw new Error('stream round trip differs');
  results.ratio = input.length / packed.length;
  console.log(JSON.stringify(results));
})();
