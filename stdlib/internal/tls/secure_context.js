'use strict';
// tls.createSecureContext(): options (ca, cert, key, pfx, passphrase, ciphers,
// minVersion/maxVersion, ecdhCurve, honorCipherOrder, sessionTimeout, ...) applied to a
// native SecureContext (an SSL_CTX, binding `secure_context`).

const { Buffer } = require('buffer');
const { SecureContext: NativeSecureContext } = internalBinding('secure_context');
const { constants: C } = internalBinding('crypto');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_TLS_INVALID_PROTOCOL_METHOD, ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');

const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:' +
  'DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
  '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

const defaults = {
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
};

const kVersions = {
  __proto__: null,
  'TLSv1': C.TLS1_VERSION,
  'TLSv1.1': C.TLS1_1_VERSION,
  'TLSv1.2': C.TLS1_2_VERSION,
  'TLSv1.3': C.TLS1_3_VERSION,
};

function toVersion(name, which) {
  const v = kVersions[name];
  if (v === undefined) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(name, which);
  return v;
}

function toPem(value, name) {
  if (typeof value === 'string') return Buffer.from(value);
  if (value instanceof Uint8Array) return value;
  if (value && typeof value.export === 'function' && value.type !== undefined) {
    return Buffer.from(value.export({ format: 'pem', type: value.type === 'private' ? 'pkcs8' : 'spki' }));
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function toArray(value) {
  return Array.isArray(value) ? value : [value];
}

let extraCACerts;
function getExtraCACerts() {
  if (extraCACerts === undefined) {
    extraCACerts = null;
    const file = process.env.NODE_EXTRA_CA_CERTS;
    if (file) {
      try {
        extraCACerts = require('fs').readFileSync(file);
      } catch (err) {
        process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${err.message}`);
      }
    }
  }
  return extraCACerts;
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  this.context = new NativeSecureContext();
  let min = toVersion(minVersion || defaults.DEFAULT_MIN_VERSION, 'minVersion');
  let max = toVersion(maxVersion || defaults.DEFAULT_MAX_VERSION, 'maxVersion');
  if (secureProtocol) {
    // Differs from Node 20: only the TLS_method-style names are understood.
    const m = /^TLSv1(?:_(\d))?_method$/.exec(secureProtocol);
    if (m) {
      min = max = toVersion(m[1] ? `TLSv1.${m[1]}` : 'TLSv1', 'secureProtocol');
    } else if (secureProtocol !== 'TLS_method' && secureProtocol !== 'SSLv23_method') {
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(secureProtocol);
    }
  }
  this.context.init(min, max);
  if (secureOptions) this.context.setOptions(secureOptions);
}

function createSecureContext(options = {}) {
  const { minVersion, maxVersion, secureProtocol } = options;
  if (secureProtocol && (minVersion || maxVersion)) {
    throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion || maxVersion, secureProtocol);
  }
  const sc = new SecureContext(secureProtocol, options.secureOptions, minVersion, maxVersion);
  const ctx = sc.context;
  if (options.ca) {
    for (const ca of toArray(options.ca)) ctx.addCACert(toPem(ca, 'options.ca'));
  } else {
    ctx.addRootCerts();
    const extra = getExtraCACerts();
    if (extra) ctx.addCACert(extra);
  }
  if (options.cert) {
    for (const cert of toArray(options.cert)) ctx.setCert(toPem(cert, 'options.cert'));
  }
  if (options.key) {
    for (const key of toArray(options.key)) {
      if (key && typeof key === 'object' && !(key instanceof Uint8Array) && key.pem !== undefined) {
        ctx.setKey(toPem(key.pem, 'options.key'), key.passphrase ?? options.passphrase);
      } else {
        ctx.setKey(toPem(key, 'options.key'), options.passphrase);
      }
    }
  }
  if (options.pfx) {
    for (const pfx of toArray(options.pfx)) {
      if (pfx && typeof pfx === 'object' && pfx.buf !== undefined) {
        ctx.loadPKCS12(toPem(pfx.buf, 'options.pfx'), pfx.passphrase ?? options.passphrase);
      } else {
        ctx.loadPKCS12(toPem(pfx, 'options.pfx'), options.passphrase);
      }
    }
  }
  const ciphers = options.ciphers ?? defaults.DEFAULT_CIPHERS;
  if (typeof ciphers !== 'string') throw new ERR_INVALID_ARG_TYPE('options.ciphers', 'string', ciphers);
  const parts = ciphers.split(':');
  const v13 = parts.filter((c) => c.startsWith('TLS_')).join(':');
  const v12 = parts.filter((c) => !c.startsWith('TLS_')).join(':');
  // An empty TLS 1.2 list is legal when TLS 1.3 suites were named, as in Node.
  ctx.setCiphers(v12 || (v13 ? '' : 'DEFAULT'));
  if (v13 || ciphers === defaults.DEFAULT_CIPHERS) ctx.setCipherSuites(v13);
  else ctx.setCipherSuites('');
  const curve = options.ecdhCurve ?? defaults.DEFAULT_ECDH_CURVE;
  if (curve !== 'auto') ctx.setECDHCurve(curve);
  if (options.sigalgs) ctx.setSigalgs(options.sigalgs);
  if (options.honorCipherOrder) ctx.setOptions(C.SSL_OP_CIPHER_SERVER_PREFERENCE);
  if (options.sessionTimeout !== undefined) ctx.setSessionTimeout(options.sessionTimeout);
  if (options.sessionIdContext) ctx.setSessionIdContext(String(options.sessionIdContext));
  return sc;
}

module.exports = { SecureContext, createSecureContext, defaults };
