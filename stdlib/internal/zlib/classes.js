'use strict';
// The node:zlib stream classes: Zlib (the deflate family over system zlib) and Brotli
// engines on top of ZlibBase, and the public constructors, which (as in Node) work with
// and without `new`.

const { Buffer } = require('buffer');
const { isAnyArrayBuffer } = require('internal/buffer/util');
const {
  ERR_BROTLI_INVALID_PARAM,
  ERR_INVALID_ARG_TYPE,
  ERR_ZLIB_INITIALIZATION_FAILED,
} = require('internal/errors').codes;
const {
  ZlibBase, kOneShotMode, processCallback, rangeOrDefault,
} = require('internal/zlib/base');
const binding = internalBinding('zlib');
const { constants } = binding;

const {
  Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_DEFAULT_COMPRESSION, Z_DEFAULT_STRATEGY, Z_FIXED,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
} = constants;
const Z_MIN_WINDOWBITS = 8;
const Z_MAX_WINDOWBITS = 15;
const Z_DEFAULT_WINDOWBITS = 15;
const Z_MIN_MEMLEVEL = 1;
const Z_MAX_MEMLEVEL = 9;
const Z_DEFAULT_MEMLEVEL = 8;
const Z_MIN_LEVEL = -1;
const Z_MAX_LEVEL = 9;

const zlibDefaultFlushes = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };
const brotliDefaultFlushes = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

function inherit(Child, Parent) {
  Object.setPrototypeOf(Child.prototype, Parent.prototype);
  Object.setPrototypeOf(Child, Parent);
}

function dictionaryOption(dictionary) {
  if (dictionary === undefined || ArrayBuffer.isView(dictionary)) return dictionary;
  if (isAnyArrayBuffer(dictionary)) return Buffer.from(dictionary);
  throw new ERR_INVALID_ARG_TYPE('options.dictionary',
    ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
}

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  const inflating = mode === INFLATE || mode === GUNZIP || mode === UNZIP;
  if (opts) {
    if (inflating && (opts.windowBits == null || opts.windowBits === 0)) {
      // Zero lets inflate take the window size from the stream's header.
      windowBits = 0;
    } else {
      // A gzip header cannot say 8 (zlib raises it to 9): refuse it up front.
      const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
      windowBits = rangeOrDefault(opts.windowBits, 'options.windowBits', min,
        Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = rangeOrDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL,
      Z_DEFAULT_COMPRESSION);
    memLevel = rangeOrDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL,
      Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = rangeOrDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED,
      Z_DEFAULT_STRATEGY);
    dictionary = dictionaryOption(opts.dictionary);
  }
  const handle = new binding.Zlib(mode);
  this._writeState = new Uint32Array(2);
  if (!handle.init(windowBits, level, memLevel, strategy, this._writeState, processCallback,
    dictionary)) {
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  ZlibBase.call(this, opts, mode, handle, zlibDefaultFlushes);
  this._level = level;
  this._strategy = strategy;
  // The whole-buffer forms (zlib.js) may use libdeflate when the window, memory level,
  // strategy and dictionary are the defaults (zlib.js checks the flushes and `info`).
  const defaultWindow = windowBits === Z_DEFAULT_WINDOWBITS || (inflating && windowBits === 0);
  this[kOneShotMode] = defaultWindow && memLevel === Z_DEFAULT_MEMLEVEL &&
    strategy === Z_DEFAULT_STRATEGY && dictionary === undefined ? mode : 0;
}
inherit(Zlib, ZlibBase);

function applyParams(level, strategy, callback) {
  if (!this._handle) throw new Error('zlib binding closed');
  this._handle.params(level, strategy);
  if (this.destroyed) return;
  this._level = level;
  this._strategy = strategy;
  if (callback) callback();
}

// Changes level and strategy after flushing what was written with the old ones.
Zlib.prototype.params = function params(level, strategy, callback) {
  rangeOrDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  rangeOrDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, applyParams.bind(this, level, strategy, callback));
  } else {
    process.nextTick(callback);
  }
};

// Parameter ids run 0..kMaxBrotliParam for both the encoder and the decoder.
const kMaxBrotliParam = Math.max(...Object.keys(constants)
  .filter((key) => /^BROTLI_(DECODER_)?PARAM_/.test(key))
  .map((key) => constants[key]));
const kUnsetParam = 0xFFFFFFFF;

function Brotli(opts, mode) {
  const params = new Uint32Array(kMaxBrotliParam + 1).fill(kUnsetParam);
  if (opts && opts.params) {
    for (const key of Object.keys(opts.params)) {
      const id = +key;
      if (Number.isNaN(id) || id < 0 || id > kMaxBrotliParam || params[id] !== kUnsetParam) {
        throw new ERR_BROTLI_INVALID_PARAM(key);
      }
      const value = opts.params[key];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
      }
      params[id] = value;
    }
  }
  const handle = mode === BROTLI_DECODE ? new binding.BrotliDecoder(mode) :
    new binding.BrotliEncoder(mode);
  this._writeState = new Uint32Array(2);
  if (!handle.init(params, this._writeState, processCallback)) {
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  ZlibBase.call(this, opts, mode, handle, brotliDefaultFlushes);
}
inherit(Brotli, ZlibBase);

// One public class per mode, callable without `new`.
function defineClass(name, Engine, mode, adjustOptions) {
  const cls = {
    [name]: function(opts) {
      if (!(this instanceof cls)) return new cls(opts);
      if (adjustOptions) opts = adjustOptions(opts);
      Engine.call(this, opts, mode);
    },
  }[name];
  inherit(cls, Engine);
  return cls;
}

const Deflate = defineClass('Deflate', Zlib, DEFLATE);
const Inflate = defineClass('Inflate', Zlib, INFLATE);
const Gzip = defineClass('Gzip', Zlib, GZIP);
const Gunzip = defineClass('Gunzip', Zlib, GUNZIP);
// Raw deflate cannot use a 256-byte window; zlib's wrapper formats quietly use 512.
const DeflateRaw = defineClass('DeflateRaw', Zlib, DEFLATERAW, (opts) =>
  (opts && opts.windowBits === 8 ? { ...opts, windowBits: 9 } : opts));
const InflateRaw = defineClass('InflateRaw', Zlib, INFLATERAW);
const Unzip = defineClass('Unzip', Zlib, UNZIP);
const BrotliCompress = defineClass('BrotliCompress', Brotli, BROTLI_ENCODE);
const BrotliDecompress = defineClass('BrotliDecompress', Brotli, BROTLI_DECODE);

module.exports = {
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
  BrotliCompress, BrotliDecompress,
  jsConstants: {
    Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS,
    Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16 * 1024,
    Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL,
    Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_LEVEL: Z_DEFAULT_COMPRESSION,
  },
};
