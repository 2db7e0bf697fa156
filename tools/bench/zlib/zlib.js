'use strict';
// gzip/gunzip workload: 100 MiB of log-like text (compresses about 4:1) through
// zlib.gzipSync/gunzipSync and through createGzip/createGunzip streams fed 64 KiB
// writes, and many small (1 KiB) Sync calls. Prints one JSON line: per case, wall
// milliseconds and CPU milliseconds of the whole process (all threads; steadier than wall
// time on a busy machine).
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

const results = {};
let wallStart;
let cpuStart;
function start() {
  wallStart = process.hrtime.bigint();
  cpuStart = process.cpuUsage();
}
function stop(name) {
  const cpu = process.cpuUsage(cpuStart);
  results[name] = [Number(process.hrtime.bigint() - wallStart) / 1e6,
    (cpu.user + cpu.system) / 1e3];
}

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
  start();
  const packed = zlib.gzipSync(input);
  stop('gzipSync 100MB');
  start();
  const unpacked = zlib.gunzipSync(packed);
  stop('gunzipSync 100MB');
  if (!unpacked.equals(input)) throw new Error('sync round trip differs');

  start();
  const streamed = Buffer.concat(await pumpStream(zlib.createGzip(), input));
  stop('gzip stream 100MB');
  start();
  const restored = await pumpStream(zlib.createGunzip(), streamed);
  stop('gunzip stream 100MB');
  if (!Buffer.concat(restored).equals(input)) throw new Error('stream round trip differs');

  const small = input.subarray(0, 1024);
  const smallPacked = zlib.gzipSync(small);
  start();
  for (let i = 0; i < 20000; i++) zlib.gzipSync(small);
  stop('gzipSync 1KB x20k');
  start();
  for (let i = 0; i < 20000; i++) zlib.gunzipSync(smallPacked);
  stop('gunzipSync 1KB x20k');
  results.ratio = input.length / packed.length;
  console.log(JSON.stringify(results));
})();
