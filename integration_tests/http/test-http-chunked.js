'use strict';
// Chunked transfer both ways: the client streams a body without Content-Length (so it
// is chunked), the server echoes it in several writes (chunked) and adds trailers.
const assert = require('assert');
const http = require('http');

const server = http.createServer((req, res) => {
  assert.strictEqual(req.headers['transfer-encoding'], 'chunked');
  assert.strictEqual(req.headers['content-length'], undefined);
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = Buffer.concat(parts).toString();
    assert.strictEqual(body, 'one-two-three');
    assert.deepStrictEqual(req.trailers, { 'x-client-trailer': 'ct' });
    res.writeHead(200, { 'Content-Type': 'text/plain', Trailer: 'X-Checksum' });
    res.write('echo:');
    res.write(body.slice(0, 4));
    setImmediate(() => {
      res.addTrailers({ 'X-Checksum': String(body.length) });
      res.end(body.slice(4));
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: server.address().port, host: '127.0.0.1', method: 'POST' },
                           (res) => {
                             assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
                             let body = '';
                             res.setEncoding('utf8');
                             res.on('data', (d) => { body += d; });
                             res.on('end', () => {
                               assert.strictEqual(body, 'echo:one-two-three');
                               assert.deepStrictEqual(res.trailers, { 'x-checksum': '13' });
                               assert.deepStrictEqual(res.rawTrailers, ['X-Checksum', '13']);
                               server.close();
                             });
                           });
  req.setHeader('Trailer', 'X-Client-Trailer');
  req.write('one-');
  setImmediate(() => {
    req.write('two-');
    req.addTrailers({ 'X-Client-Trailer': 'ct' });
    req.end('three');
  });
});
