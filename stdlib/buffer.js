'use strict';
// node:buffer (nodejs.org/api/buffer.html). Buffer is a Uint8Array subclass
// (internal/buffer/fast_buffer); encoding and byte work is native (the `buffer` binding).

const {
  ERR_INVALID_ARG_TYPE, ERR_BUFFER_OUT_OF_BOUNDS, ERR_UNKNOWN_ENCODING,
} = require('internal/errors').codes;
const { validateNumber } = require('internal/validators');
const { customInspectSymbol, inspect } = require('internal/util/inspect');
const binding = internalBinding('buffer');
const { encodingOps, getEncodingOps, normalizeEncoding } = require('internal/buffer/encodings');
const {
  FastBuffer, allocate, createUnsafeBuffer, fromStringWithOps, poolConfig,
} = require('internal/buffer/fast_buffer');
const { isUint8Array, isAnyArrayBuffer, validateOffset } = require('internal/buffer/util');
const { installNumberMethods } = require('internal/buffer/numbers');
const { installPrototypeMethods, fillBuffer, copyBytes } = require('internal/buffer/prototype');
const { atob, btoa } = require('internal/buffer/atob');
const { Blob, File, resolveObjectURL } = require('internal/buffer/blob');
const { transcode } = require('internal/buffer/transcode');

const kMaxLength = binding.kMaxLength;
const kStringMaxLength = binding.kStringMaxLength;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

let warnedDeprecatedConstructor = false;

// DEP0005: Node warns once about Buffer() called from code outside node_modules.
function warnDeprecatedConstructor() {
  if (warnedDeprecatedConstructor) return;
  const frames = `${new Error().stack}`.split('\n').slice(1);
  const caller = frames.find((line) => !line.includes('(node:') && !line.includes(' node:'));
  // Either separator: a caller's file name may be a Windows path (vm's `filename`).
  if (caller !== undefined && /[\\/]node_modules[\\/]/.test(caller)) return;
  warnedDeprecatedConstructor = true;
  process.emitWarning('Buffer() is deprecated due to security and usability issues. Please ' +
    'use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
  'DeprecationWarning', 'DEP0005');
}

/**
 * The deprecated constructor: Buffer(size) is Buffer.alloc, anything else Buffer.from.
 */
