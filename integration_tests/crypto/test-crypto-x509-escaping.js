'use strict';
// Escaping of subjectAltName / infoAccess text, shared by X509Certificate and tls's
// getPeerCertificate(): names with commas (and other unsafe characters) are quoted
// JSON-style, DirName uses RFC 2253, Registered ID is numeric; the legacy infoAccess object
// holds raw values. Fixture: a self-signed P-256 certificate made for this test.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');
const { X509Certificate } = require('crypto');

const pem = fs.readFileSync(path.join(__dirname, 'fixtures', 'x509-san-escaping-cert.pem'));
const key = fs.readFileSync(path.join(__dirname, 'fixtures', 'x509-san-escaping-key.pem'));
const cert = new X509Certificate(pem);

const expectedSAN = [
  'DNS:plain.example.com',
  'DNS:"good.example.com\\u002c DNS:evil.example.com"',
  'URI:"http://example.com/a\\u002cb"',
  'email:someone@example.com',
  'IP Address:10.20.30.40',
  'IP Address:A0B:C0D:E0F:0:0:0:7A7B:7C7D',
  'Registered ID:1.3.9999.12.34',
  'DirName:"L=Hannover\\u002cC=DE"',
].join(', ');
assert.strictEqual(cert.subjectAltName, expectedSAN);
assert.strictEqual(cert.infoAccess, [
  'OCSP - URI:http://ocsp.example.com/',
  'CA Issuers - URI:"http://ca.example.com/a\\u002cb"',
  '1.3.9999.12.34 - DNS:other.example.com',
].join('\n'));

const legacy = cert.toLegacyObject();
assert.strictEqual(legacy.subjectaltname, expectedSAN);
assert.deepStrictEqual(legacy.infoAccess, {
  __proto__: null,
  'OCSP - URI': ['http://ocsp.example.com/'],
  'CA Issuers - URI': ['http://ca.example.com/a,b'],
  '1.3.9999.12.34 - DNS': ['other.example.com'],
});

// checkServerIdentity parses the quoting: the comma inside a quoted name is no separator.
assert.strictEqual(tls.checkServerIdentity('plain.example.com', legacy), undefined);
assert.strictEqual(tls.checkServerIdentity('evil.example.com', legacy).code,
                   'ERR_TLS_CERT_ALTNAME_INVALID');
for (const bad of ['"\\a"', '"\\u12"', '"unterminated', '"\u0001"']) {
  assert.throws(() => tls.checkServerIdentity('x.example', { subjectaltname: `DNS:${bad}` }),
                { code: 'ERR_TLS_CERT_ALTNAME_FORMAT', name: 'SyntaxError' });
}

// The peer certificate a TLS client sees has the same text and object.
const server = tls.createServer({ key, cert: pem }, (socket) => socket.end());
server.listen(0, '127.0.0.1', () => {
  let peer;
  const client = tls.connect(server.address().port, '127.0.0.1', {
    ca: pem,
    servername: 'plain.example.com',
    checkServerIdentity: (host, peerCert) => { peer = peerCert; },
  }, () => {
    assert.strictEqual(peer.subjectaltname, expectedSAN);
    assert.deepStrictEqual(peer.infoAccess, legacy.infoAccess);
    client.end();
    server.close();
  });
  client.resume();
});
let closed = false;
server.on('close', () => { closed = true; });
process.on('exit', () => assert.strictEqual(closed, true));
