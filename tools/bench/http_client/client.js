'use strict';
// One client case against the benchmark server (PORT, CASE from argv); prints the
// elapsed milliseconds of the measured part.
const http = require('http');

const [port, which] = [Number(process.argv[2]), process.argv[3]];

async function sequentialGets(count) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () => new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/small', agent }, (res) => {
      res.on('data', () => {});
      res.on('end', resolve);
    }).on('error', reject);
  });
  for (let i = 0; i < count; i++) await get();
  agent.destroy();
}

async function sequentialFetches(count) {
  for (let i = 0; i < count; i++) await (await fetch(`http://127.0.0.1:${port}/small`)).text();
}

async function fetchBig() {
  const res = await fetch(`http://127.0.0.1:${port}/big`);
  let bytes = 0;
  for await (const part of res.body) bytes += part.byteLength;
  if (bytes !== 100 * 1024 * 1024) throw new Error(`got ${bytes} bytes`);
}

(async () => {
  if (which === 'gets') await sequentialGets(200);  // Warm-up.
  if (which === 'fetches') await sequentialFetches(200);
  const start = process.hrtime.bigint();
  if (which === 'gets') await sequentialGets(10000);
  else if (which === 'fetches') await sequentialFetches(10000);
  else await fetchBig();
  console.log(Number(process.hrtime.bigint() - start) / 1e6);
})();
