'use strict';
// The Web Crypto surface Node 20 puts on globalThis.crypto: Crypto (getRandomValues,
// randomUUID, subtle), CryptoKey and SubtleCrypto. Each SubtleCrypto method checks its
// receiver and arguments and copies its buffers synchronously, as WebIDL does, then hands
// the work to webcrypto_keys.js (key management) or webcrypto_ops.js (operations).

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_THIS,
  ERR_MISSING_ARGS,
} = require('internal/errors').codes;
const { kKeyObject } = require('internal/crypto/util');
const random = require('internal/crypto/random');
const {
  CryptoKey, isCryptoKey, normalizeAlgorithm, copyBuffer, domError, toArrayBuffer,
} = require('internal/crypto/webcrypto_util');

const kInternal = Symbol('kInternal');
const kFormats = ['raw', 'pkcs8', 'spki', 'jwk'];

function lazyKeys() { return require('internal/crypto/webcrypto_keys'); }
function lazyOps() { return require('internal/crypto/webcrypto_ops'); }

// Brand checks (private fields, so objects merely inheriting the prototypes fail them).
let isSubtle;
let isCrypto;

function checkThis(self) {
  if (!isSubtle(self)) throw new ERR_INVALID_THIS('SubtleCrypto');
}

function checkArgs(count, want, ...names) {
  if (count < want) throw new ERR_MISSING_ARGS(...names.slice(0, want));
}

function checkFormat(format) {
  format = `${format}`;
  if (!kFormats.includes(format)) {
    throw new ERR_INVALID_ARG_VALUE('format', format,
                                    'is not a valid enum value of type KeyFormat');
  }
  return format;
}

function checkKey(key, name) {
  if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE(name, 'CryptoKey', key);
  return key;
}

function checkUsage(key, usage, algorithm, message) {
  if (!key.usages.includes(usage) || key.algorithm.name !== algorithm.name) {
    throw domError(message, 'InvalidAccessError');
  }
}

const kDigestNames = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384',
  'SHA-512': 'sha512' };

// The key length in bits that deriveKey derives for `algorithm` (null: no length).
function keyLength(algorithm) {
  if (algorithm.name.startsWith('AES')) {
    if (![128, 192, 256].includes(algorithm.length)) {
      throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
    }
    return algorithm.length;
  }
  if (algorithm.name === 'HMAC') {
    if (algorithm.length !== undefined) return algorithm.length;
    return algorithm.hash.name === 'SHA-384' || algorithm.hash.name === 'SHA-512' ? 1024 : 512;
  }
  return null;
}

// encrypt() and decrypt() after their argument count is checked: `usage` is the operation.
function cipherWith(usage, algorithm, key, data) {
  algorithm = normalizeAlgorithm(algorithm, usage);
  checkKey(key, 'key');
  data = copyBuffer(data, 'data');
  checkUsage(key, usage, algorithm, 'The requested operation is not valid for the provided key');
  return lazyOps().cipher(algorithm, key, data, usage === 'decrypt');
}

class SubtleCrypto {
  #brand = true;

