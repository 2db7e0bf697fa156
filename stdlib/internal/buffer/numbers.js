'use strict';
// Buffer#read*/write* for integers of 1 to 6 bytes, 64-bit BigInts and IEEE floats in
// both byte orders, with Node's argument checks and messages. Installed onto
// Buffer.prototype by buffer.js.

const {
  ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const { validateNumber } = require('internal/validators');

// Throws Node's error for a bad `offset` (or `byteLength`, when `name` says so); `last`
// is the largest valid value.
function boundsError(value, last, name = undefined) {
  if (Math.floor(value) !== value) {
    validateNumber(value, name || 'offset');
    throw new ERR_OUT_OF_RANGE(name || 'offset', 'an integer', value);
  }
  if (last < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(name || 'offset', `>= ${name ? 1 : 0} and <= ${last}`, value);
}

// Checks that buf[offset, offset + size) exists. Indexing with a non-integer yields
// undefined, so fractional offsets fail here too.
function checkBounds(buf, offset, size) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) {
    boundsError(offset, buf.length - size);
  }
}

// Node words the range of 5- to 8-byte values with powers of two.
function checkValue(value, min, max, size) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (size > 4) {
      const bits = size * 8;
      range = min === 0 || min === 0n ?
        `>= 0${n} and < 2${n} ** ${bits}${n}` :
        `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
}

function readUnsigned(buf, offset, size, littleEndian) {
  checkBounds(buf, offset, size);
  let value = 0;
  if (littleEndian) {
    for (let i = size - 1; i >= 0; i--) value = value * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < size; i++) value = value * 256 + buf[offset + i];
  }
  return value;
}

function readSigned(buf, offset, size, littleEndian) {
  const value = readUnsigned(buf, offset, size, littleEndian);
  const half = 2 ** (size * 8 - 1);
  return value >= half ? value - 2 * half : value;
}

function writeInteger(buf, value, offset, size, littleEndian, signed) {
  value = +value;
  const max = signed ? 2 ** (size * 8 - 1) - 1 : 2 ** (size * 8) - 1;
  const min = signed ? -max - 1 : 0;
  if (size === 1) validateNumber(offset, 'offset');  // Node checks it first for bytes.
  checkValue(value, min, max, size);
  checkBounds(buf, offset, size);
  // Fractions truncate and negatives wrap, as storing into a Uint8Array does.
  let v = Math.trunc(value);
  if (v < 0) v += 2 ** (size * 8);
  for (let i = 0; i < size; i++) {
    buf[littleEndian ? offset + i : offset + size - 1 - i] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + size;
}

// Scratch views to convert between floats and their bytes (the host is little-endian).
const float32 = new Float32Array(1);
const float32Bytes = new Uint8Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);

function readFloat(buf, offset, size, littleEndian) {
  checkBounds(buf, offset, size);
  const bytes = size === 4 ? float32Bytes : float64Bytes;
  for (let i = 0; i < size; i++) bytes[i] = buf[littleEndian ? offset + i : offset + size - 1 - i];
  return size === 4 ? float32[0] : float64[0];
}

function writeFloat(buf, value, offset, size, littleEndian) {
  value = +value;
  checkBounds(buf, offset, size);
  const bytes = size === 4 ? float32Bytes : float64Bytes;
  if (size === 4) float32[0] = value;
  else float64[0] = value;
  for (let i = 0; i < size; i++) buf[littleEndian ? offset + i : offset + size - 1 - i] = bytes[i];
  return offset + size;
}

function readBig(buf, offset, littleEndian, signed) {
  checkBounds(buf, offset, 8);
  const lo = readUnsigned(buf, littleEndian ? offset : offset + 4, 4, littleEndian);
  let hi = readUnsigned(buf, littleEndian ? offset + 4 : offset, 4, littleEndian);
  if (signed) hi |= 0;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function writeBig(buf, value, offset, littleEndian, signed) {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  checkValue(value, min, max, 8);
  checkBounds(buf, offset, 8);
  const lo = Number(value & 0xffffffffn);
  const hi = Number((value >> 32n) & 0xffffffffn);
  writeInteger(buf, lo, littleEndian ? offset : offset + 4, 4, littleEndian, false);
  writeInteger(buf, hi, littleEndian ? offset + 4 : offset, 4, littleEndian, false);
  return offset + 8;
}

// readUIntLE(offset, byteLength) and friends: byteLength must be 1..6.
function checkVariable(offset, byteLength) {
  if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) {
    boundsError(byteLength, 6, 'byteLength');
  }
}

function installNumberMethods(proto) {
  const methods = {};
  for (const [size, name] of [[1, '8'], [2, '16'], [4, '32']]) {
    for (const [suffix, le] of size === 1 ? [['', true]] : [['LE', true], ['BE', false]]) {
      methods[`readUInt${name}${suffix}`] = function(offset = 0) {
        return readUnsigned(this, offset, size, le);
      };
      methods[`readInt${name}${suffix}`] = function(offset = 0) {
        return readSigned(this, offset, size, le);
      };
      methods[`writeUInt${name}${suffix}`] = function(value, offset = 0) {
        return writeInteger(this, value, offset, size, le, false);
      };
      methods[`writeInt${name}${suffix}`] = function(value, offset = 0) {
        return writeInteger(this, value, offset, size, le, true);
      };
    }
  }
  for (const [suffix, le] of [['LE', true], ['BE', false]]) {
    methods[`readUInt${suffix}`] = function(offset, byteLength) {
      checkVariable(offset, byteLength);
      return readUnsigned(this, offset, byteLength, le);
    };
    methods[`readInt${suffix}`] = function(offset, byteLength) {
      checkVariable(offset, byteLength);
      return readSigned(this, offset, byteLength, le);
    };
    methods[`writeUInt${suffix}`] = function(value, offset, byteLength) {
      checkVariable(offset, byteLength);
      return writeInteger(this, value, offset, byteLength, le, false);
    };
    methods[`writeInt${suffix}`] = function(value, offset, byteLength) {
      checkVariable(offset, byteLength);
      return writeInteger(this, value, offset, byteLength, le, true);
    };
    methods[`readFloat${suffix}`] = function(offset = 0) { return readFloat(this, offset, 4, le); };
    methods[`readDouble${suffix}`] = function(offset = 0) { return readFloat(this, offset, 8, le); };
    methods[`writeFloat${suffix}`] = function(value, offset = 0) {
      return writeFloat(this, value, offset, 4, le);
    };
    methods[`writeDouble${suffix}`] = function(value, offset = 0) {
      return writeFloat(this, value, offset, 8, le);
    };
    methods[`readBigUInt64${suffix}`] = function(offset = 0) { return readBig(this, offset, le, false); };
    methods[`readBigInt64${suffix}`] = function(offset = 0) { return readBig(this, offset, le, true); };
    methods[`writeBigUInt64${suffix}`] = function(value, offset = 0) {
      return writeBig(this, value, offset, le, false);
    };
    methods[`writeBigInt64${suffix}`] = function(value, offset = 0) {
      return writeBig(this, value, offset, le, true);
    };
  }
  for (const name of Object.keys(methods)) {
    const fn = methods[name];
    Object.defineProperty(fn, 'name', { value: name });
    Object.defineProperty(proto, name, {
      value: fn, writable: true, enumerable: true, configurable: true,
    });
    // Node also spells every UInt method "Uint" (readUint8, readBigUint64LE, ...).
    if (name.includes('UInt')) {
      Object.defineProperty(proto, name.replace('UInt', 'Uint'), {
        value: fn, writable: true, enumerable: true, configurable: true,
      });
    }
  }
}

module.exports = { installNumberMethods };
