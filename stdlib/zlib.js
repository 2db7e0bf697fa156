'use strict';
// The `zlib` module: deflate/inflate/gzip/gunzip/raw/unzip and brotli as Transform
// streams (internal/zlib/), their one-shot forms with callbacks (util.promisify works on
// them) and Sync forms, zlib.constants, zlib.codes and crc32.

const { Buffer } = require('buffer');
const { isAnyArrayBuffer, isUint8Array } = require('internal/buffer/util');
const { ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { validateFunction, validateUint32 } = require('internal/validators');
const classes = require('internal/zlib/classes');
const { closeHandle, kOneShotMode } = require('internal/zlib/base');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const binding = internalBinding('zlib');

const {
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
  BrotliCompress, BrotliDecompress,
} = classes;

// Node's order: zlib's numbers and the modes, the JS limits, then brotli's.
// Read-only properties on an extensible, prototype-less object, as Node has them.
const isMode = (key) => key === 'BROTLI_DECODE' || key === 'BROTLI_ENCODE';
const orderedConstants = {};
for (const key of Object.keys(binding.constants)) {
  if (!key.startsWith('BROTLI_') || isMode(key)) orderedConstants[key] = binding.constants[key];
}
Object.assign(orderedConstants, classes.jsConstants);
for (const key of Object.keys(binding.constants)) {
  if (key.startsWith('BROTLI_') && !isMode(key)) orderedConstants[key] = binding.constants[key];
}
const constants = { __proto__: null };
for (const key of Object.keys(orderedConstants)) {
  Object.defineProperty(constants, key, {
    __proto__: null, value: orderedConstants[key], writable: false, enumerable: true,
    configurable: false,
  });
}

// Result codes by name and by number.
const codes = {};
for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR',
  'Z_DATA_ERROR', 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']) {
  codes[name] = constants[name];
  codes[constants[name]] = name;
}

function zlibBufferOnData(chunk) {
  if (this.buffers === null) this.buffers = [chunk];
  else this.buffers.push(chunk);
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(new ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function zlibBufferOnError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function zlibBufferOnEnd() {
  let result;
  if (this.nread === 0) result = Buffer.alloc(0);
  else if (this.buffers.length === 1) result = this.buffers[0];
  else result = Buffer.concat(this.buffers, this.nread);
  this.close();
  if (this._info) this.cb(null, { buffer: result, engine: this });
  else this.cb(null, result);
}

// Whether a whole-buffer call on `engine` may go to binding.oneShot() (libdeflate): a
// deflate-family engine with default window, memory level, strategy, flushes and no
// dictionary, whose caller does not want the engine back (`info`).
function oneShotMode(engine) {
  const mode = engine[kOneShotMode];
  if (!mode || engine._info || engine._defaultFlushFlag !== constants.Z_NO_FLUSH ||
      engine._finishFlushFlag !== constants.Z_FINISH) {
    return 0;
  }
  return mode;
}

function zlibBufferStream(engine, buffer, callback) {
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', zlibBufferOnData);
  engine.on('error', zlibBufferOnError);
  engine.on('end', zlibBufferOnEnd);
  engine.end(buffer);
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  // The streams take Uint8Arrays: view other buffer sources without copying.
  if (ArrayBuffer.isView(buffer) && !isUint8Array(buffer)) {
    buffer = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } else if (isAnyArrayBuffer(buffer)) {
    buffer = Buffer.from(buffer);
  }
  const mode = oneShotMode(engine);
  if (mode === 0 || (typeof buffer !== 'string' && !isUint8Array(buffer))) {
    zlibBufferStream(engine, buffer, callback);
    return;
  }
  if (typeof buffer === 'string') buffer = Buffer.from(buffer);
  // One job on the thread pool; when libdeflate cannot give the result (bad input, a
  // limit), the zlib stream runs and reports what Node reports.
  binding.oneShot(mode, engine._level | 0, buffer, engine._maxOutputLength, (result) => {
    if (result === undefined) {
      zlibBufferStream(engine, buffer, callback);
      return;
    }
    engine.bytesWritten = buffer.byteLength;
    engine.close();
    callback(null, new FastBuffer(result));
  });
}

function zlibBufferSync(engine, buffer) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!ArrayBuffer.isView(buffer)) {
    if (!isAnyArrayBuffer(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer',
        ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
    }
    buffer = Buffer.from(buffer);
  }
  const mode = oneShotMode(engine);
  if (mode !== 0) {
    const result = binding.oneShot(mode, engine._level | 0, buffer, engine._maxOutputLength);
    if (result !== undefined) {
      engine.bytesWritten = buffer.byteLength;
      closeHandle(engine);
      return new FastBuffer(result);
    }
  }
  const result = engine._processChunk(buffer, engine._finishFlushFlag);
  return engine._info ? { buffer: result, engine } : result;
}

function asyncMethod(Ctor, name) {
  return {
    [name](buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Ctor(opts), buffer, callback);
    },
  }[name];
}

function syncMethod(Ctor, name) {
  return { [name](buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); } }[name];
}

/**
 * CRC-32 of `data` (UTF-8 bytes of a string), continuing from `value`.
 * @param {string|ArrayBufferView} data
 * @param {number} [value]
 * @returns {number}
 */
function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'],
      data);
  }
  validateUint32(value, 'value');
  return binding.crc32(typeof data === 'string' ? Buffer.from(data) : data, value);
}

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
  BrotliCompress, BrotliDecompress,
};
const oneShot = [
  ['deflate', Deflate], ['gzip', Gzip], ['deflateRaw', DeflateRaw], ['unzip', Unzip],
  ['inflate', Inflate], ['gunzip', Gunzip], ['inflateRaw', InflateRaw],
  ['brotliCompress', BrotliCompress], ['brotliDecompress', BrotliDecompress],
];
for (const [name, Ctor] of oneShot) {
  module.exports[name] = asyncMethod(Ctor, name);
  module.exports[`${name}Sync`] = syncMethod(Ctor, `${name}Sync`);
}
for (const Ctor of [Deflate, Inflate, DeflateRaw, InflateRaw, Gzip, Gunzip, Unzip,
  BrotliCompress, BrotliDecompress]) {
  Object.defineProperty(module.exports, `create${Ctor.name}`, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    writable: false,
    value: { [`create${Ctor.name}`](options) { return new Ctor(options); } }[
      `create${Ctor.name}`],
  });
}
Object.defineProperties(module.exports, {
  constants: { __proto__: null, configurable: false, enumerable: true, value: constants },
  codes: { __proto__: null, enumerable: true, writable: false, value: Object.freeze(codes) },
});
// The zlib constants at top level too (deprecated, not enumerable), as in Node.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, {
    __proto__: null, enumerable: false, writable: false, value: constants[key],
  });
}
