'use strict';
// Pieces shared by the Web Crypto modules: CryptoKey and its internal slots, algorithm
// normalization (WebIDL's "normalize an algorithm"), DOMException helpers and the
// BufferSource copies every SubtleCrypto method takes before its first await.

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_THIS,
  ERR_MISSING_OPTION,
} = require('internal/errors').codes;
const { kKeyObject, isArrayBufferLike } = require('internal/crypto/util');
const { Cloneable, kClone } = require('internal/worker/cloneable');

const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kUsages = Symbol('kUsages');

function domError(message, name) {
  const { DOMException } = require('internal/per_context/domexception');
  return new DOMException(message, name);
}

// Cloneable: postMessage and structuredClone copy the key with its slots (see [kClone]).
class CryptoKey extends Cloneable {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }

  [kClone]() {
    return {
      type: 'CryptoKey',
      data: {
        keyObject: this[kKeyObject],
        algorithm: this[kAlgorithm],
        usages: this[kUsages],
        extractable: this[kExtractable],
      },
    };
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kKeyObject].type;
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kExtractable];
  }

  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kAlgorithm];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_THIS('CryptoKey');
    return this[kUsages];
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `CryptoKey ${inspect({
      type: this.type,
      extractable: this.extractable,
      algorithm: this.algorithm,
      usages: this.usages,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  value: 'CryptoKey', configurable: true,
});
for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  Object.defineProperty(CryptoKey.prototype, name, { enumerable: true });
}

// A CryptoKey over `keyObject` (the constructor itself is illegal for users).
function newCryptoKey(keyObject, algorithm, usages, extractable) {
  // Built by the native base alone (CryptoKey's own constructor is illegal).
  const key = Reflect.construct(Cloneable, [], CryptoKey);
  Object.defineProperty(key, kKeyObject, { value: keyObject });
  key[kAlgorithm] = algorithm;
  key[kUsages] = [...new Set(usages)];
  key[kExtractable] = !!extractable;
  return key;
}

// The receiving side of CryptoKey#[kClone].
function deserializeCryptoKey({ keyObject, algorithm, usages, extractable }) {
  return newCryptoKey(keyObject, algorithm, usages, extractable);
}

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kKeyObject] !== undefined &&
    value instanceof CryptoKey;
}

// Canonical spellings of the names Node 20 recognises (matched case-insensitively).
const kNames = [
  'RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'Ed25519', 'Ed448', 'X25519',
  'X448', 'HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'HKDF', 'PBKDF2', 'SHA-1',
  'SHA-256', 'SHA-384', 'SHA-512',
];
const kCanonical = new Map(kNames.map((n) => [n.toLowerCase(), n]));

// The algorithms each operation accepts, and the members it requires of the dictionary.
const kRsaKeyGen = ['modulusLength', 'publicExponent', 'hash'];
const kOps = {
  digest: { 'SHA-1': [], 'SHA-256': [], 'SHA-384': [], 'SHA-512': [] },
  generateKey: {
    'RSASSA-PKCS1-v1_5': kRsaKeyGen, 'RSA-PSS': kRsaKeyGen, 'RSA-OAEP': kRsaKeyGen,
    'ECDSA': ['namedCurve'], 'ECDH': ['namedCurve'], 'Ed25519': [], 'Ed448': [],
    'X25519': [], 'X448': [], 'HMAC': ['hash'], 'AES-CTR': ['length'], 'AES-CBC': ['length'],
    'AES-GCM': ['length'], 'AES-KW': ['length'],
  },
  importKey: {
    'RSASSA-PKCS1-v1_5': ['hash'], 'RSA-PSS': ['hash'], 'RSA-OAEP': ['hash'],
    'ECDSA': ['namedCurve'], 'ECDH': ['namedCurve'], 'Ed25519': [], 'Ed448': [],
    'X25519': [], 'X448': [], 'HMAC': ['hash'], 'AES-CTR': [], 'AES-CBC': [], 'AES-GCM': [],
    'AES-KW': [], 'HKDF': [], 'PBKDF2': [],
  },
  sign: {
    'RSASSA-PKCS1-v1_5': [], 'RSA-PSS': ['saltLength'], 'ECDSA': ['hash'], 'Ed25519': [],
    'Ed448': [], 'HMAC': [],
  },
  encrypt: {
    'RSA-OAEP': [], 'AES-CTR': ['counter', 'length'], 'AES-CBC': ['iv'], 'AES-GCM': ['iv'],
  },
  wrapKey: {
    'RSA-OAEP': [], 'AES-CTR': ['counter', 'length'], 'AES-CBC': ['iv'], 'AES-GCM': ['iv'],
    'AES-KW': [],
  },
  deriveBits: {
    'ECDH': ['public'], 'X25519': ['public'], 'X448': ['public'],
    'HKDF': ['hash', 'salt', 'info'], 'PBKDF2': ['hash', 'salt', 'iterations'],
  },
  getKeyLength: {
    'AES-CTR': ['length'], 'AES-CBC': ['length'], 'AES-GCM': ['length'], 'AES-KW': ['length'],
    'HMAC': ['hash'], 'HKDF': [], 'PBKDF2': [],
  },
};
kOps.verify = kOps.sign;
kOps.decrypt = kOps.encrypt;
kOps.unwrapKey = kOps.wrapKey;

// A copy of a BufferSource as a Uint8Array (WebIDL copies the bytes of the argument).
function copyBuffer(value, name) {
  if (ArrayBuffer.isView(value)) {
    const end = value.byteOffset + value.byteLength;
    return new Uint8Array(value.buffer.slice(value.byteOffset, end));
  }
  if (isArrayBufferLike(value)) return new Uint8Array(value.slice(0));
  throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                 value);
}

// Returns a fresh, validated dictionary for `op` with a canonical `name` (and a
// normalized `hash`); throws like Node 20 (NotSupportedError for unknown names).
function normalizeAlgorithm(algorithm, op) {
  if (typeof algorithm === 'string') return normalizeAlgorithm({ name: algorithm }, op);
  if (algorithm === null || typeof algorithm !== 'object') {
    return normalizeAlgorithm({ name: `${algorithm}` }, op);
  }
  if (algorithm.name === undefined) {
    throw new ERR_MISSING_OPTION('algorithm.name');
  }
  const name = kCanonical.get(`${algorithm.name}`.toLowerCase());
  const required = name !== undefined ? kOps[op][name] : undefined;
  if (required === undefined) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  const result = { name };
  for (const member of required) {
    if (algorithm[member] === undefined) throw new ERR_MISSING_OPTION(`algorithm.${member}`);
  }
  for (const key of Object.keys(kDictionaryMembers)) {
    const value = algorithm[key];
    if (value === undefined) continue;
    result[key] = kDictionaryMembers[key](value, `algorithm.${key}`, op);
  }
  return result;
}

function toHash(value, name) {
  const hash = normalizeAlgorithm(value, 'digest');
  return { name: hash.name };
}

function toUnsigned(value, name) {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new ERR_INVALID_ARG_VALUE(name, value);
  return Math.trunc(n) >>> 0;
}

function toCryptoKey(value, name) {
  if (!isCryptoKey(value)) throw new ERR_INVALID_ARG_TYPE(name, 'CryptoKey', value);
  return value;
}

const kDictionaryMembers = {
  hash: toHash,
  modulusLength: toUnsigned,
  publicExponent: copyBuffer,
  namedCurve: (v) => `${v}`,
  length: (v, name, op) => (op === 'encrypt' || op === 'decrypt' || op === 'wrapKey' ||
    op === 'unwrapKey' ? Math.trunc(Number(v)) & 0xff : toUnsigned(v, name)),
  saltLength: toUnsigned,
  counter: copyBuffer,
  iv: copyBuffer,
  additionalData: copyBuffer,
  tagLength: (v) => Math.trunc(Number(v)) & 0xff,
  label: copyBuffer,
  public: toCryptoKey,
  salt: copyBuffer,
  info: copyBuffer,
  iterations: toUnsigned,
  context: copyBuffer,
};

// Node's name for a Web Crypto hash ("SHA-256" -> "sha256").
function hashName(hash) {
  return hash.name.replace('-', '').toLowerCase();
}

// The ArrayBuffer of a Buffer, trimmed to its bytes.
function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

// Promise form of a Node callback API, for the work that runs on the thread pool.
function callbackPromise(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, ...results) => (err ? reject(err) : resolve(results)));
  });
}

module.exports = {
  CryptoKey,
  deserializeCryptoKey,
  newCryptoKey,
  isCryptoKey,
  normalizeAlgorithm,
  copyBuffer,
  domError,
  hashName,
  toArrayBuffer,
  callbackPromise,
  kAlgorithm,
  kExtractable,
  kUsages,
};
