'use strict';
// Hash and Hmac: Transform streams over the native Hash/Hmac objects, with Node's
// update()/digest(encoding) surface, copy() and XOF output lengths; and crypto.hash().
// Digests in hex/base64/base64url/latin1 come back from the binding as strings, and a
// Hash defers its native object while one native call can do the whole job.

const { Buffer } = require('buffer');
const LazyTransform = require('internal/crypto/lazy_transform');
const {
  ERR_CRYPTO_HASH_FINALIZED,
  ERR_CRYPTO_HASH_UPDATE_FAILED,
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_INVALID_ARG_TYPE,
} = require('internal/errors').codes;
const { validateString, validateUint32, validateObject } = require('internal/validators');
const { binding, kHandle, bufferFrom, encodeResult, toBuf } = require('internal/crypto/util');

// Per-object state lives in plain fields rather than a state object: createHash() is
// often called once per tiny input, where every allocation shows.
const kFinalized = Symbol('kFinalized');
const kAlgorithm = Symbol('kAlgorithm');
const kPending = Symbol('kPending');
// The output computed by the stream's _flush, kept for a later digest().
const kCached = Symbol('kCached');

// The binding's OutputEncoding for the encodings it turns into strings itself; 0 (a
// Buffer) for the rest, which encodeResult() handles.
function nativeEncoding(encoding) {
  switch (encoding) {
    case 'hex': return 1;
    case 'base64': return 2;
    case 'base64url': return 3;
    case 'latin1':
    case 'binary': return 4;
    default: return 0;
  }
}

// The encoding digest() results take, as Node picks it: a truthy non-string becomes a
// string (its toString may throw), and names Buffer does not know give a Buffer (undefined).
function normalizeOut(encoding) {
  if (typeof encoding !== 'string') {
    if (!encoding) return undefined;
    encoding = `${encoding}`;
  }
  if (nativeEncoding(encoding) !== 0) return encoding;
  return encoding !== 'buffer' && Buffer.isEncoding(encoding) ? encoding : undefined;
}

// The native handle's final output in `encoding` (normalized).
function finish(handle, encoding) {
  if (encoding === undefined) return bufferFrom(handle.digest(0));
  const result = handle.digest(nativeEncoding(encoding));
  return typeof result === 'string' ? result : encodeResult(result, encoding);
}

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

// Algorithm names a native Hash has been made with once. A Hash of such a name defers
// its native object: createHash(name).update(string).digest() is then one native call
// (hashOneShot), the common shape for small inputs. Names that fail are never added, so
// their error still comes from the constructor.
const verifiedAlgorithms = new Set();
const kMaxVerified = 64;

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof binding.Hash;
  if (!isCopy) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  if (!isCopy && xofLen === undefined && verifiedAlgorithms.has(algorithm)) {
    this[kHandle] = undefined;
  } else {
    this[kHandle] = new binding.Hash(algorithm, xofLen);
    if (!isCopy && xofLen === undefined && verifiedAlgorithms.size < kMaxVerified) {
      verifiedAlgorithms.add(algorithm);
    }
  }
  this[kAlgorithm] = algorithm;
  // The first update's string while the native object is deferred.
  this[kPending] = undefined;
  this[kFinalized] = false;
  this[kCached] = undefined;
  LazyTransform.call(this, options);
}

// The native Hash of `self`, made now (and fed the deferred input) if it was deferred.
function handleOf(self) {
  let handle = self[kHandle];
  if (handle === undefined) {
    handle = self[kHandle] = new binding.Hash(self[kAlgorithm], undefined);
    const pending = self[kPending];
    self[kPending] = undefined;
    if (pending !== undefined && !handle.update(pending)) {
      throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
    }
  }
  return handle;
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(handleOf(this), options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

// The stream's digest is kept: digest() may still be called once afterwards, as in Node.
Hash.prototype._flush = function _flush(callback) {
  this[kCached] ??= handleOf(this).digest(0);
  this.push(bufferFrom(this[kCached]));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (this[kHandle] === undefined && this[kPending] === undefined &&
      typeof data === 'string' && (encoding === undefined || encoding === 'utf8')) {
    this[kPending] = data;  // Strings are immutable: keeping it is as good as hashing it.
    return this;
  }
  if (!handleOf(this).update(prepareData(data, encoding))) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  if (this[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  const encoding = normalizeOut(outputEncoding);
  this[kFinalized] = true;
  const cached = this[kCached];
  if (cached !== undefined) return encodeResult(cached, encoding);
  if (this[kHandle] === undefined) {
    const result = binding.hashOneShot(this[kAlgorithm], this[kPending] ?? '', undefined,
                                       nativeEncoding(encoding));
    this[kPending] = undefined;
    if (encoding === undefined) return bufferFrom(result);
    return typeof result === 'string' ? result : encodeResult(result, encoding);
  }
  return finish(this[kHandle], encoding);
};

let prepareSecretKey;

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options && typeof options === 'object' ? options.encoding : undefined;
  // Loaded on first use (keys pulls in more than hashing needs), then kept.
  prepareSecretKey ??= require('internal/crypto/keys').prepareSecretKey;
  key = prepareSecretKey(key, encoding);
  this[kHandle] = new binding.Hmac();
  if (!this[kHandle].init(hmac, key)) throw new ERR_CRYPTO_INVALID_DIGEST(hmac);
  this[kFinalized] = false;
  this[kCached] = undefined;
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

// A second digest() returns an empty result, as in Node (it does not throw for Hmac).
Hmac.prototype.digest = function digest(outputEncoding) {
  const encoding = normalizeOut(outputEncoding);
  if (this[kFinalized]) return encodeResult(new ArrayBuffer(0), encoding);
  this[kFinalized] = true;
  const cached = this[kCached];
  if (cached !== undefined) return encodeResult(cached, encoding);
  return finish(this[kHandle], encoding);
};

// crypto.hash(algorithm, data[, outputEncoding = 'hex']).
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw new ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  if (outputEncoding !== 'buffer') validateString(outputEncoding, 'outputEncoding');
  const result = binding.hashOneShot(algorithm, input, undefined,
                                     nativeEncoding(outputEncoding));
  if (result === undefined) throw new Error('Digest method not supported');
  return typeof result === 'string' ? result : encodeResult(result, outputEncoding);
}

module.exports = { Hash, Hmac, hash, validateObject };
