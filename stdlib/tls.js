'use strict';
// node:tls — TLS over OpenSSL: TLSSocket (internal/tls/socket), Server and connect
// (internal/tls/server, connect), createSecureContext (internal/tls/secure_context),
// the deprecated createSecurePair (internal/tls/secure_pair).
// The --tls-* command-line switches are read in internal/tls/cli.
// TODO(compat): renegotiation, PSK, OCSP stapling, ALPNCallback.

const { getRootCertificates } = internalBinding('secure_context');
const { SecureContext, createSecureContext, defaults } = require('internal/tls/secure_context');
const { checkServerIdentity, convertALPNProtocols } = require('internal/tls/common');
const { TLSSocket } = require('internal/tls/socket');
const { Server } = require('internal/tls/server');
const { connect } = require('internal/tls/connect');
const { deprecate } = require('util');

let rootCertificates;

function createServer(options, listener) {
  return new Server(options, listener);
}

function getCiphers() {
  return require('crypto').getCiphers ? tlsCiphers() : [];
}

function tlsCiphers() {
  // The names OpenSSL accepts in a cipher list, lower-cased as Node reports them.
  const list = defaults.DEFAULT_CIPHERS.split(':').filter((c) => /^[A-Z0-9_-]+$/.test(c) &&
    c !== 'HIGH');
  return [...new Set(list.map((c) => c.toLowerCase()))].sort();
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: defaults.DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: defaults.DEFAULT_ECDH_CURVE,
  DEFAULT_MIN_VERSION: defaults.DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION: defaults.DEFAULT_MAX_VERSION,
  SecureContext,
  Server,
  TLSSocket,
  checkServerIdentity,
  connect,
  convertALPNProtocols(protocols, out) { convertALPNProtocols(protocols, out); },
  createSecureContext,
  createServer,
  createSecurePair: deprecate(function createSecurePair(...args) {
    const { SecurePair } = require('internal/tls/secure_pair');
    return new SecurePair(...args);
  }, 'tls.createSecurePair() is deprecated. Please use tls.TLSSocket instead.', 'DEP0064'),
  getCiphers,
};

// The DEFAULT_* values are settable, and createSecureContext reads the current ones.
for (const name of ['DEFAULT_CIPHERS', 'DEFAULT_ECDH_CURVE', 'DEFAULT_MIN_VERSION',
  'DEFAULT_MAX_VERSION']) {
  Object.defineProperty(module.exports, name, {
    __proto__: null, enumerable: true, configurable: true,
    get() { return defaults[name]; },
    set(value) { defaults[name] = value; },
  });
}

Object.defineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    // Node's form: no trailing newline, no duplicates.
    rootCertificates ??= Object.freeze([...new Set(getRootCertificates()
      .map((pem) => pem.trimEnd()))]);
    return rootCertificates;
  },
});
