'use strict';
// KeyObject (secret, public, private) over the native KeyObjectHandle: creation from
// bytes, PEM, DER and JWK, export in those formats, and the key-argument parsing that
// sign/verify, publicEncrypt and friends share (prepareAsymmetricKey).

const { Buffer } = require('buffer');
const {
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
  ERR_CRYPTO_INVALID_JWK,
  ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
  ERR_CRYPTO_JWK_UNSUPPORTED_CURVE,
  ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_PASSPHRASE,
} = require('internal/errors').codes;
const { validateObject, validateOneOf, validateString } = require('internal/validators');
const {
  binding, kHandle, bufferFrom, isArrayBufferLike, getArrayBufferOrView,
} = require('internal/crypto/util');

const { Cloneable, kClone } = require('internal/worker/cloneable');

const kKeyType = Symbol('kKeyType');
const kPublic = 1;
const kPrivate = 2;
const kInternal = Symbol('kInternal');

// Cloneable: postMessage and structuredClone copy the key material (see [kClone]).
class KeyObject extends Cloneable {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (!(handle instanceof binding.KeyObjectHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    super();
    this[kKeyType] = type;
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false });
  }

  get type() { return this[kKeyType]; }

  static from(key) {
    const { isCryptoKey, kKeyObject } = require('internal/crypto/webcrypto');
    if (!isCryptoKey(key)) throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[kKeyObject];
  }

  // The key material for a message: a secret key's bytes, an asymmetric key as DER.
  [kClone]() {
    const handle = this[kHandle];
    let material;
    if (this.type === 'secret') material = handle.export();
    else if (this.type === 'public') material = handle.export('der', 'spki');
    else material = handle.export('der', 'pkcs8');
    return { type: 'KeyObject', data: { keyType: this.type, material } };
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type &&
      this[kHandle].equals(otherKeyObject[kHandle]);
  }
}

Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, {
  value: 'KeyObject', configurable: true,
});

class SecretKeyObject extends KeyObject {
  constructor(handle) { super('secret', handle); }

  get symmetricKeySize() { return this[kHandle].getSymmetricKeySize(); }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: bufferFrom(this[kHandle].export()).toString('base64url') };
      }
    }
    return bufferFrom(this[kHandle].export());
  }
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kInternal]?.type ?? this[kHandle].getAsymmetricKeyType();
  }

  get asymmetricKeyDetails() {
    const type = this.asymmetricKeyType;
    if (!['rsa', 'rsa-pss', 'dsa', 'ec'].includes(type)) return {};
    const details = {};
    this[kHandle].keyDetail(details);
    for (const key of ['hashAlgorithm', 'mgf1HashAlgorithm']) {
      if (details[key] !== undefined) details[key] = nodeDigestName(details[key]);
    }
    return details;
  }
}

// OpenSSL's canonical digest names ("SHA2-256", "SHA2-512/256") as Node prints them.
function nodeDigestName(name) {
  return name.replace(/^SHA2-/, 'sha').replace('/', '-').toLowerCase();
}

function exportJwk(handle, isPublic) {
  const fields = handle.exportJwk();
  if (fields === undefined) throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
  if (fields.unsupportedCurve) throw new ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(fields.unsupportedCurve);
  // Member order as Node prints it.
  const order = fields.kty === 'RSA' ? ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] :
    fields.kty === 'EC' ? ['kty', 'x', 'y', 'crv', 'd'] : ['crv', 'd', 'x', 'kty'];
  const jwk = {};
  for (const key of order) {
    const value = fields[key];
    if (value === undefined) continue;
    jwk[key] = typeof value === 'string' ? value : bufferFrom(value).toString('base64url');
  }
  if (isPublic) for (const k of ['d', 'p', 'q', 'dp', 'dq', 'qi']) delete jwk[k];
  return jwk;
}

