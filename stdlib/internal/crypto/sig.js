'use strict';
// sign/verify (one-shot, optionally on the thread pool), Sign/Verify streams, and RSA
// publicEncrypt/privateDecrypt/privateEncrypt/publicDecrypt.

const { Buffer } = require('buffer');
const { Writable } = require('stream');
const {
  ERR_CRYPTO_INVALID_DIGEST,
  ERR_CRYPTO_SIGN_KEY_REQUIRED,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { validateFunction, validateString } = require('internal/validators');
const { binding, bufferFrom, getArrayBufferOrView, checkDigest } = require('internal/crypto/util');
const { prepareAsymmetricKey, kPublic, kPrivate } = require('internal/crypto/keys');

const kState = Symbol('kState');
const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

function getOption(options, name, allowed) {
  if (options === null || typeof options !== 'object') return undefined;
  const value = options[name];
  if (value !== undefined && value !== (value | 0)) {
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return value;
}

function getDsaEncoding(options) {
  if (options === null || typeof options !== 'object') return 0;
  const { dsaEncoding = 'der' } = options;
  if (dsaEncoding === 'der') return 0;
  if (dsaEncoding === 'ieee-p1363') return 1;
  throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
}

function signArgs(key, kind) {
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const { handle } = prepareAsymmetricKey(key, kind);
  return {
    handle,
    padding: getOption(key, 'padding'),
    saltLength: getOption(key, 'saltLength'),
    dsaEncoding: getDsaEncoding(key),
  };
}

function checkData(data, name = 'data') {
  if (!ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], data);
  }
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  const a = signArgs(key, kPrivate);
  const cb = callback && ((err, sig) => (err ? callback(err) : callback(null, bufferFrom(sig))));
  const ret = binding.sign(a.handle, algorithm ?? undefined, data, a.padding, a.saltLength,
                           a.dsaEncoding, cb);
  if (ret === -1) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  if (callback === undefined) return bufferFrom(ret);
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!ArrayBuffer.isView(signature)) {
    throw new ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  const a = signArgs(key, kPublic);
  const ret = binding.verify(a.handle, algorithm ?? undefined, data, signature, a.padding,
                             a.saltLength, a.dsaEncoding, callback);
  if (ret === -1) throw new ERR_CRYPTO_INVALID_DIGEST(algorithm);
  return ret;
}

function collect(self, data, encoding) {
  data = getArrayBufferOrView(data, 'data', encoding);
  self[kState].chunks.push(Buffer.from(ArrayBuffer.isView(data) ?
    Buffer.from(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data)));
  return self;
}

// Differs from Node 20: Sign/Verify buffer their input and sign it in one shot at the end
// (same results; memory grows with the input).
function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  checkDigest(algorithm, 'algorithm');
  this[kState] = { algorithm, chunks: [] };
  Writable.call(this, options);
}
Object.setPrototypeOf(Sign.prototype, Writable.prototype);
Object.setPrototypeOf(Sign, Writable);

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};
Sign.prototype.update = function update(data, encoding) { return collect(this, data, encoding); };
Sign.prototype.sign = function sign(options, encoding) {
  const a = signArgs(options, kPrivate);
  const data = Buffer.concat(this[kState].chunks);
  const ret = bufferFrom(binding.sign(a.handle, this[kState].algorithm, data, a.padding,
                                      a.saltLength, a.dsaEncoding));
  return encoding && encoding !== 'buffer' ? ret.toString(encoding) : ret;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  checkDigest(algorithm, 'algorithm');
  this[kState] = { algorithm, chunks: [] };
  Writable.call(this, options);
}
Object.setPrototypeOf(Verify.prototype, Writable.prototype);
Object.setPrototypeOf(Verify, Writable);

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;
Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const a = signArgs(options, kPublic);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  if (!ArrayBuffer.isView(signature)) signature = new Uint8Array(signature);
  const data = Buffer.concat(this[kState].chunks);
  return binding.verify(a.handle, this[kState].algorithm, data, signature, a.padding,
                        a.saltLength, a.dsaEncoding);
};

function rsaFunction(op, kind, defaultPadding) {
  return function rsaCipher(key, buffer) {
    const { handle } = prepareAsymmetricKey(key, kind);
    let padding = defaultPadding;
    let oaepHash;
    let oaepLabel;
    if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key)) {
      if (key.padding !== undefined) padding = key.padding;
      if (key.oaepHash !== undefined) {
        validateString(key.oaepHash, 'key.oaepHash');
        oaepHash = key.oaepHash;
      }
      if (key.oaepLabel !== undefined) {
        oaepLabel = getArrayBufferOrView(key.oaepLabel, 'key.oaepLabel', key.encoding);
        if (!ArrayBuffer.isView(oaepLabel)) oaepLabel = new Uint8Array(oaepLabel);
      }
    }
    buffer = getArrayBufferOrView(buffer, 'buffer', key?.encoding);
    const ret = binding.asymmetricCipher(op, handle, buffer, padding, oaepHash, oaepLabel);
    if (ret === -1) throw new ERR_CRYPTO_INVALID_DIGEST(oaepHash);
    return bufferFrom(ret);
  };
}

module.exports = {
  Sign,
  Verify,
  signOneShot,
  verifyOneShot,
  publicEncrypt: rsaFunction(0, kPublic, RSA_PKCS1_OAEP_PADDING),
  privateDecrypt: rsaFunction(1, kPrivate, RSA_PKCS1_OAEP_PADDING),
  privateEncrypt: rsaFunction(2, kPrivate, RSA_PKCS1_PADDING),
  publicDecrypt: rsaFunction(3, kPublic, RSA_PKCS1_PADDING),
  checkData,
};
