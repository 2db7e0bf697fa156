'use strict';
// Buffer.prototype's non-numeric methods: strings in and out, comparison, search, fill,
// copy, slicing and byte swaps. buffer.js installs them (installPrototypeMethods).

const {
  ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
  ERR_INVALID_BUFFER_SIZE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING,
} = require('internal/errors').codes;
const { validateString } = require('internal/validators');
const { encodingOps, getEncodingOps, normalizeEncoding } = require('internal/buffer/encodings');
const { FastBuffer, fromStringWithOps } = require('internal/buffer/fast_buffer');
const { isUint8Array, validateOffset } = require('internal/buffer/util');
const binding = internalBinding('buffer');

const utf8 = encodingOps.utf8;

function toString(encoding, start, end) {
  const length = this.length;
  if (arguments.length === 0) return binding.decode(this, 0, length, utf8.id);
  if (start <= 0) start = 0;
  else if (start >= length) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > length) end = length;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return binding.decode(this, start, end, utf8.id);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return binding.decode(this, start, end, ops.id);
}

// Node's native writers word this error without the usual template.
function notAString() {
  const error = new TypeError('argument must be a string');
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

// write(string[, offset[, length]][, encoding]): bytes written, never a split character.
function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw notAString();
  if (offset === undefined) return binding.write(this, string, 0, this.length, utf8.id);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    offset = 0;
    length = this.length;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding) return binding.write(this, string, offset, length, utf8.id);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return binding.write(this, string, offset, length, ops.id);
}

function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const length = this.byteLength;
  if (length !== otherBuffer.byteLength) return false;
  return length === 0 || binding.compare(this, 0, length, otherBuffer, 0, length) === 0;
}

// An error with Node's fixed wording for a compare() start past the end.
function startOutOfRange(name) {
  const error = new RangeError(`The value of "${name}" is out of range.`);
  error.code = 'ERR_OUT_OF_RANGE';
  return error;
}

function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) {
    return binding.compare(this, 0, this.length, target, 0, target.length);
  }
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  if (sourceStart > this.length) throw startOutOfRange('sourceStart');
  if (targetStart > target.length) throw startOutOfRange('targetStart');
  return binding.compare(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
}

// Shared by indexOf, lastIndexOf and includes; `forward` picks the direction.
function searchIn(buf, value, byteOffset, encoding, forward) {
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;  // null and [] become 0; undefined and {} NaN.
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buf.length;
  if (typeof value === 'number') {
    return binding.indexOfNumber(buf, value >>> 0, byteOffset, forward);
  }
  const ops = encoding === undefined ? utf8 : getEncodingOps(encoding);
  if (typeof value === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    const needle = fromStringWithOps(value, ops);
    return binding.indexOfBytes(buf, needle, byteOffset, ops.id === encodingOps.ucs2.id, forward);
  }
  if (isUint8Array(value)) {
    const ucs2 = ops !== undefined && ops.id === encodingOps.ucs2.id;
    return binding.indexOfBytes(buf, value, byteOffset, ucs2, forward);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
}

function indexOf(value, byteOffset, encoding) {
  return searchIn(this, value, byteOffset, encoding, true);
}

function lastIndexOf(value, byteOffset, encoding) {
  return searchIn(this, value, byteOffset, encoding, false);
}

function includes(value, byteOffset, encoding) {
  return searchIn(this, value, byteOffset, encoding, true) !== -1;
}

// fill(value[, offset[, end]][, encoding]); also Buffer.alloc's filler.
function fillBuffer(buf, value, offset, end, encoding) {
  let pattern;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const name = normalizeEncoding(encoding);
    if (name === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;  // An empty string fills with zeros.
    } else if (value.length === 1 && value.charCodeAt(0) < (name === 'latin1' ? 256 : 128) &&
               (name === 'utf8' || name === 'latin1' || name === 'ascii')) {
      value = value.charCodeAt(0);
    } else {
      pattern = fromStringWithOps(value, encodingOps[name]);
    }
  } else if (isUint8Array(value) || ArrayBuffer.isView(value)) {
    pattern = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else if (typeof value !== 'number') {
    value = Number(value) >>> 0;  // Other values are coerced the way C++ Uint32Value does.
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (end > buf.length) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  if (pattern === undefined) {
    Uint8Array.prototype.fill.call(buf, value, offset, end);
  } else {
    if (pattern.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
    binding.fill(buf, pattern, offset, end);
  }
  return buf;
}

function fill(value, offset, end, encoding) {
  return fillBuffer(this, value, offset, end, encoding);
}

// Node's toInteger for copy(): integers in the safe range, else the default.
function toInteger(n, fallback) {
  n = +n;
  if (Number.isNaN(n) || n < Number.MIN_SAFE_INTEGER || n > Number.MAX_SAFE_INTEGER) return fallback;
  return Math.floor(n);
}

// Copies source[sourceStart, sourceEnd) to target at targetStart, as much as fits.
function copyBytes(source, target, targetStart, sourceStart, sourceEnd) {
  const count = Math.min(sourceEnd - sourceStart, target.length - targetStart,
                         source.length - sourceStart);
  if (count <= 0) return 0;
  if (sourceStart !== 0 || count < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, count);
  }
  Uint8Array.prototype.set.call(target, source, targetStart);
  return count;
}

function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(this)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], this);
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  targetStart = targetStart === undefined ? 0 : toInteger(targetStart, 0);
  if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  sourceStart = sourceStart === undefined ? 0 : toInteger(sourceStart, 0);
  if (sourceStart < 0 || sourceStart > this.length) {
    throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
  }
  sourceEnd = sourceEnd === undefined ? this.length : toInteger(sourceEnd, 0);
  if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return copyBytes(this, target, targetStart, sourceStart, sourceEnd);
}

