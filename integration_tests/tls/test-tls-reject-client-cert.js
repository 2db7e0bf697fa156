'use strict';
// A server that requires trusted client certificates refuses an untrusted one: no
// 'secureConnection', a 'tlsClientError' of ECONNRESET ("socket hang up"), and the
// client's connection is closed.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

let secureConnections = 0;
let serverError;
const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
  ca: fixture('test-ca-cert.pem'),
  requestCert: true,
  rejectUnauthorized: true,
}, () => { secureConnections++; });
server.on('tlsClientError', (err, socket) => {
  serverError = err;
  assert.ok(socket instanceof tls.TLSSocket);
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', servername: 'localhost',
    ca: fixture('test-ca-cert.pem'),
    key: fixture('test-self-signed-key.pem'),
    cert: fixture('test-self-signed-cert.pem'),
  });
  client.on('error', () => {});  // TLS 1.3: the refusal comes after the client's handshake.
  client.resume();
  client.on('close', () => {
    server.close(() => {
      assert.strictEqual(secureConnections, 0);
      assert.ok(serverError);
      assert.strictEqual(serverError.code, 'ECONNRESET');
      assert.strictEqual(serverError.message, 'socket hang up');
      console.log('ok');
    });
  });
});
