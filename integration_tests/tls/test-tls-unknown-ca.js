'use strict';
// rejectUnauthorized: a client that does not trust the server's CA fails with Node's
// error codes (UNABLE_TO_VERIFY_LEAF_SIGNATURE, DEPTH_ZERO_SELF_SIGNED_CERT), the
// hostname check gives ERR_TLS_CERT_ALTNAME_INVALID, and rejectUnauthorized: false
// connects with authorized === false.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

function serve(prefix) {
  const server = tls.createServer({
    key: fixture(`test-${prefix}-key.pem`),
    cert: fixture(`test-${prefix}-cert.pem`),
  }, (socket) => socket.end('hi'));
  server.on('tlsClientError', () => {});
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function connect(server, options) {
  return new Promise((resolve) => {
    const socket = tls.connect({ port: server.address().port, host: '127.0.0.1', ...options });
    socket.on('secureConnect', () => resolve({ socket }));
    socket.on('error', (error) => resolve({ error }));
  });
}

(async () => {
  const signed = await serve('server');
  let r = await connect(signed, { servername: 'localhost' });
  assert.strictEqual(r.error.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  assert.strictEqual(r.error.message, 'unable to verify the first certificate');

  r = await connect(signed, { ca: fixture('test-ca-cert.pem'), servername: 'wrong.example' });
  assert.strictEqual(r.error.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(r.error.reason,
                     "Host: wrong.example. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1");

  r = await connect(signed, { rejectUnauthorized: false });
  assert.strictEqual(r.socket.authorized, false);
  assert.strictEqual(r.socket.authorizationError, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  r.socket.destroy();
  signed.close();

  const self = await serve('self-signed');
  r = await connect(self, { servername: 'localhost' });
  assert.strictEqual(r.error.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  assert.strictEqual(r.error.message, 'self-signed certificate');
  self.close();
})().then(() => console.log('ok'));
