'use strict';
// Type checks and small validators shared by the buffer modules.

const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
const { validateNumber } = require('internal/validators');

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(
  ArrayBuffer.prototype, 'byteLength').get;
const sharedByteLength = typeof SharedArrayBuffer === 'function' ?
  Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : undefined;

// Brand checks that cannot be fooled by Symbol.toStringTag or a spoofed prototype.
function isUint8Array(value) {
  return typedArrayTag.call(value) === 'Uint8Array';
}

function isAnyArrayBuffer(value) {
  if (value === null || typeof value !== 'object') return false;
  for (const getter of [arrayBufferByteLength, sharedByteLength]) {
    if (getter === undefined) continue;
    try {
      getter.call(value);
      return true;
    } catch {
      // Not this kind of buffer.
    }
  }
  return false;
}

// An integer in [min, max], Node's offset check (validateInteger with kMaxLength).
function validateOffset(value, name, min = 0, max = 2 ** 32) {
  validateNumber(value, name);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

module.exports = { isUint8Array, isAnyArrayBuffer, validateOffset };
