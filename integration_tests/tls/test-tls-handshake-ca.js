'use strict';
// A TLS server and client with a generated CA (fixtures/): the handshake succeeds, data
// flows both ways, and the peer certificate has Node's shape.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const ca = fixture('test-ca-cert.pem');

const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (socket) => {
  assert.strictEqual(socket.encrypted, true);
  socket.setEncoding('utf8');
  socket.once('data', (data) => socket.end(`echo:${data}`));
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca }, () => {
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.authorizationError, null);
    assert.match(client.getProtocol(), /^TLSv1\.[23]$/);
    const cipher = client.getCipher();
    assert.strictEqual(typeof cipher.name, 'string');
    assert.strictEqual(typeof cipher.standardName, 'string');
    const cert = client.getPeerCertificate(true);
    assert.strictEqual(cert.subject.CN, 'localhost');
    assert.strictEqual(cert.issuer.CN, 'skua test CA');
    assert.strictEqual(cert.subjectaltname, 'DNS:localhost, IP Address:127.0.0.1');
    assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.match(cert.serialNumber, /^[0-9A-F]+$/);
    assert.ok(Buffer.isBuffer(cert.raw));
    assert.strictEqual(cert.bits, 2048);
    assert.strictEqual(cert.exponent, '0x10001');
    assert.match(cert.valid_to, /GMT$/);
    assert.strictEqual(cert.issuerCertificate.subject.CN, 'skua test CA');
    client.write('hello');
  });
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { reply += d; });
  client.on('end', () => {
    assert.strictEqual(reply, 'echo:hello');
    server.close();
  });
});
