'use strict';
// An https server and client with a generated CA: a GET and a POST round-trip, the
// request sees socket.encrypted, and an untrusted client fails with Node's code.
const assert = require('assert');
const fs = require('fs');
const https = require('https');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, '..', 'tls', 'fixtures', name));
const ca = fixture('test-ca-cert.pem');

const server = https.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (req, res) => {
  assert.strictEqual(req.socket.encrypted, true);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.method} ${req.url} ${body}`);
  });
});

function fetch(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: 'localhost', port: server.address().port, ca, ...options }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({ status: res.statusCode, data, socket: res.socket }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

server.listen(0, '127.0.0.1', async () => {
  let r = await fetch({ path: '/hello' });
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.data, 'GET /hello ');
  r = await fetch({ method: 'POST', path: '/p' }, 'payload');
  assert.strictEqual(r.data, 'POST /p payload');
  await assert.rejects(fetch({ path: '/', ca: undefined, agent: false }),
                       { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  https.globalAgent.destroy();
  server.close();
});