function exportAsymmetric(key, options, isPublic) {
  validateObject(options, 'options');
  const { format = 'pem', type, cipher, passphrase } = options ?? {};
  if (format === 'jwk') {
    if (!isPublic && (cipher !== undefined || passphrase !== undefined)) {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
    }
    return exportJwk(key[kHandle], isPublic);
  }
  if (format !== 'pem' && format !== 'der') {
    throw new ERR_INVALID_ARG_VALUE('options.format', format);
  }
  const allowed = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) throw new ERR_INVALID_ARG_VALUE('options.type', type);
  const keyType = key.asymmetricKeyType;
  if (type === 'pkcs1' && keyType !== 'rsa') {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for RSA keys');
  }
  if (type === 'sec1' && keyType !== 'ec') {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for EC keys');
  }
  let pass;
  if (!isPublic && cipher === undefined && passphrase !== undefined) {
    throw new ERR_INVALID_ARG_VALUE('options.cipher', cipher);
  }
  if (!isPublic && cipher !== undefined) {
    validateString(cipher, 'options.cipher');
    if (format === 'der' && type !== 'pkcs8') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(`${type} in DER format`,
                                                    'does not support encryption');
    }
    pass = getArrayBufferOrView(passphrase, 'options.passphrase');
  }
  const out = key[kHandle].export(format, type, pass !== undefined ? cipher : undefined, pass,
                                  isPublic);
  return typeof out === 'string' ? out : bufferFrom(out);
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('public', handle); }
  export(options) { return exportAsymmetric(this, options, true); }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) { super('private', handle); }
  export(options) { return exportAsymmetric(this, options, false); }
}

function isKeyObject(value) {
  return value instanceof KeyObject;
}

function isCryptoKeyLike(value) {
  try {
    return require('internal/crypto/webcrypto').isCryptoKey(value);
  } catch {
    return false;
  }
}

// The bytes of a secret key argument (Hmac, ciphers): a secret KeyObject, a CryptoKey, a
// string in `encoding`, or an ArrayBuffer/view.
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') {
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      }
      return key[kHandle].export();
    }
    if (isCryptoKeyLike(key)) return KeyObject.from(key)[kHandle].export();
  }
  if (typeof key === 'string') return Buffer.from(key, encoding === 'buffer' ? 'utf8' : encoding);
  if (isArrayBufferLike(key) || ArrayBuffer.isView(key)) return key;
  throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
    'DataView', ...(bufferOnly ? [] : ['KeyObject', 'CryptoKey'])], key);
}

function createSecretKey(key, encoding) {
  key = prepareSecretKey(key, encoding, true);
  const handle = new binding.KeyObjectHandle();
  handle.initSecret(key);
  return new SecretKeyObject(handle);
}

const kInvalidKeyTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView',
  'KeyObject', 'CryptoKey'];

function fromBase64url(value, name) {
  if (typeof value !== 'string') throw new ERR_CRYPTO_INVALID_JWK();
  return Buffer.from(value, 'base64url');
}

