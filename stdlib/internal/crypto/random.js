'use strict';
// randomBytes, randomFill(Sync), randomInt, randomUUID and getRandomValues. The bytes come
// from OpenSSL's CSPRNG; the callback forms fill on the libuv thread pool.

const { FastBuffer } = require('internal/buffer/fast_buffer');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const {
  validateBoolean, validateFunction, validateNumber, validateObject,
} = require('internal/validators');
const { binding, isArrayBufferLike } = require('internal/crypto/util');

const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = kMaxInt32;

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`, size + offset);
  }
  return size >>> 0;
}

function assertBuf(buf) {
  if (!isArrayBufferLike(buf) && !ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = new FastBuffer(size);
  if (callback === undefined) {
    if (size > 0) binding.randomFill(buf.buffer, 0, size);
    return buf;
  }
  randomFill(buf.buffer, 0, size, function done(error) {
    if (error) return callback.call(this, error);
    callback.call(this, null, buf);
  });
}

function randomFillSync(buf, offset = 0, size) {
  assertBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) size = buf.byteLength - offset;
  else size = assertSize(size, elementSize, offset, buf.byteLength);
  if (size > 0) binding.randomFill(buf, offset, size);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  assertBuf(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = buf.byteLength;
  } else if (typeof size === 'function') {
    callback = size;
    offset = assertOffset(offset, elementSize, buf.byteLength);
    size = buf.byteLength - offset;
  } else {
    validateFunction(callback, 'callback');
    offset = assertOffset(offset, elementSize, buf.byteLength);
    if (size === undefined) size = buf.byteLength - offset;
    else size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) {
    process.nextTick(callback, null, buf);
    return;
  }
  binding.randomFill(buf, offset, size, (err) => callback(err, buf));
}

// randomInt draws 48-bit values from a cache and rejects those above the largest multiple
// of the range, so that every result is equally likely.
const RAND_MAX = 0xFFFF_FFFF_FFFF;
let randomCache = new FastBuffer(6 * 1024);
let randomCacheOffset = randomCache.length;

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  }
  const randLimit = RAND_MAX - (RAND_MAX % range);
  for (;;) {
    if (randomCacheOffset === randomCache.length) {
      randomCache = new FastBuffer(6 * 1024);
      binding.randomFill(randomCache, 0, randomCache.length);
      randomCacheOffset = 0;
    }
    const x = randomCache.readUIntBE(randomCacheOffset, 6);
    randomCacheOffset += 6;
    if (x < randLimit) {
      const n = (x % range) + min;
      if (isSync) return n;
      process.nextTick(callback, undefined, n);
      return;
    }
  }
}

// randomUUID: version 4 UUIDs from a cache of 128 UUIDs' worth of entropy.
const kHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
let uuidData;
let uuidBatch = 0;

function serializeUUID(buf, offset = 0) {
  const h = (i) => kHex[buf[offset + i]];
  return h(0) + h(1) + h(2) + h(3) + '-' + h(4) + h(5) + '-' +
    kHex[(buf[offset + 6] & 0x0f) | 0x40] + h(7) + '-' +
    kHex[(buf[offset + 8] & 0x3f) | 0x80] + h(9) + '-' +
    h(10) + h(11) + h(12) + h(13) + h(14) + h(15);
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    const buf = new FastBuffer(16);
    binding.randomFill(buf, 0, 16);
    return serializeUUID(buf);
  }
  if (uuidData === undefined) uuidData = new FastBuffer(16 * 128);
  if (uuidBatch === 0) binding.randomFill(uuidData, 0, uuidData.length);
  uuidBatch = (uuidBatch + 1) % 128;
  return serializeUUID(uuidData, uuidBatch * 16);
}

// Web Crypto's getRandomValues: integer typed arrays of at most 65536 bytes.
function getRandomValues(data) {
  const { DOMException } = require('internal/per_context/domexception');
  const { isTypedArray } = require('internal/util/types');
  if (!isTypedArray(data) || data instanceof Float32Array || data instanceof Float64Array) {
    throw new DOMException('The data argument must be an integer-type TypedArray',
                           'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  if (data.byteLength > 0) binding.randomFill(data, 0, data.byteLength);
  return data;
}

module.exports = {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
};
