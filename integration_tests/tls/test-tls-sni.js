'use strict';
// SNI: the server picks the certificate for the client's servername, through
// addContext() and through an asynchronous SNICallback.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const ca = fixture('test-ca-cert.pem');
const contextB = tls.createSecureContext({
  key: fixture('test-sni-b-key.pem'),
  cert: fixture('test-sni-b-cert.pem'),
});

function check(serverOptions, servername, expectedCN) {
  return new Promise((resolve) => {
    const seen = [];
    const server = tls.createServer({
      key: fixture('test-server-key.pem'),
      cert: fixture('test-server-cert.pem'),
      ...serverOptions,
    }, (socket) => {
      seen.push(socket.servername);
      socket.end();
    });
    if (!serverOptions.SNICallback) server.addContext('b.example', contextB);
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({ port: server.address().port, host: '127.0.0.1', servername, ca }, () => {
        assert.strictEqual(client.getPeerCertificate().subject.CN, expectedCN);
        assert.strictEqual(client.authorized, true);
        client.resume();
        client.on('end', () => {
          assert.deepStrictEqual(seen, [servername]);
          server.close(resolve);
        });
      });
    });
  });
}

(async () => {
  await check({}, 'b.example', 'b.example');
  await check({}, 'localhost', 'localhost');
  const asked = [];
  await check({
    SNICallback(name, cb) {
      asked.push(name);
      setImmediate(() => cb(null, name === 'b.example' ? contextB : undefined));
    },
  }, 'b.example', 'b.example');
  assert.deepStrictEqual(asked, ['b.example']);
})().then(() => console.log('ok'));