  constructor(token) {
    if (token !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  static {
    isSubtle = (value) => value !== null && typeof value === 'object' && #brand in value;
  }

  async digest(algorithm, data) {
    checkThis(this);
    checkArgs(arguments.length, 2, 'algorithm', 'data');
    algorithm = normalizeAlgorithm(algorithm, 'digest');
    data = copyBuffer(data, 'data');
    const { createHash } = require('crypto');
    return toArrayBuffer(createHash(kDigestNames[algorithm.name]).update(data).digest());
  }

  async generateKey(algorithm, extractable, keyUsages) {
    checkThis(this);
    checkArgs(arguments.length, 3, 'algorithm', 'extractable', 'keyUsages');
    algorithm = normalizeAlgorithm(algorithm, 'generateKey');
    const usages = lazyKeys().toUsages(keyUsages);
    return lazyKeys().generateKey(algorithm, !!extractable, usages);
  }

  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    checkThis(this);
    checkArgs(arguments.length, 5, 'format', 'keyData', 'algorithm', 'extractable',
              'keyUsages');
    format = checkFormat(format);
    if (format !== 'jwk') keyData = copyBuffer(keyData, 'keyData');
    algorithm = normalizeAlgorithm(algorithm, 'importKey');
    const usages = lazyKeys().toUsages(keyUsages);
    return lazyKeys().importKey(format, keyData, algorithm, !!extractable, usages);
  }

  async exportKey(format, key) {
    checkThis(this);
    checkArgs(arguments.length, 2, 'format', 'key');
    format = checkFormat(format);
    checkKey(key, 'key');
    return lazyKeys().exportKey(format, key);
  }

  async encrypt(algorithm, key, data) {
    checkThis(this);
    checkArgs(arguments.length, 3, 'algorithm', 'key', 'data');
    return cipherWith('encrypt', algorithm, key, data);
  }

  async decrypt(algorithm, key, data) {
    checkThis(this);
    checkArgs(arguments.length, 3, 'algorithm', 'key', 'data');
    return cipherWith('decrypt', algorithm, key, data);
  }

  async sign(algorithm, key, data) {
    checkThis(this);
    checkArgs(arguments.length, 3, 'algorithm', 'key', 'data');
    algorithm = normalizeAlgorithm(algorithm, 'sign');
    checkKey(key, 'key');
    data = copyBuffer(data, 'data');
    checkUsage(key, 'sign', algorithm, 'Unable to use this key to sign');
    return lazyOps().signVerify(algorithm, key, data);
  }

  async verify(algorithm, key, signature, data) {
    checkThis(this);
    checkArgs(arguments.length, 4, 'algorithm', 'key', 'signature', 'data');
    algorithm = normalizeAlgorithm(algorithm, 'verify');
    checkKey(key, 'key');
    signature = copyBuffer(signature, 'signature');
    data = copyBuffer(data, 'data');
    checkUsage(key, 'verify', algorithm, 'Unable to use this key to verify');
    return lazyOps().signVerify(algorithm, key, data, signature);
  }

  async deriveBits(algorithm, baseKey, length) {
    checkThis(this);
    checkArgs(arguments.length, 3, 'algorithm', 'baseKey', 'length');
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    checkKey(baseKey, 'baseKey');
    if (length !== null) length = Math.trunc(Number(length)) >>> 0;
    if (!baseKey.usages.includes('deriveBits')) {
      throw domError('baseKey does not have deriveBits usage', 'InvalidAccessError');
    }
    if (baseKey.algorithm.name !== algorithm.name) {
      throw domError('Key algorithm mismatch', 'InvalidAccessError');
    }
    return lazyOps().deriveBits(algorithm, baseKey, length);
  }

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    checkThis(this);
    checkArgs(arguments.length, 5, 'algorithm', 'baseKey', 'derivedKeyAlgorithm',
              'extractable', 'keyUsages');
    algorithm = normalizeAlgorithm(algorithm, 'deriveBits');
    checkKey(baseKey, 'baseKey');
    const importAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
    const lengthAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'getKeyLength');
    const usages = lazyKeys().toUsages(keyUsages);
    if (!baseKey.usages.includes('deriveKey')) {
      throw domError('baseKey does not have deriveKey usage', 'InvalidAccessError');
    }
    if (baseKey.algorithm.name !== algorithm.name) {
      throw domError('Key algorithm mismatch', 'InvalidAccessError');
    }
    const bits = await lazyOps().deriveBits(algorithm, baseKey, keyLength(lengthAlgorithm));
    return lazyKeys().importKey('raw', new Uint8Array(bits), importAlgorithm, !!extractable,
                                usages);
  }

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    checkThis(this);
    checkArgs(arguments.length, 4, 'format', 'key', 'wrappingKey', 'wrapAlgorithm');
    format = checkFormat(format);
    checkKey(key, 'key');
    checkKey(wrappingKey, 'wrappingKey');
    wrapAlgorithm = normalizeAlgorithm(wrapAlgorithm, 'wrapKey');
    checkUsage(wrappingKey, 'wrapKey', wrapAlgorithm,
               'The requested operation is not valid for the provided key');
    let data = await lazyKeys().exportKey(format, key);
    if (format === 'jwk') {
      const json = JSON.stringify(data);
      data = new TextEncoder().encode(json + ' '.repeat((8 - (json.length % 8)) % 8));
    } else {
      data = new Uint8Array(data);
    }
    return lazyOps().cipher(wrapAlgorithm, wrappingKey, data, false);
  }

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm,
                  extractable, keyUsages) {
    checkThis(this);
    checkArgs(arguments.length, 7, 'format', 'wrappedKey', 'unwrappingKey',
              'unwrapAlgorithm', 'unwrappedKeyAlgorithm', 'extractable', 'keyUsages');
    format = checkFormat(format);
    wrappedKey = copyBuffer(wrappedKey, 'wrappedKey');
    checkKey(unwrappingKey, 'unwrappingKey');
    unwrapAlgorithm = normalizeAlgorithm(unwrapAlgorithm, 'unwrapKey');
    const importAlgorithm = normalizeAlgorithm(unwrappedKeyAlgorithm, 'importKey');
    const usages = lazyKeys().toUsages(keyUsages);
    checkUsage(unwrappingKey, 'unwrapKey', unwrapAlgorithm,
               'The requested operation is not valid for the provided key');
    let data = new Uint8Array(await lazyOps().cipher(unwrapAlgorithm, unwrappingKey,
                                                     wrappedKey, true));
    if (format === 'jwk') {
      try {
        data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
      } catch {
        throw domError('Invalid imported JWK key', 'DataError');
      }
    }
    return lazyKeys().importKey(format, data, importAlgorithm, !!extractable, usages);
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  value: 'SubtleCrypto', configurable: true,
});

const subtle = new SubtleCrypto(kInternal);

class Crypto {
  #brand = true;

  constructor(token) {
    if (token !== kInternal) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  static {
    isCrypto = (value) => value !== null && typeof value === 'object' && #brand in value;
  }

  get subtle() {
    if (!isCrypto(this)) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (!isCrypto(this)) throw new ERR_INVALID_THIS('Crypto');
    return random.getRandomValues(array);
  }

  randomUUID() {
    if (!isCrypto(this)) throw new ERR_INVALID_THIS('Crypto');
    return random.randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: 'Crypto', configurable: true,
});

const crypto = new Crypto(kInternal);

module.exports = { crypto, Crypto, CryptoKey, SubtleCrypto, isCryptoKey, kKeyObject };
