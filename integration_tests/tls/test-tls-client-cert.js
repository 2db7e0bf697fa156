'use strict';
// Client certificates: with requestCert and rejectUnauthorized the server accepts a
// client certificate signed by its CA (authorized, peer certificate visible) and refuses
// a client without one; with rejectUnauthorized: false it accepts and says why not.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const ca = fixture('test-ca-cert.pem');

function run(rejectUnauthorized, clientOptions) {
  return new Promise((resolve) => {
    const result = {};
    const server = tls.createServer({
      key: fixture('test-server-key.pem'),
      cert: fixture('test-server-cert.pem'),
      ca,
      requestCert: true,
      rejectUnauthorized,
    }, (socket) => {
      result.authorized = socket.authorized;
      result.authorizationError = socket.authorizationError;
      result.peerCN = socket.getPeerCertificate().subject?.CN;
      socket.end('hi');
    });
    server.on('tlsClientError', (err) => { result.serverError = err; });
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({
        port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca, ...clientOptions,
      });
      client.on('error', (err) => { result.clientError = err; });
      client.resume();
      client.on('close', () => server.close(() => resolve(result)));
    });
  });
}

(async () => {
  const withCert = { key: fixture('test-client-key.pem'), cert: fixture('test-client-cert.pem') };
  let r = await run(true, withCert);
  assert.strictEqual(r.authorized, true);
  assert.strictEqual(r.peerCN, 'test client');

  r = await run(true, {});
  assert.strictEqual(r.authorized, undefined);  // No 'secureConnection'.
  assert.ok(r.serverError);
  assert.ok(r.clientError);

  r = await run(false, {});
  assert.strictEqual(r.authorized, false);
  assert.strictEqual(r.authorizationError, 'UNABLE_TO_GET_ISSUER_CERT');
})().then(() => console.log('ok'));