function Buffer(arg, encodingOrOffset, length) {
  warnDeprecatedConstructor();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  value: Buffer, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(Buffer, Uint8Array);
// Typed-array methods that make new arrays (subarray, map, filter) use FastBuffer,
// which does not go through the deprecated constructor.
Object.defineProperty(Buffer, Symbol.species, {
  get() { return FastBuffer; }, enumerable: false, configurable: true,
});
installPrototypeMethods(Buffer.prototype);
installNumberMethods(Buffer.prototype);

Object.defineProperty(Buffer, 'poolSize', {
  get() { return poolConfig.poolSize; },
  set(value) { poolConfig.poolSize = value; },
  enumerable: true, configurable: true,
});

function fromString(string, encoding) {
  let ops = encodingOps.utf8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  if (string.length === 0) return new FastBuffer();
  return fromStringWithOps(string, ops);
}

function fromArrayBuffer(arrayBuffer, byteOffset, length) {
  byteOffset = byteOffset === undefined ? 0 : +byteOffset || 0;
  const available = arrayBuffer.byteLength - byteOffset;
  if (available < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = available;
  } else {
    length = +length;
    if (length > 0) {
      if (length > available) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;  // Also NaN.
    }
  }
  return new FastBuffer(arrayBuffer, byteOffset, length);
}

// A copy of an array-like of byte values (each truncated to 8 bits).
function fromArrayLike(arrayLike) {
  const length = arrayLike.length;
  if (!(length > 0)) return new FastBuffer();
  const buf = allocate(length);
  if (isUint8Array(arrayLike)) {
    Uint8Array.prototype.set.call(buf, arrayLike, 0);
  } else {
    for (let i = 0; i < length; i++) buf[i] = arrayLike[i];
  }
  return buf;
}

function fromObject(object) {
  if (object.length !== undefined || isAnyArrayBuffer(object.buffer)) {
    if (typeof object.length !== 'number') return new FastBuffer();
    return fromArrayLike(object);
  }
  if (object.type === 'Buffer' && Array.isArray(object.data)) return fromArrayLike(object.data);
  return undefined;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    // Boxed strings and other wrappers: use what valueOf() unwraps to.
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const buf = fromObject(value);
    if (buf !== undefined) return buf;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument',
                                 ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const count = view.length;
  if (count === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateOffset(offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
      if (offset >= count) return new FastBuffer();
    } else {
      offset = 0;
    }
    const end = length === undefined ? count :
      (validateOffset(length, 'length', 0, Number.MAX_SAFE_INTEGER), Math.min(offset + length, count));
    if (end - offset === 0) return new FastBuffer();
    view = view.subarray(offset, end);
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return fromArrayLike(bytes);
};

Buffer.of = function of(...items) {
  const buf = allocate(items.length);
  for (let i = 0; i < items.length; i++) buf[i] = items[i];
  return buf;
};

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    return fillBuffer(createUnsafeBuffer(size), fill, 0, size, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return createUnsafeBuffer(size);
};

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return binding.compare(buf1, 0, buf1.length, buf2, 0, buf2.length);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (const item of list) {
      if (item.length) length += item.length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const result = Buffer.allocUnsafe(length);
  let position = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isUint8Array(item)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], item);
    }
    position += copyBytes(item, result, position, 0, item.length);
  }
  // A length larger than the parts leaves a tail, which must not show old pool bytes.
  if (position < length) Uint8Array.prototype.fill.call(result, 0, position, length);
  return result;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const mustMatch = arguments.length > 2 && arguments[2] === true;
  if (!mustMatch && string.length === 0) return 0;
  const ops = encoding ? getEncodingOps(encoding) : encodingOps.utf8;
  if (ops === undefined) return mustMatch ? -1 : binding.byteLengthUtf8(string);
  return ops.byteLength(string);
};

// buf.parent and buf.offset are deprecated aliases of buffer and byteOffset.
Object.defineProperty(Buffer.prototype, 'parent', {
  get() { return this instanceof Buffer ? this.buffer : undefined; },
  enumerable: true, configurable: true,
});
Object.defineProperty(Buffer.prototype, 'offset', {
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
  enumerable: true, configurable: true,
});

let inspectMaxBytes = 50;

// util.inspect(buf): <Buffer 68 69 ... N more bytes, prop: value>.
Buffer.prototype[customInspectSymbol] = function(recurseTimes, ctx) {
  const shown = Math.min(inspectMaxBytes, this.length);
  let text = binding.decode(this, 0, shown, encodingOps.hex.id).replace(/(.{2})/g, '$1 ').trim();
  const remaining = this.length - inspectMaxBytes;
  if (remaining > 0) text += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    // Own non-index properties are invisible to the hex dump: list them after it.
    const extras = { __proto__: null };
    let any = false;
    for (const key of Reflect.ownKeys(this)) {
      if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) continue;
      if (!ctx.showHidden && !Object.prototype.propertyIsEnumerable.call(this, key)) continue;
      extras[key] = this[key];
      any = true;
    }
    if (any) {
      if (this.length !== 0) text += ', ';
      // Drop the "[Object: null prototype] {" prefix and " }" suffix of the object.
      text += inspect(extras, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${text}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

/**
 * Deprecated: an unpooled, uninitialised buffer (Buffer.allocUnsafeSlow).
 */
function SlowBuffer(size) {
  validateSize(size);
  return createUnsafeBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

function isUtf8(input) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) return binding.isUtf8(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) return binding.isAscii(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: 50,
  Blob,
  resolveObjectURL,
  File,
};

Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  get() { return inspectMaxBytes; },
  set(value) {
    validateNumber(value, 'INSPECT_MAX_BYTES', 0);
    inspectMaxBytes = value;
  },
  enumerable: true, configurable: true,
});
