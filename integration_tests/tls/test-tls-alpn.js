'use strict';
// ALPN: the server picks the first of its protocols that the client offers; both sides
// report it as alpnProtocol, and false when none was negotiated.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const ca = fixture('test-ca-cert.pem');

function run(serverProtocols, clientProtocols, expected) {
  return new Promise((resolve) => {
    let serverSaw;
    const server = tls.createServer({
      key: fixture('test-server-key.pem'),
      cert: fixture('test-server-cert.pem'),
      ALPNProtocols: serverProtocols,
    }, (socket) => {
      serverSaw = socket.alpnProtocol;
      socket.end();
    });
    server.listen(0, '127.0.0.1', () => {
      const client = tls.connect({
        port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca,
        ALPNProtocols: clientProtocols,
      }, () => {
        assert.strictEqual(client.alpnProtocol, expected);
        client.resume();
        client.on('end', () => {
          assert.strictEqual(serverSaw, expected);
          server.close(resolve);
        });
      });
    });
  });
}

(async () => {
  await run(['h2', 'http/1.1'], ['http/1.1', 'h2'], 'h2');
  await run(['a', 'http/1.1'], ['http/1.1'], 'http/1.1');
  await run(undefined, ['h2'], false);
  await run(['h2'], undefined, false);
})().then(() => console.log('ok'));
