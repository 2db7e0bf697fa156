'use strict';
// A client that sends garbage instead of the HTTP/2 preface loses its connection; the
// server keeps serving well-behaved clients.
const assert = require('assert');
const http2 = require('http2');
const net = require('net');

const server = http2.createServer((req, res) => res.end('still here'));
let sessionErrors = 0;
server.on('sessionError', () => { sessionErrors++; });

server.listen(0, () => {
  const { port } = server.address();
  const raw = net.connect(port, () => {
    raw.write(Buffer.from('GARBAGE / HTTP/9.9\r\n\r\n\x00\x01\x02\x03\xff\xfe'.repeat(20), 'latin1'));
  });
  raw.on('error', () => {});
  raw.resume();
  raw.on('close', () => {
    assert.strictEqual(sessionErrors, 1);
    const client = http2.connect(`http://localhost:${port}`);
    const req = client.request();
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      assert.strictEqual(body, 'still here');
      client.close();
      server.close();
    });
  });
});
