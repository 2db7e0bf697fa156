'use strict';
// node:_tls_common — the legacy module name for pieces of node:tls: the secure context and
// the peer-certificate shaping helper. Node 20 loads it without a warning.

const { SecureContext, createSecureContext } = require('internal/tls/secure_context');

// Gives a certificate object from the binding its final shape: the issuer chain shaped too
// (a self-signed certificate stays its own issuer), and the text form of the Authority
// Information Access extension turned into `{ method: [location, ...] }`.
function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null && typeof c.infoAccess === 'string') {
    const info = { __proto__: null };
    for (const line of c.infoAccess.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const key = line.slice(0, colon);
      let value = line.slice(colon + 1);
      if (value.startsWith('"')) {
        try {
          value = JSON.parse(value);
        } catch {
          // Not a quoted string after all: keep the text as it is.
        }
      }
      (info[key] ||= []).push(value);
    }
    c.infoAccess = info;
  }
  return c;
}

module.exports = { SecureContext, createSecureContext, translatePeerCertificate };
