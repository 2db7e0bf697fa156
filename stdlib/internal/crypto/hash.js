'use strict';
// Hash and Hmac: Transform streams over the native Hash/Hmac objects, with Node's
// update()/digest(encoding) surface, copy() and XOF output lengths; and crypto.hash().

const LazyTransform = require('internal/crypto/lazy_transform');
const {
  ERR_CRYPTO_HASH_FINALIZED,
  ERR_CRYPTO_HASH_UPDATE_FAILED,
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_INVALID_ARG_TYPE,
} = require('internal/errors').codes;
const { validateString, validateUint32, validateObject } = require('internal/validators');
const { binding, kHandle, bufferFrom, encodeResult, toBuf } = require('internal/crypto/util');

const kState = Symbol('kState');

// Data accepted by update(): a string (in `encoding`) or any ArrayBufferView.
function prepareData(data, encoding) {
  if (typeof data === 'string') {
    if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8' ||
        encoding === 'buffer') {
      return data;  // The binding encodes UTF-8 itself.
    }
    return toBuf(data, encoding);
  }
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof binding.Hash;
  if (!isCopy) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  this[kHandle] = new binding.Hash(algorithm, xofLen);
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

// The stream's digest is kept: digest() may still be called once afterwards, as in Node.
Hash.prototype._flush = function _flush(callback) {
  const state = this[kState];
  state.cached ??= this[kHandle].digest();
  this.push(bufferFrom(state.cached));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (!this[kHandle].update(prepareData(data, encoding))) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kState].finalized) throw new ERR_CRYPTO_HASH_FINALIZED();
  const state = this[kState];
  state.finalized = true;
  state.cached ??= this[kHandle].digest();
  return encodeResult(state.cached, normalizeOut(outputEncoding));
};

function normalizeOut(encoding) {
  if (typeof encoding !== 'string') return undefined;
  return encoding;
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options && typeof options === 'object' ? options.encoding : undefined;
  const { prepareSecretKey } = require('internal/crypto/keys');
  key = prepareSecretKey(key, encoding);
  this[kHandle] = new binding.Hmac();
  if (!this[kHandle].init(hmac, key)) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kState] = { finalized: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

// A second digest() returns an empty result, as in Node (it does not throw for Hmac).
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  const encoding = normalizeOut(outputEncoding);
  if (state.finalized) {
    return encodeResult(new ArrayBuffer(0), encoding);
  }
  state.finalized = true;
  state.cached ??= this[kHandle].digest();
  return encodeResult(state.cached, encoding);
};

// crypto.hash(algorithm, data[, outputEncoding = 'hex']).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  if (outputEncoding !== 'buffer') validateString(outputEncoding, 'outputEncoding');
  const result = binding.hashOneShot(algorithm, input, undefined);
  if (result === undefined) throw new Error('Digest method not supported');
  return encodeResult(result, outputEncoding);
}

module.exports = { Hash, Hmac, hash, validateObject };
