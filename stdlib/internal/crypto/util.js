'use strict';
// Helpers shared by the crypto modules: the native binding, turning strings and views into
// bytes, lazily cached algorithm lists, and the checks that Node applies to data inputs.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_CRYPTO_INVALID_DIGEST,
} = require('internal/errors').codes;
const { validateString } = require('internal/validators');

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

// A Buffer over an ArrayBuffer the binding returned.
function bufferFrom(arrayBuffer) {
  return new FastBuffer(arrayBuffer);
}

// Encodes a native result: a Buffer, or a string when an encoding other than 'buffer' is given.
function encodeResult(arrayBuffer, encoding) {
  const buf = new FastBuffer(arrayBuffer);
  if (encoding === undefined || encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

// The bytes of `value` for a native call: views and ArrayBuffers as they are, strings in
// `encoding` (UTF-8 by default).
function toBuf(value, encoding) {
  if (typeof value === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return Buffer.from(value, encoding);
  }
  return value;
}

function isArrayBufferLike(value) {
  return value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

// Node's getArrayBufferOrView: a string (in `encoding`), ArrayBuffer or view; else throws.
function getArrayBufferOrView(value, name, encoding) {
  if (isArrayBufferLike(value)) return value;
  if (typeof value === 'string') return toBuf(value, encoding);
  if (!ArrayBuffer.isView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray',
      'DataView'], value);
  }
  return value;
}

function byteLength(value) {
  return value.byteLength;
}

let hashes;
let ciphers;
let curves;
function getHashes() {
  hashes ??= binding.getHashes();
  return hashes.slice();
}
function getCiphers() {
  ciphers ??= binding.getCiphers().map((c) => c);
  return ciphers.slice();
}
function getCurves() {
  curves ??= binding.getCurves();
  return curves.slice();
}

// Throws ERR_CRYPTO_INVALID_DIGEST unless OpenSSL knows `digest`; returns its size.
function checkDigest(digest, name = 'digest') {
  validateString(digest, name);
  const size = binding.getDigestSize(digest);
  if (size === -1) throw new ERR_CRYPTO_INVALID_DIGEST(digest);
  return size;
}

module.exports = {
  binding,
  kHandle,
  kKeyObject,
  bufferFrom,
  encodeResult,
  toBuf,
  getArrayBufferOrView,
  isArrayBufferLike,
  byteLength,
  getHashes,
  getCiphers,
  getCurves,
  checkDigest,
};
