'use strict';
// createECDH / ECDH.convertKey and the stateless diffieHellman({ privateKey, publicKey }).
// TODO(compat): classic DiffieHellman (createDiffieHellman, getDiffieHellman) is not here.

const {
  ERR_CRYPTO_ECDH_INVALID_FORMAT,
  ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY,
  ERR_CRYPTO_INCOMPATIBLE_KEY,
  ERR_CRYPTO_INVALID_CURVE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { validateObject, validateString } = require('internal/validators');
const { binding, kHandle, encodeResult, getArrayBufferOrView } = require('internal/crypto/util');
const { isKeyObject } = require('internal/crypto/keys');

const POINT_CONVERSION_COMPRESSED = 2;
const POINT_CONVERSION_UNCOMPRESSED = 4;
const POINT_CONVERSION_HYBRID = 6;

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

module.exports = { ECDH, createECDH, diffieHellman };
