'use strict';
// Session resumption: the 'session' event hands the client a session; a second
// connection given it is resumed (isSessionReused) on TLS 1.2 and 1.3.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const ca = fixture('test-ca-cert.pem');

function run(maxVersion) {
  return new Promise((resolve) => {
    const server = tls.createServer({
      key: fixture('test-server-key.pem'),
      cert: fixture('test-server-cert.pem'),
      maxVersion,
    }, (socket) => socket.end('x'));
    server.listen(0, '127.0.0.1', () => {
      const options = { port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca };
      const first = tls.connect(options, () => {
        assert.strictEqual(first.isSessionReused(), false);
      });
      let session;
      first.on('session', (s) => { session = s; });
      first.resume();
      first.on('close', () => {
        assert.ok(Buffer.isBuffer(session));
        const second = tls.connect({ ...options, session }, () => {
          assert.strictEqual(second.isSessionReused(), true);
          assert.strictEqual(second.getProtocol(), maxVersion);
        });
        second.resume();
        second.on('close', () => server.close(resolve));
      });
    });
  });
}

(async () => {
  await run('TLSv1.2');
  await run('TLSv1.3');
})().then(() => console.log('ok'));
