'use strict';
// The Web Crypto surface Node 20 puts on globalThis.crypto: getRandomValues, randomUUID,
// and the Crypto, CryptoKey and SubtleCrypto interfaces.
// TODO(compat): SubtleCrypto methods other than digest are not implemented yet.

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_THIS,
} = require('internal/errors').codes;
const { kKeyObject } = require('internal/crypto/util');
const random = require('internal/crypto/random');

const kInternal = Symbol('kInternal');

class CryptoKey {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  value: 'CryptoKey', configurable: true,
});

function isCryptoKey(value) {
  return value !== null && typeof value === 'object' && value[kKeyObject] !== undefined &&
    value instanceof CryptoKey;
}

const kDigestNames = { 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384',
  'sha-512': 'sha512' };

class SubtleCrypto {
  constructor(token) {
    if (token !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  async digest(algorithm, data) {
    const name = typeof algorithm === 'string' ? algorithm : algorithm?.name;
    const md = kDigestNames[`${name}`.toLowerCase()];
    if (md === undefined) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
    }
    const { createHash } = require('crypto');
    const view = ArrayBuffer.isView(data) ?
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    const out = createHash(md).update(view).digest();
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  value: 'SubtleCrypto', configurable: true,
});

const subtle = new SubtleCrypto(kInternal);

class Crypto {
  constructor(token) {
    if (token !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!(this instanceof Crypto)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: 'Crypto', configurable: true,
});

const crypto = new Crypto(kInternal);

module.exports = { crypto, Crypto, CryptoKey, SubtleCrypto, isCryptoKey, kKeyObject };
