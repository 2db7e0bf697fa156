'use strict';
// h2 over TLS: ALPN picks 'h2', and allowHTTP1 lets an HTTP/1.1 client reach the same
// (req, res) handler through the compatibility API.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const http2 = require('http2');
const https = require('https');

const fixtures = path.join(__dirname, 'fixtures');
const key = fs.readFileSync(path.join(fixtures, 'localhost-key.pem'));
const cert = fs.readFileSync(path.join(fixtures, 'localhost-cert.pem'));

const server = http2.createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(`${req.httpVersion} ${req.method} ${req.url}`);
});

let pending = 2;
function done() {
  if (--pending === 0) server.close();
}

server.listen(0, () => {
  const { port } = server.address();
  const client = http2.connect(`https://localhost:${port}`, { ca: cert });
  client.on('connect', () => {
    assert.strictEqual(client.alpnProtocol, 'h2');
    assert.strictEqual(client.encrypted, true);
  });
  const req = client.request({ ':path': '/secure' });
  let body = '';
  req.setEncoding('utf8');
  req.on('response', (headers) => assert.strictEqual(headers[':status'], 200));
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    assert.strictEqual(body, '2.0 GET /secure');
    client.close();
    done();
  });

  https.get({ port, path: '/old', ca: cert, servername: 'localhost' }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => {
      assert.strictEqual(text, '1.1 GET /old');
      done();
    });
  });
});
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(pending, 0);
});
