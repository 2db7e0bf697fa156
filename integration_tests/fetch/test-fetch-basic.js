'use strict';
// fetch GET/POST with JSON, Headers semantics, redirects, gzip and keep-alive.
const assert = require('assert');
const http = require('http');
const zlib = require('zlib');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    if (req.url === '/json') {
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ method: req.method, body, ct: req.headers['content-type'] }));
    } else if (req.url.startsWith('/redirect/')) {
      const n = +req.url.slice(10);
      res.writeHead(n > 0 ? 302 : 200, n > 0 ? { location: `/redirect/${n - 1}` } : {});
      res.end(n > 0 ? '' : `done ${req.method}`);
    } else if (req.url === '/loop') {
      res.writeHead(301, { location: '/loop' });
      res.end();
    } else if (req.url === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync('compressed hello'));
    } else if (req.url === '/br') {
      res.writeHead(200, { 'content-encoding': 'br' });
      res.end(zlib.brotliCompressSync('brotli hello'));
    } else {
      res.end(`port ${req.socket.remotePort}`);
    }
  });
});

let connections = 0;
server.on('connection', () => connections++);

server.listen(0, async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    // GET with JSON
    let res = await fetch(`${base}/json`);
    assert.strictEqual(res.status, 200);
    assert.strictEqual(res.ok, true);
    assert.ok(res.body instanceof ReadableStream);
    assert.deepStrictEqual(res.headers.getSetCookie(), ['a=1', 'b=2']);
    const json = await res.json();
    assert.strictEqual(json.method, 'GET');
    assert.strictEqual(res.bodyUsed, true);
    await assert.rejects(res.text(), TypeError);

    // POST with a JSON body
    res = await fetch(`${base}/json`, {
      method: 'POST', body: JSON.stringify({ x: 1 }),
      headers: { 'Content-Type': 'application/json' },
    });
    assert.deepStrictEqual(await res.json(),
                           { method: 'POST', body: '{"x":1}', ct: 'application/json' });

    // Redirects: follow, error, manual, and the 20-redirect limit
    res = await fetch(`${base}/redirect/3`);
    assert.strictEqual(await res.text(), 'done GET');
    assert.strictEqual(res.redirected, true);
    assert.strictEqual(res.url, `${base}/redirect/0`);
    res = await fetch(`${base}/redirect/1`, { method: 'POST', body: 'x' });
    assert.strictEqual(await res.text(), 'done GET');
    await assert.rejects(fetch(`${base}/redirect/1`, { redirect: 'error' }), TypeError);
    res = await fetch(`${base}/redirect/1`, { redirect: 'manual' });
    assert.strictEqual(res.status, 302);
    assert.strictEqual(res.headers.get('location'), '/redirect/0');
    await assert.rejects(fetch(`${base}/loop`), TypeError);

    // Decompression
    res = await fetch(`${base}/gzip`);
    assert.strictEqual(await res.text(), 'compressed hello');
    res = await fetch(`${base}/br`);
    assert.strictEqual(await res.text(), 'brotli hello');

    // Keep-alive: sequential requests reuse pooled connections.
    const before = connections;
    for (let i = 0; i < 5; i++) await (await fetch(`${base}/ka`)).text();
    assert.ok(connections - before <= 1, `${connections - before} new connections`);

    // Network error
    await assert.rejects(fetch('http://127.0.0.1:1/'), { name: 'TypeError' });
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
});
