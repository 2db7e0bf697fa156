'use strict';
// What a connected TLSSocket reports: the ephemeral key of an ECDHE handshake, shared
// signature algorithms, keying material export and fragment size limits (with Node's
// argument checks), the server's view of a missing SNI name, and a client's own
// certificate when it has none.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

let serverSocket;
const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
  ecdhCurve: 'prime256v1',
}, (socket) => {
  serverSocket = socket;
  socket.end('x');
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
  }, () => {
    assert.deepStrictEqual(client.getEphemeralKeyInfo(),
                           { type: 'ECDH', name: 'prime256v1', size: 256 });
    const sigalgs = client.getSharedSigalgs();
    assert.ok(Array.isArray(sigalgs));
    assert.ok(sigalgs.every((s) => typeof s === 'string'));

    const a = client.exportKeyingMaterial(32, 'label');
    const b = client.exportKeyingMaterial(32, 'label', Buffer.from([1, 2]));
    assert.strictEqual(a.length, 32);
    assert.notDeepStrictEqual(a, b);
    assert.throws(() => client.exportKeyingMaterial(0, 'label'), { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => client.exportKeyingMaterial(8, null), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => client.exportKeyingMaterial(8, 'l', 'ctx'), {
      code: 'ERR_INVALID_ARG_TYPE',
    });

    assert.strictEqual(client.setMaxSendFragment(511), false);
    assert.strictEqual(client.setMaxSendFragment(16385), false);
    assert.strictEqual(client.setMaxSendFragment(1024), true);
    assert.throws(() => client.setMaxSendFragment('1024'), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => client.setServername(1), { code: 'ERR_INVALID_ARG_TYPE' });

    assert.deepStrictEqual(client.getCertificate(), {});
    assert.strictEqual(client.getPeerCertificate().subject.CN, 'localhost');
  });
  client.resume();
  client.on('close', () => {
    // The client connected to an IP address, so it sent no SNI name.
    assert.strictEqual(serverSocket.servername, false);
    assert.strictEqual(serverSocket.getEphemeralKeyInfo(), null);
    server.close();
    console.log('ok');
  });
});
