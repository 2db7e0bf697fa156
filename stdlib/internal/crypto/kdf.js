'use strict';
// pbkdf2, scrypt and hkdf in their callback (thread pool) and Sync forms.

const { FastBuffer } = require('internal/buffer/fast_buffer');
const {
  ERR_CRYPTO_INVALID_KEYLEN,
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS,
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER,
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const {
  validateFunction, validateInt32, validateInteger, validateString, validateUint32,
} = require('internal/validators');
const {
  binding, checkDigest, getArrayBufferOrView, isArrayBufferLike, toBuf, kHandle,
} = require('internal/crypto/util');

const kMaxLength = 2 ** 32;

function checkPbkdf2(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  checkDigest(digest);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } =
    checkPbkdf2(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  binding.pbkdf2(password, salt, iterations, keylen, digest, (err, result) => {
    if (err) return callback(err);
    callback(null, new FastBuffer(result));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } =
    checkPbkdf2(password, salt, iterations, keylen, digest));
  return new FastBuffer(binding.pbkdf2(password, salt, iterations, keylen, digest));
}

const scryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };

function checkScrypt(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = scryptDefaults;
  if (options && options !== scryptDefaults) {
    const pick = (short, long) => {
      let value;
      const hasShort = options[short] !== undefined;
      if (hasShort) {
        value = options[short];
        validateUint32(value, short);
      }
      if (options[long] !== undefined) {
        if (hasShort) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
        value = options[long];
        validateUint32(value, long);
      }
      return value;
    };
    N = pick('N', 'cost') ?? N;
    r = pick('r', 'blockSize') ?? r;
    p = pick('p', 'parallelization') ?? p;
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = scryptDefaults.N;
    if (r === 0) r = scryptDefaults.r;
    if (p === 0) p = scryptDefaults.p;
    if (maxmem === 0) maxmem = scryptDefaults.maxmem;
  }
  if (!binding.checkScryptParams(N, r, p, maxmem)) throw new ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = scryptDefaults) {
  if (callback === scryptDefaults) {
    callback = options;
    options = scryptDefaults;
  }
  const { N, r, p, maxmem, ...rest } = checkScrypt(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  binding.scrypt(rest.password, rest.salt, rest.keylen, N, r, p, maxmem, (err, result) => {
    if (err) return callback(err);
    callback(null, new FastBuffer(result));
  });
}

function scryptSync(password, salt, keylen, options = scryptDefaults) {
  const o = checkScrypt(password, salt, keylen, options);
  return new FastBuffer(
    binding.scrypt(o.password, o.salt, o.keylen, o.N, o.r, o.p, o.maxmem));
}

function hkdfKey(key) {
  const { isKeyObject } = require('internal/crypto/keys');
  if (isKeyObject(key)) {
    if (key.type !== 'secret') {
      throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer',
        'TypedArray', 'DataView', 'Buffer'], key);
    }
    return key[kHandle].export();
  }
  if (isArrayBufferLike(key)) return key;
  key = toBuf(key);
  if (!ArrayBuffer.isView(key)) {
    throw new ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer',
      'TypedArray', 'DataView', 'Buffer'], key);
  }
  return key;
}

function byteSource(value, name) {
  value = toBuf(value);
  if (isArrayBufferLike(value) || ArrayBuffer.isView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'TypedArray', 'DataView',
    'Buffer'], value);
}

function checkHkdf(hash, key, salt, info, length) {
  validateString(hash, 'digest');
  key = hkdfKey(key);
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const size = checkDigest(hash);
  if (length > size * 255) throw new ERR_CRYPTO_INVALID_KEYLEN();
  return { hash, key, salt, info, length };
}

function hkdf(hash, key, salt, info, length, callback) {
  ({ hash, key, salt, info, length } = checkHkdf(hash, key, salt, info, length));
  validateFunction(callback, 'callback');
  binding.hkdf(hash, key, salt, info, length, callback);
}

function hkdfSync(hash, key, salt, info, length) {
  ({ hash, key, salt, info, length } = checkHkdf(hash, key, salt, info, length));
  return binding.hkdf(hash, key, salt, info, length);
}

module.exports = { pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync };
