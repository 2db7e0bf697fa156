'use strict';
// Classic DiffieHellman / DiffieHellmanGroup, createECDH / ECDH.convertKey and the
// stateless diffieHellman({ privateKey, publicKey }).

const { Buffer } = require('buffer');
const {
  ERR_CRYPTO_ECDH_INVALID_FORMAT,
  ERR_CRYPTO_UNKNOWN_DH_GROUP,
  ERR_INVALID_ARG_TYPE,
  ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
  ERR_CRYPTO_INCOMPATIBLE_KEY,
  ERR_CRYPTO_INVALID_CURVE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { makeNodeError } = require('internal/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const {
  binding, kHandle, encodeResult, getArrayBufferOrView, isArrayBufferLike, toBuf,
} = require('internal/crypto/util');
const { isKeyObject } = require('internal/crypto/keys');

const POINT_CONVERSION_COMPRESSED = 2;
const POINT_CONVERSION_UNCOMPRESSED = 4;
const POINT_CONVERSION_HYBRID = 6;

const DH_GENERATOR = 2;
const kBufferTypes = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

function isBytes(value) {
  return ArrayBuffer.isView(value) || isArrayBufferLike(value);
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !isBytes(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE('sizeOrKey', kBufferTypes.slice(0, 6), sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  // The encoding argument may be left out: createDiffieHellman(prime, generator).
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  keyEncoding ||= 'buffer';
  genEncoding ||= 'buffer';
  if (typeof sizeOrKey === 'string') sizeOrKey = toBuf(sizeOrKey, keyEncoding);
  if (!generator) {
    generator = DH_GENERATOR;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBuf(generator, genEncoding);
  } else if (!isBytes(generator)) {
    throw new ERR_INVALID_ARG_TYPE('generator', kBufferTypes, generator);
  }
  const handle = new binding.DiffieHellmanHandle();
  if (typeof sizeOrKey === 'number') {
    if (typeof generator !== 'number') generator = bytesToInt(generator);
    handle.initPrimeLength(sizeOrKey, generator);
  } else {
    handle.initPrime(sizeOrKey, generator);
  }
  this[kHandle] = handle;
}

function bytesToInt(bytes) {
  const view = ArrayBuffer.isView(bytes) ?
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  let value = 0;
  for (const byte of view) value = (value * 256 + byte) | 0;
  return value;
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  validateString(name, 'name');
  const handle = new binding.DiffieHellmanHandle();
  if (!handle.initGroup(name)) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
  this[kHandle] = handle;
}

function dhGetField(self, field, encoding, what) {
  const value = self[kHandle].getField(field);
  if (value === undefined) {
    throw makeNodeError(Error, 'ERR_CRYPTO_INVALID_STATE',
                        `No ${what} - did you forget to generate one?`);
  }
  return encodeResult(value, encoding);
}

const dhMethods = {
  generateKeys(encoding) {
    return encodeResult(this[kHandle].generateKeys(), encoding);
  },
  computeSecret(key, inEnc, outEnc) {
    key = getArrayBufferOrView(key, 'key', inEnc);
    const secret = this[kHandle].computeSecret(key);
    if (typeof secret === 'number') {
      const message = ['Supplied key is too small', 'Supplied key is too large',
        'Unspecified validation error'][secret - 1];
      throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', message);
    }
    return encodeResult(secret, outEnc);
  },
  getPrime(encoding) { return encodeResult(this[kHandle].getField(0), encoding); },
  getGenerator(encoding) { return encodeResult(this[kHandle].getField(1), encoding); },
  getPublicKey(encoding) { return dhGetField(this, 2, encoding, 'public key'); },
  getPrivateKey(encoding) { return dhGetField(this, 3, encoding, 'private key'); },
};

for (const Class of [DiffieHellman, DiffieHellmanGroup]) {
  for (const [name, fn] of Object.entries(dhMethods)) Class.prototype[name] = fn;
  Object.defineProperty(Class.prototype, 'verifyError', {
    get() { return this[kHandle].verifyError(); }, enumerable: true, configurable: true,
  });
}

DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  this[kHandle].setKey(false, getArrayBufferOrView(key, 'key', encoding));
  return this;
};

DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  this[kHandle].setKey(true, getArrayBufferOrView(key, 'key', encoding));
  return this;
};

function getFormat(format) {
  if (format) {
    if (format === 'compressed') return POINT_CONVERSION_COMPRESSED;
    if (format === 'hybrid') return POINT_CONVERSION_HYBRID;
    if (format !== 'uncompressed') throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
  }
  return POINT_CONVERSION_UNCOMPRESSED;
}

function curveNid(curve) {
  validateString(curve, 'curve');
  const nid = binding.curveNid(curve);
  if (nid === 0) throw new ERR_CRYPTO_INVALID_CURVE();
  return nid;
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  this[kHandle] = new binding.ECDH(curveNid(curve));
}

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  this[kHandle].generateKeys();
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const key = this[kHandle].getPublicKey(getFormat(format));
  if (key === undefined) throw new Error('Failed to get ECDH public key');
  return encodeResult(key, encoding);
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const key = this[kHandle].getPrivateKey();
  if (key === undefined) throw new Error('Failed to get ECDH private key');
  return encodeResult(key, encoding);
};

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  if (!this[kHandle].setPrivateKey(key)) {
    throw new Error('Private key is not valid for specified curve.');
  }
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  if (!this[kHandle].setPublicKey(key)) throw new Error('Failed to convert Buffer to EC_POINT');
  return this;
};

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const secret = this[kHandle].computeSecret(key);
  if (secret === undefined) throw new ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY();
  return encodeResult(secret, outEnc);
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  const nid = curveNid(curve);
  key = getArrayBufferOrView(key, 'key', inEnc);
  const out = binding.ecdhConvertKey(key, nid, getFormat(format));
  if (out === undefined) throw new Error('Failed to convert Buffer to EC_POINT');
  return encodeResult(out, outEnc);
};

function createECDH(curve) {
  return new ECDH(curve);
}

function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey) || privateKey.type !== 'private') {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!isKeyObject(publicKey) || publicKey.type === 'secret') {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !['dh', 'ec', 'x448', 'x25519'].includes(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
                                          `${privateType} and ${publicType}`);
  }
  return encodeResult(binding.deriveSecret(privateKey[kHandle], publicKey[kHandle]));
}

module.exports = { DiffieHellman, DiffieHellmanGroup, ECDH, createECDH, diffieHellman };
