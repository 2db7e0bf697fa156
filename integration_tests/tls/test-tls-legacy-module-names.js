'use strict';
// node:_tls_wrap and node:_tls_common: legacy names for parts of node:tls, loaded without
// a warning.
const assert = require('assert');
const tls = require('tls');

process.on('warning', (warning) => assert.fail(`unexpected warning: ${warning.message}`));

const wrap = require('_tls_wrap');
assert.deepStrictEqual(Object.keys(wrap).sort(),
                       ['Server', 'TLSSocket', 'connect', 'createServer']);
assert.strictEqual(wrap.TLSSocket, tls.TLSSocket);
assert.strictEqual(wrap.Server, tls.Server);

const common = require('_tls_common');
assert.deepStrictEqual(Object.keys(common).sort(),
                       ['SecureContext', 'createSecureContext', 'translatePeerCertificate']);
assert.strictEqual(common.createSecureContext, tls.createSecureContext);
assert.ok(common.createSecureContext() instanceof common.SecureContext);

// translatePeerCertificate parses the text form of the Authority Information Access
// extension and follows the issuer chain; a self-signed certificate stays its own issuer.
const { translatePeerCertificate } = common;
assert.strictEqual(translatePeerCertificate(null), null);
const cert = translatePeerCertificate({
  infoAccess: 'OCSP - URI:http://ocsp.example\nCA Issuers - URI:http://ca.example\n',
});
assert.deepStrictEqual(Object.keys(cert.infoAccess), ['OCSP - URI', 'CA Issuers - URI']);
assert.deepStrictEqual(cert.infoAccess['OCSP - URI'], ['http://ocsp.example']);
assert.strictEqual(Object.getPrototypeOf(cert.infoAccess), null);
const self = { subject: { CN: 'x' } };
self.issuerCertificate = self;
assert.strictEqual(translatePeerCertificate(self).issuerCertificate, self);
console.log('ok');
