'use strict';
// tls.createSecureContext(): options (ca, cert, key, pfx, passphrase, ciphers,
// minVersion/maxVersion, ecdhCurve, honorCipherOrder, sessionTimeout, ...) applied to a
// native SecureContext (an SSL_CTX, binding `secure_context`).

const { Buffer } = require('buffer');
const {
  SecureContext: NativeSecureContext, setExtraRootCerts,
} = internalBinding('secure_context');
const { constants: C } = internalBinding('crypto');
const {
  codes: {
    ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
    ERR_TLS_INVALID_PROTOCOL_METHOD, ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');
const {
  validateBuffer, validateInt32, validateInteger, validateObject, validateString,
} = require('internal/validators');

const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:' +
  'DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:' +
  '!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

const cli = require('internal/tls/cli');

cli.initOpenSSL();

// The starting values follow --tls-cipher-list, --tls-min-v1.x and --tls-max-v1.x.
const defaults = {
  DEFAULT_CIPHERS: cli.cipherList(DEFAULT_CIPHERS),
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: cli.defaultMinVersion(),
  DEFAULT_MAX_VERSION: cli.defaultMaxVersion(),
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

// NODE_EXTRA_CA_CERTS joins the shared root store once (as Node adds it to its root
// store at startup), not every context: parsing it per context cost tens of ms.
let extraCACertsLoaded = false;
function loadExtraCACerts() {
  if (extraCACertsLoaded) return;
  extraCACertsLoaded = true;
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return;
  try {
    setExtraRootCerts(require('fs').readFileSync(file));
  } catch (err) {
    // Worded as OpenSSL's reason, which is what Node reports.
    const reason = err.code === 'ENOENT' ?
      'error:80000002:system library::No such file or directory' : err.message;
    process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${reason}`);
  }
}

// `_external` exists on real native contexts only; reading it through an object that
// merely inherits from one is a TypeError, as in Node.
const nativeContexts = new WeakSet();
Object.defineProperty(NativeSecureContext.prototype, '_external', {
  __proto__: null,
  configurable: true,
  get() {
    if (!nativeContexts.has(this)) throw new TypeError('Illegal invocation');
    return this;
  },
});

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  this.context = new NativeSecureContext();
  nativeContexts.add(this.context);
  let min = toVersion(minVersion || defaults.DEFAULT_MIN_VERSION, 'minVersion');
  let max = toVersion(maxVersion || defaults.DEFAULT_MAX_VERSION, 'maxVersion');
  if (secureProtocol) {
    // Differs from Node 20: the _server_/_client_ variants do not restrict the role.
    const m = /^(TLS|SSLv23|TLSv1|TLSv1_1|TLSv1_2)(?:_server|_client)?_method$/.exec(
      secureProtocol);
    if (!m) {
      const old = /^SSLv([23])_(?:server_|client_)?method$/.exec(secureProtocol);
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(
        old ? `SSLv${old[1]} methods disabled` : `Unknown method: ${secureProtocol}`);
    }
    if (m[1] === 'TLS') {
      min = 0;  // Any version OpenSSL allows, as Node does.
      max = 0;
    } else if (m[1] === 'SSLv23') {
      max = C.TLS1_2_VERSION;  // "Everything below TLS 1.3", as in Node.
    } else {
      min = max = toVersion(m[1] === 'TLSv1' ? 'TLSv1' : `TLSv1.${m[1].slice(-1)}`,
                            'secureProtocol');
    }
  }
  this.context.init(min, max);
  if (secureOptions) this.context.setOptions(secureOptions);
}

function validateKeyOrCert(name, value) {
  if (typeof value !== 'string' && !ArrayBuffer.isView(value) &&
      !(value && typeof value.export === 'function' && value.type !== undefined)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

function setKey(ctx, key, passphrase, name) {
  validateKeyOrCert(`${name}.key`, key);
  if (passphrase != null) validateString(passphrase, `${name}.passphrase`);
  ctx.setKey(toPem(key, `${name}.key`), passphrase ?? undefined);
}

// Applies the options of tls.createSecureContext() to `sc.context`, validating each the
// way Node does (the property names in errors start with `name`).
function configSecureContext(sc, options, name = 'options') {
  validateObject(options, name);
  const ctx = sc.context;
  const { ca, cert, key, passphrase, pfx, sigalgs, privateKeyIdentifier,
          privateKeyEngine, clientCertEngine, crl, dhparam, ticketKeys,
          sessionIdContext, sessionTimeout } = options;
  let { ciphers, ecdhCurve } = options;
  // Ciphers first: a cipher string's @SECLEVEL decides which keys load below.
  if (ciphers !== undefined && ciphers !== null) validateString(ciphers, `${name}.ciphers`);
  // As Node: names starting with TLS_ are TLS 1.3 suites, the rest a TLS 1.2 cipher
  // list; either may be empty (that version is then off), not both.
  const parts = (ciphers || defaults.DEFAULT_CIPHERS).split(':').filter((c) => c.length > 0);
  const is13 = (c) => c.startsWith('TLS_') || c.startsWith('!TLS_');
  const v13 = parts.filter(is13).join(':');
  const v12 = parts.filter((c) => !is13(c)).join(':');
  if (v13 === '' && v12 === '') throw new ERR_INVALID_ARG_VALUE(`${name}.ciphers`, parts);
  // Naming only TLS 1.2 ciphers leaves OpenSSL's TLS 1.3 suites on, as in Node 20.
  if (v13 !== '') ctx.setCipherSuites(v13);
  ctx.setCiphers(v12);
  if (ca) {
    for (const c of toArray(ca)) {
      validateKeyOrCert(`${name}.ca`, c);
      ctx.addCACert(toPem(c, `${name}.ca`));
    }
  } else {
    loadExtraCACerts();
    ctx.addRootCerts();
  }
  if (cert) {
    for (const c of toArray(cert)) validateKeyOrCert(`${name}.cert`, c);
    for (const c of toArray(cert)) ctx.setCert(toPem(c, `${name}.cert`));
  }
  if (key) {
    if (Array.isArray(key)) {
      for (const k of key) {
        const pem = k?.pem !== undefined ? k.pem : k;
        validateKeyOrCert(`${name}.key`, pem);
      }
      for (const k of key) {
        const pem = k?.pem !== undefined ? k.pem : k;
        setKey(ctx, pem, k?.passphrase !== undefined ? k.passphrase : passphrase, name);
      }
    } else {
      setKey(ctx, key, passphrase, name);
    }
  }
  if (sigalgs !== undefined && sigalgs !== null) {
    validateString(sigalgs, `${name}.sigalgs`);
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE(`${name}.sigalgs`, sigalgs);
    ctx.setSigalgs(sigalgs);
  }
  if (privateKeyIdentifier !== undefined && privateKeyIdentifier !== null) {
    if (privateKeyEngine === undefined || privateKeyEngine === null) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.privateKeyEngine`, privateKeyEngine);
    }
    if (key) throw new ERR_INVALID_ARG_VALUE(`${name}.privateKeyIdentifier`, privateKeyIdentifier);
    if (typeof privateKeyIdentifier !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.privateKeyIdentifier`,
                                     ['string', 'null', 'undefined'], privateKeyIdentifier);
    }
    if (typeof privateKeyEngine !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.privateKeyEngine`,
                                     ['string', 'null', 'undefined'], privateKeyEngine);
    }
    // Differs from Node 20: OpenSSL engines are not supported.
    throw new ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
  }
  if (ecdhCurve === undefined) ecdhCurve = defaults.DEFAULT_ECDH_CURVE;
  validateString(ecdhCurve, `${name}.ecdhCurve`);
  if (ecdhCurve !== 'auto') ctx.setECDHCurve(ecdhCurve);
  if (dhparam !== undefined && dhparam !== null) {
    validateKeyOrCert(`${name}.dhparam`, dhparam);
    const warning = ctx.setDHParam(dhparam === 'auto' ? dhparam : toPem(dhparam));
    if (warning) process.emitWarning(warning, 'SecurityWarning');
  }
  if (crl) {
    for (const c of toArray(crl)) {
      validateKeyOrCert(`${name}.crl`, c);
      ctx.addCRL(toPem(c, `${name}.crl`));
    }
  }
  if (sessionIdContext !== undefined && sessionIdContext !== null) {
    validateString(sessionIdContext, `${name}.sessionIdContext`);
    ctx.setSessionIdContext(sessionIdContext);
  }
  if (pfx) {
    for (const p of toArray(pfx)) {
      if (p && typeof p === 'object' && p.buf !== undefined) {
        validateKeyOrCert(`${name}.pfx`, p.buf);
        ctx.loadPKCS12(toPem(p.buf, `${name}.pfx`), p.passphrase ?? passphrase);
      } else {
        validateKeyOrCert(`${name}.pfx`, p);
        ctx.loadPKCS12(toPem(p, `${name}.pfx`), passphrase);
      }
    }
  }
  if (clientCertEngine !== undefined && clientCertEngine !== null) {
    if (typeof clientCertEngine !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.clientCertEngine`,
                                     ['string', 'null', 'undefined'], clientCertEngine);
    }
    throw new ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
  }
  if (ticketKeys !== undefined && ticketKeys !== null) {
    validateBuffer(ticketKeys, `${name}.ticketKeys`);
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.ticketKeys`, ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
    ctx.setTicketKeys(ticketKeys);
  }
  if (sessionTimeout !== undefined && sessionTimeout !== null) {
    validateInt32(sessionTimeout, `${name}.sessionTimeout`, 0);
    ctx.setSessionTimeout(sessionTimeout);
  }
}

function createSecureContext(options) {
  if (!options) options = {};
  const { minVersion, maxVersion, secureProtocol, honorCipherOrder } = options;
  let { secureOptions } = options;
  if (secureProtocol && (minVersion || maxVersion)) {
    throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion || maxVersion, secureProtocol);
  }
  if (secureOptions !== undefined && secureOptions !== null) {
    validateInteger(secureOptions, 'secureOptions');
  }
  if (honorCipherOrder) secureOptions |= C.SSL_OP_CIPHER_SERVER_PREFERENCE;
  const sc = new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  configSecureContext(sc, options);
  return sc;
}

module.exports = { SecureContext, configSecureContext, createSecureContext, defaults };
