'use strict';
// crypto.X509Certificate over the native X509CertificateHandle: parsing PEM or DER, the
// text and fingerprint accessors (computed once, then cached), and the host, email, IP,
// issuer and key checks.

const { Buffer } = require('buffer');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { validateBoolean, validateObject, validateString } = require('internal/validators');
const { binding, kHandle, bufferFrom, isArrayBufferLike } = require('internal/crypto/util');

const kCache = Symbol('kCache');

// X509_CHECK_FLAG_* (openssl/x509v3.h).
const X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT = 0x1;
const X509_CHECK_FLAG_NO_WILDCARDS = 0x2;
const X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS = 0x4;
const X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS = 0x8;
const X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS = 0x10;
const X509_CHECK_FLAG_NEVER_CHECK_SUBJECT = 0x20;

function isX509Certificate(value) {
  return value instanceof X509Certificate;
}

function checkFlags(options) {
  if (options === undefined) return 0;
  validateObject(options, 'options');
  const {
    subject = 'default', wildcards = true, partialWildcards = true,
    multiLabelWildcards = false, singleLabelSubdomains = false,
  } = options;
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  let flags = 0;
  switch (subject) {
    case 'default': break;
    case 'always': flags |= X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT; break;
    case 'never': flags |= X509_CHECK_FLAG_NEVER_CHECK_SUBJECT; break;
    default: throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  if (!wildcards) flags |= X509_CHECK_FLAG_NO_WILDCARDS;
  if (!partialWildcards) flags |= X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
  if (multiLabelWildcards) flags |= X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS;
  if (singleLabelSubdomains) flags |= X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS;
  return flags;
}

function checkName(value, name) {
  validateString(value, name);
  if (value.includes('\0')) throw new ERR_INVALID_ARG_VALUE(name, value);
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!ArrayBuffer.isView(buffer) && !isArrayBufferLike(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                     buffer);
    }
    const handle = new binding.X509CertificateHandle();
    handle.parse(buffer);
    this[kHandle] = handle;
    this[kCache] = { __proto__: null };
  }

  #cached(key, compute) {
    const cache = this[kCache];
    if (!(key in cache)) cache[key] = compute(this[kHandle]);
    return cache[key];
  }

  get subject() { return this.#cached('subject', (h) => h.text(0)); }
  get issuer() { return this.#cached('issuer', (h) => h.text(1)); }
  get subjectAltName() { return this.#cached('subjectAltName', (h) => h.text(2)); }
  get infoAccess() { return this.#cached('infoAccess', (h) => h.text(3)); }
  get validFrom() { return this.#cached('validFrom', (h) => h.text(4)); }
  get validTo() { return this.#cached('validTo', (h) => h.text(5)); }
  get serialNumber() { return this.#cached('serialNumber', (h) => h.text(6)); }
  get fingerprint() { return this.#cached('fingerprint', (h) => h.fingerprint('sha1')); }
  get fingerprint256() { return this.#cached('fingerprint256', (h) => h.fingerprint('sha256')); }
  get fingerprint512() { return this.#cached('fingerprint512', (h) => h.fingerprint('sha512')); }
  get keyUsage() { return this.#cached('keyUsage', (h) => h.keyUsage()); }
  get ca() { return this.#cached('ca', (h) => h.isCa()); }
  get raw() { return this.#cached('raw', (h) => bufferFrom(h.raw())); }
  // Set only on certificates that come from a TLS peer's chain.
  get issuerCertificate() { return this[kCache].issuerCertificate; }

  get publicKey() {
    return this.#cached('publicKey', (h) => {
      const { PublicKeyObject } = require('internal/crypto/keys');
      return new PublicKeyObject(h.publicKey());
    });
  }

  checkHost(name, options) {
    checkName(name, 'name');
    return this[kHandle].checkHost(name, checkFlags(options));
  }

  checkEmail(email, options) {
    checkName(email, 'email');
    return this[kHandle].checkEmail(email, checkFlags(options));
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    const net = require('net');
    if (!net.isIP(ip)) throw new ERR_INVALID_ARG_VALUE('ip', ip);
    if (options !== undefined) validateObject(options, 'options');
    return this[kHandle].checkIP(ip);
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return this[kHandle].checkIssued(otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    const { isKeyObject } = require('internal/crypto/keys');
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return this[kHandle].checkPrivateKey(pkey[kHandle]);
  }

  verify(pkey) {
    const { isKeyObject } = require('internal/crypto/keys');
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return this[kHandle].verify(pkey[kHandle]);
  }

  toLegacyObject() {
    const obj = this[kHandle].toLegacyObject();
    if (obj.raw !== undefined) obj.raw = bufferFrom(obj.raw);
    if (obj.pubkey !== undefined) obj.pubkey = bufferFrom(obj.pubkey);
    return obj;
  }

  toString() { return this.#cached('pem', (h) => h.text(7)); }
  toJSON() { return this.toString(); }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, opts)}`;
  }
}

module.exports = { X509Certificate, isX509Certificate };
