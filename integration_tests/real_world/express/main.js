// Starts the express app on an ephemeral port, exercises it over HTTP with node:http and
// prints what came back; the output must be the same under node and skua.
'use strict';
const http = require('node:http');
const { createApp } = require('./app');

function request(port, method, path, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ res, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const shown = ['content-type', 'location', 'set-cookie', 'content-length', 'x-powered-by',
  'cache-control', 'accept-ranges'];

async function main() {
  console.log('named imports', (await import('./named-imports.mjs')).summary);
  const server = createApp().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address();
  const json = { 'content-type': 'application/json' };
  const steps = [
    ['GET', '/'],
    ['GET', '/site.css'],
    ['GET', '/api/items'],
    ['POST', '/api/items', { body: JSON.stringify({ name: 'first', tags: ['a'] }), headers: json }],
    ['POST', '/api/items', { body: JSON.stringify({ name: 'second' }), headers: json }],
    ['POST', '/api/items', { body: JSON.stringify({}), headers: json }],
    ['POST', '/api/items', { body: '{not json', headers: json }],
    ['GET', '/api/items'],
    ['GET', '/api/items/2'],
    ['GET', '/api/items/99'],
    ['DELETE', '/api/items/1'],
    ['DELETE', '/api/items/1'],
    ['GET', '/query?a=1&b[c]=2&list=x&list=y'],
    ['GET', '/login'],
    ['GET', '/boom'],
    ['GET', '/async-boom'],
    ['GET', '/nowhere'],
  ];
  let cookies = '';
  for (const [method, path, opts = {}] of steps) {
    if (path === '/whoami') opts.headers = { cookie: cookies };
    const { res, text } = await request(port, method, path, opts);
    const headers = {};
    for (const h of shown) if (res.headers[h] !== undefined) headers[h] = res.headers[h];
    if (path === '/login') cookies = res.headers['set-cookie'].map((c) => c.split(';')[0]).join('; ');
    console.log(method, path, res.statusCode, JSON.stringify(headers));
    console.log('  ', text.length > 200 ? text.slice(0, 200) + '…' : text);
  }
  const { res, text } = await request(port, 'GET', '/whoami', { headers: { cookie: cookies } });
  console.log('GET /whoami', res.statusCode, text);
  server.close();
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