// Offsets for slice(): truncated, negative from the end, clamped to [0, length].
function sliceOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) return Math.max(offset + length, 0);
  return Math.min(offset, length);
}

// Unlike TypedArray#slice, Buffer#slice shares memory (it is subarray).
function slice(start, end) {
  const length = this.length;
  start = sliceOffset(start, length);
  end = end === undefined ? length : sliceOffset(end, length);
  return new FastBuffer(this.buffer, this.byteOffset + start, Math.max(end - start, 0));
}

function toJSON() {
  return { type: 'Buffer', data: Array.from(this) };
}

function makeSwap(size, bits) {
  return function swap() {
    const length = this.length;
    if (length % size !== 0) throw new ERR_INVALID_BUFFER_SIZE(`${bits}-bits`);
    // Short buffers are faster to swap here than through a native call.
    if (length < 128) {
      for (let i = 0; i < length; i += size) {
        for (let a = i, b = i + size - 1; a < b; a++, b--) {
          const t = this[a];
          this[a] = this[b];
          this[b] = t;
        }
      }
      return this;
    }
    binding.swap(this, size);
    return this;
  };
}

function installPrototypeMethods(proto) {
  const methods = {
    toString, write, equals, compare, indexOf, lastIndexOf, includes, fill, copy, slice,
    toJSON, swap16: makeSwap(2, 16), swap32: makeSwap(4, 32), swap64: makeSwap(8, 64),
  };
  // The per-encoding forms Node exposes: buf.hexSlice(start, end), buf.hexWrite(...).
  for (const name of ['utf8', 'ucs2', 'latin1', 'ascii', 'base64', 'base64url', 'hex']) {
    const id = encodingOps[name].id;
    methods[`${name}Slice`] = function(start = 0, end = this.length) {
      if (start < 0 || end > this.length || start > end) throw new ERR_BUFFER_OUT_OF_BOUNDS();
      return binding.decode(this, start, end, id);
    };
    methods[`${name}Write`] = function(string, offset = 0, length = this.length - offset) {
      if (typeof string !== 'string') throw notAString();
      if (offset < 0 || offset > this.length) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
      return binding.write(this, string, offset, Math.max(0, length), id);
    };
  }
  for (const name of Object.keys(methods)) {
    Object.defineProperty(methods[name], 'name', { value: name });
    Object.defineProperty(proto, name, {
      value: methods[name], writable: true, enumerable: true, configurable: true,
    });
  }
  Object.defineProperty(proto, 'toLocaleString', {
    value: toString, writable: true, enumerable: true, configurable: true,
  });
}

module.exports = { installPrototypeMethods, fillBuffer, copyBytes };
