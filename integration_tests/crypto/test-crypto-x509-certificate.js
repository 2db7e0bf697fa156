'use strict';
// crypto.X509Certificate on a fixed CA and leaf (fixtures/x509-*): the text accessors,
// fingerprints, host/email/IP checks, issuer and key checks, and bad input rejected.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const leafPem = read('x509-leaf-cert.pem');
const leaf = new crypto.X509Certificate(leafPem);
const ca = new crypto.X509Certificate(read('x509-ca-cert.pem').toString());

assert.strictEqual(leaf.subject,
                   'C=US\nO=Skua Test\nCN=leaf.example.com\nemailAddress=admin@example.com');
assert.strictEqual(leaf.issuer, 'C=US\nO=Skua Test\nCN=skua-test-ca');
assert.strictEqual(ca.subject, ca.issuer);
assert.strictEqual(leaf.subjectAltName, 'DNS:leaf.example.com, DNS:*.wild.example.com, ' +
                   'IP Address:127.0.0.1, email:admin@example.com');
assert.strictEqual(leaf.infoAccess, 'OCSP - URI:http://ocsp.example.com/');
assert.strictEqual(ca.subjectAltName, undefined);
assert.strictEqual(leaf.serialNumber, '1234ABCD');
assert.match(leaf.validFrom, /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
assert.strictEqual(leaf.fingerprint256, 'F5:17:8E:42:CE:7C:43:7D:47:B1:E7:35:90:E8:62:15:' +
                   'CE:AA:C5:94:F7:6D:0A:34:1D:9B:0A:D6:5D:62:C0:EE');
assert.strictEqual(leaf.fingerprint256,
                   crypto.createHash('sha256').update(leaf.raw).digest('hex').toUpperCase()
                     .match(/../g).join(':'));
assert.deepStrictEqual(leaf.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
assert.strictEqual(leaf.ca, false);
assert.strictEqual(ca.ca, true);
assert.strictEqual(leaf.toString(), leafPem.toString());
assert.strictEqual(leaf.toJSON(), leaf.toString());
// DER input gives the same certificate.
assert.strictEqual(new crypto.X509Certificate(leaf.raw).fingerprint256, leaf.fingerprint256);

// Names, addresses and wildcards.
assert.strictEqual(leaf.checkHost('leaf.example.com'), 'leaf.example.com');
assert.strictEqual(leaf.checkHost('a.wild.example.com'), '*.wild.example.com');
assert.strictEqual(leaf.checkHost('a.wild.example.com', { wildcards: false }), undefined);
assert.strictEqual(leaf.checkHost('other.example.com'), undefined);
assert.strictEqual(leaf.checkEmail('admin@example.com'), 'admin@example.com');
assert.strictEqual(leaf.checkEmail('root@example.com'), undefined);
assert.strictEqual(leaf.checkIP('127.0.0.1'), '127.0.0.1');
assert.strictEqual(leaf.checkIP('10.0.0.1'), undefined);
assert.throws(() => leaf.checkHost('leaf\0.example.com'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => leaf.checkIP('[::1]'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => leaf.checkHost('x', { subject: 'sometimes' }),
              { code: 'ERR_INVALID_ARG_VALUE' });

// Issuer and keys.
assert.strictEqual(leaf.checkIssued(ca), true);
assert.strictEqual(ca.checkIssued(leaf), false);
assert.strictEqual(leaf.verify(ca.publicKey), true);
assert.strictEqual(leaf.verify(leaf.publicKey), false);
assert.strictEqual(leaf.publicKey.asymmetricKeyType, 'rsa');
const leafKey = crypto.createPrivateKey(read('x509-leaf-key.pem'));
assert.strictEqual(leaf.checkPrivateKey(leafKey), true);
assert.strictEqual(ca.checkPrivateKey(leafKey), false);
assert.throws(() => leaf.checkPrivateKey(leaf.publicKey), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => leaf.checkIssued({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(leaf.toLegacyObject().subject.CN, 'leaf.example.com');

// Hostile input: not a certificate, truncated DER, wrong types.
for (const value of [1, {}, null]) {
  assert.throws(() => new crypto.X509Certificate(value), { code: 'ERR_INVALID_ARG_TYPE' });
}
assert.throws(() => new crypto.X509Certificate('not a certificate'), /error:/);
assert.throws(() => new crypto.X509Certificate(leaf.raw.subarray(0, 100)), /error:/);
console.log('ok');
