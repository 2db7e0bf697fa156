'use strict';
// A hello-world server and http.get: status, Node's default response headers
// (Date, Connection: keep-alive, Keep-Alive, Content-Length), request headers seen
// lower-cased by the server, and the body.
const assert = require('assert');
const http = require('http');

let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  assert.strictEqual(req.method, 'GET');
  assert.strictEqual(req.url, '/hello?x=1');
  assert.strictEqual(req.httpVersion, '1.1');
  assert.strictEqual(req.headers['x-custom'], 'yes');
  assert.strictEqual(req.headers.host, `localhost:${server.address().port}`);
  assert.ok(req.rawHeaders.includes('X-Custom'));
  assert.strictEqual(res.headersSent, false);
  res.end('Hello, world!\n');
  assert.strictEqual(res.headersSent, true);
  assert.strictEqual(res.writableEnded, true);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  http.get({ port, host: 'localhost', path: '/hello?x=1', headers: { 'X-Custom': 'yes' } },
           (res) => {
             assert.strictEqual(res.statusCode, 200);
             assert.strictEqual(res.statusMessage, 'OK');
             assert.strictEqual(res.httpVersion, '1.1');
             assert.strictEqual(res.headers['content-length'], '14');
             assert.strictEqual(res.headers.connection, 'keep-alive');
             assert.strictEqual(res.headers['keep-alive'], 'timeout=5');
             assert.ok(!Number.isNaN(Date.parse(res.headers.date)));
             let body = '';
             res.setEncoding('utf8');
             res.on('data', (chunk) => { body += chunk; });
             res.on('end', () => {
               assert.strictEqual(body, 'Hello, world!\n');
               assert.strictEqual(res.complete, true);
               server.close();
             });
           });
});

process.on('exit', () => assert.strictEqual(requests, 1));
