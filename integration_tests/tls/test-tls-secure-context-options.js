'use strict';
// tls.createSecureContext() validates its options the way Node does, and its cipher
// list splits into TLS 1.3 suites and TLS 1.2 ciphers.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const key = fixture('test-server-key.pem');
const cert = fixture('test-server-cert.pem');

assert.throws(() => tls.createSecureContext({ key: true, cert }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /^The "options\.key" property must be of type string or an instance of Buffer/,
});
assert.throws(() => tls.createSecureContext({ key, cert: 42 }), {
  code: 'ERR_INVALID_ARG_TYPE', message: /"options\.cert"/,
});
assert.throws(() => tls.createSecureContext({ key: 'k', passphrase: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE', message: /"options\.passphrase"/,
});
assert.throws(() => tls.createSecureContext({ ciphers: ':' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => tls.createSecureContext({ ecdhCurve: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.createSecureContext({ clientCertEngine: 0 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => tls.createSecureContext({ sessionTimeout: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => tls.createSecureContext({ ticketKeys: Buffer.alloc(1) }), {
  code: 'ERR_INVALID_ARG_VALUE', message: /must be exactly 48 bytes/,
});
assert.throws(() => tls.createSecureContext({ secureProtocol: 'blargh' }), {
  code: 'ERR_TLS_INVALID_PROTOCOL_METHOD', message: 'Unknown method: blargh',
});
assert.throws(() => tls.createSecureContext({ secureProtocol: 'SSLv3_method' }), {
  code: 'ERR_TLS_INVALID_PROTOCOL_METHOD', message: 'SSLv3 methods disabled',
});
for (const method of ['TLS_method', 'SSLv23_method', 'TLSv1_2_server_method']) {
  tls.createSecureContext({ secureProtocol: method });
}
assert.throws(() => new tls.TLSSocket(null, { isServer: true, SNICallback: 'no' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// Naming only TLS 1.2 ciphers on both sides still negotiates TLS 1.3 unless capped; with
// maxVersion TLSv1.2 the named cipher is the one used.
const server = tls.createServer({ key, cert, ciphers: 'AES256-GCM-SHA384' }, (s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
    ciphers: 'AES256-GCM-SHA384', maxVersion: 'TLSv1.2',
  }, () => {
    assert.strictEqual(client.getCipher().name, 'AES256-GCM-SHA384');
    assert.strictEqual(client.getProtocol(), 'TLSv1.2');
    // An RSA key exchange has no ephemeral key.
    assert.deepStrictEqual(client.getEphemeralKeyInfo(), {});
    client.end();
    server.close();
    console.log('ok');
  });
  client.resume();
});