function parseJwk(jwk, kind) {
  validateObject(jwk, 'key.key');
  const { kty } = jwk;
  validateOneOf(kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const fields = {};
  let isPrivate = kind === kPrivate;
  if (kty === 'RSA') {
    if (kind === kPublic && jwk.d !== undefined) isPrivate = true;
    for (const k of isPrivate ? ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] : ['n', 'e']) {
      fields[k] = fromBase64url(jwk[k]);
    }
  } else {
    validateString(jwk.crv, 'key.crv');
    fields.crv = jwk.crv;
    if (kty === 'OKP') validateOneOf(jwk.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    if (kty === 'EC') validateOneOf(jwk.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    if (kind === kPublic && jwk.d !== undefined) isPrivate = true;
    fields.x = fromBase64url(jwk.x);
    if (kty === 'EC') fields.y = fromBase64url(jwk.y);
    if (isPrivate) fields.d = fromBase64url(jwk.d);
  }
  const handle = new binding.KeyObjectHandle();
  const status = handle.initJwk(isPrivate ? kPrivate : kPublic, kty, fields);
  if (status !== 0) throw new ERR_CRYPTO_INVALID_JWK();
  if (kind === kPublic && isPrivate) {
    const pub = new binding.KeyObjectHandle();
    if (pub.initJwk(kPublic, kty, fields) !== 0) throw new ERR_CRYPTO_INVALID_JWK();
    return pub;
  }
  return handle;
}

// Parses PEM/DER data into a handle of `kind`.
function parseKeyData(data, kind, format, type, passphrase, encoding) {
  if (typeof data === 'string') data = Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
  const handle = new binding.KeyObjectHandle();
  if (format === 'der') {
    const types = kind === kPublic ? ['pkcs1', 'spki', 'pkcs8', 'sec1'] :
      ['pkcs1', 'pkcs8', 'sec1'];
    if (!types.includes(type)) throw new ERR_INVALID_ARG_VALUE('options.type', type);
  }
  if (passphrase !== undefined && passphrase !== null) {
    passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  }
  const status = handle.parse(kind, data, format, passphrase);
  if (status === 1) throw new ERR_MISSING_PASSPHRASE();
  return handle;
}

// The handle for a key argument. `kind` is what the operation needs: kPublic accepts
// public and private keys (using the public part), kPrivate only private ones.
function prepareAsymmetricKey(key, kind, forCreate = false) {
  if (isKeyObject(key)) {
    if (key.type === 'secret' || (kind === kPrivate && key.type !== 'private')) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, kind === kPrivate ? 'private' : 'public');
    }
    return { handle: key[kHandle], type: key.type };
  }
  if (isCryptoKeyLike(key)) return prepareAsymmetricKey(KeyObject.from(key), kind);
  if (typeof key === 'string' || isArrayBufferLike(key) || ArrayBuffer.isView(key)) {
    return { handle: parseKeyData(key, kind, 'pem'), type: kind === kPublic ? 'public' : 'private' };
  }
  if (typeof key === 'object' && key !== null) {
    const { key: data, encoding, format = 'pem', type, passphrase } = key;
    if (isKeyObject(data) || isCryptoKeyLike(data)) return prepareAsymmetricKey(data, kind);
    if (format === 'jwk') {
      return { handle: parseJwk(data, kind), type: kind === kPublic ? 'public' : 'private' };
    }
    if (typeof data !== 'string' && !isArrayBufferLike(data) && !ArrayBuffer.isView(data)) {
      throw new ERR_INVALID_ARG_TYPE('key.key', ['string', 'ArrayBuffer', 'Buffer',
        'TypedArray', 'DataView'], data);
    }
    validateOneOf(format, 'key.format', ['pem', 'der', 'jwk']);
    return {
      handle: parseKeyData(data, kind, format, type, passphrase, encoding),
      type: kind === kPublic ? 'public' : 'private',
    };
  }
  throw new ERR_INVALID_ARG_TYPE('key', forCreate ? ['string', 'ArrayBuffer', 'Buffer',
    'TypedArray', 'DataView', 'object'] : kInvalidKeyTypes, key);
}

function createPublicKey(key) {
  if (isKeyObject(key)) {
    if (key.type === 'secret') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    if (key.type === 'public') throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    const handle = new binding.KeyObjectHandle();
    handle.parse(kPublic, key[kHandle].export('der', 'spki'), 'der', undefined);
    return new PublicKeyObject(handle);
  }
  const { handle } = prepareAsymmetricKey(key, kPublic, true);
  // A handle parsed from private data still holds the private key: re-parse its public part.
  return new PublicKeyObject(handle);
}

function createPrivateKey(key) {
  if (isKeyObject(key)) throw new ERR_INVALID_ARG_TYPE('key', ['string', 'ArrayBuffer',
    'Buffer', 'TypedArray', 'DataView', 'object'], key);
  const { handle } = prepareAsymmetricKey(key, kPrivate, true);
  return new PrivateKeyObject(handle);
}

// The receiving side of KeyObject#[kClone].
function deserializeKeyObject({ keyType, material }) {
  const handle = new binding.KeyObjectHandle();
  if (keyType === 'secret') {
    handle.initSecret(material);
    return new SecretKeyObject(handle);
  }
  if (keyType === 'public') {
    handle.parse(kPublic, material, 'der', undefined);
    return new PublicKeyObject(handle);
  }
  handle.parse(kPrivate, material, 'der', undefined);
  return new PrivateKeyObject(handle);
}

module.exports = {
  deserializeKeyObject,
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  isKeyObject,
  prepareSecretKey,
  prepareAsymmetricKey,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  kPublic,
  kPrivate,
};
