'use strict';
// ZlibBase: the Transform stream under every node:zlib class. Written chunks go to a
// native handle (internalBinding('zlib'): Zlib, BrotliEncoder, BrotliDecoder) that fills
// output slices of `chunkSize` bytes, on the thread pool through write() or at once
// through writeSync(); the handle reports [availOutAfter, availInAfter] in a shared
// Uint32Array and failures through onerror(message, errno, code).

const { Buffer, kMaxLength } = require('buffer');
const Transform = require('internal/streams/transform');
const finished = require('internal/streams/end-of-stream');
const { deprecate } = require('util');
const {
  ERR_BUFFER_TOO_LARGE,
  ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const { validateNumber } = require('internal/validators');
const { constants } = internalBinding('zlib');

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA,
  BROTLI_ENCODE, BROTLI_DECODE, INFLATE, GUNZIP, INFLATERAW, UNZIP,
} = constants;
const Z_MIN_CHUNK = 64;
const Z_DEFAULT_CHUNK = 16 * 1024;
// Decompressing streams whose output fills a chunk go on with an output buffer of
// several chunks per trip to the thread pool (each trip costs two thread wake-ups, more
// than inflating 16 KiB), and still emit the chunkSize pieces Node emits.
const kDecompressOutSize = 64 * 1024;

function outSizeFor(mode, chunkSize) {
  const decompress = mode === INFLATE || mode === GUNZIP || mode === INFLATERAW ||
    mode === UNZIP || mode === BROTLI_DECODE;
  if (!decompress || !Number.isInteger(chunkSize) || chunkSize >= kDecompressOutSize) {
    return chunkSize;
  }
  return chunkSize * Math.floor(kDecompressOutSize / chunkSize);
}

const kError = Symbol('kError');
const kOwner = Symbol('kOwner');
const kFlushFlag = Symbol('kFlushFlag');
// The mode a Zlib engine's whole-buffer form may hand to binding.oneShot(), or 0.
const kOneShotMode = Symbol('kOneShotMode');

// Zero-length chunks that carry a flush kind from flush() to _transform().
const kFlushBuffers = [];
for (let flag = 0; flag <= Z_BLOCK; flag++) {
  kFlushBuffers[flag] = Buffer.alloc(0);
  kFlushBuffers[flag][kFlushFlag] = flag;
}

// Flush kinds from weakest to strongest (Z_BLOCK is weaker than Z_PARTIAL_FLUSH).
const kFlushOrder = [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH,
  Z_FINISH];
function strongerFlush(a, b) {
  return kFlushOrder.indexOf(a) > kFlushOrder.indexOf(b) ? a : b;
}

// Whether an option holds a usable number: undefined and NaN mean "use the default",
// a non-number or an infinite number throws.
function isFiniteNumberOption(value, name) {
  if (value === undefined) return false;
  if (Number.isFinite(value)) return true;
  if (Number.isNaN(value)) return false;
  validateNumber(value, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
}

function rangeOrDefault(value, name, lower, upper, fallback) {
  if (!isFiniteNumberOption(value, name)) return fallback;
  if (value < lower || value > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, value);
  }
  return value;
}

function onHandleError(message, errno, code) {
  const stream = this[kOwner];
  const error = new Error(message);
  error.errno = errno;
  error.code = code;
  stream.destroy(error);
  stream[kError] = error;
}

function closeHandle(stream) {
  if (!stream._handle) return;
  stream._handle.close();
  stream._handle = null;
}

// `defaults` holds the mode's { flush, finishFlush, fullFlush } kinds.
function ZlibBase(opts, mode, handle, defaults) {
  let { flush, finishFlush } = defaults;
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const brotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
  const minFlush = brotli ? BROTLI_OPERATION_PROCESS : Z_NO_FLUSH;
  const maxFlush = brotli ? BROTLI_OPERATION_EMIT_METADATA : Z_BLOCK;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!isFiniteNumberOption(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = rangeOrDefault(opts.flush, 'options.flush', minFlush, maxFlush, flush);
    finishFlush = rangeOrDefault(opts.finishFlush, 'options.finishFlush', minFlush, maxFlush,
      finishFlush);
    maxOutputLength = rangeOrDefault(opts.maxOutputLength, 'options.maxOutputLength', 1,
      kMaxLength, kMaxLength);
    // The streams carry bytes only, whatever the caller asked for.
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[kOwner] = this;
  handle.onerror = onHandleError;
  // Made on first write (outBufferOf): a whole-buffer call that libdeflate serves never
  // needs it.
  this._outBuffer = null;
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  // Of the async path's output buffers after the first.
  this._outSize = outSizeFor(mode, chunkSize);
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = defaults.fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

// bytesRead is the old name of bytesWritten (DEP0108).
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: deprecate(function() { return this.bytesWritten; },
    'zlib.bytesRead is deprecated and will change its meaning in the future. ' +
    'Use zlib.bytesWritten instead.', 'DEP0108'),
  set: deprecate(function(value) { this.bytesWritten = value; },
    'Setting zlib.bytesRead is deprecated. This feature will be removed in the future.',
    'DEP0108'),
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new Error('zlib binding closed');
  return this._handle.reset();
};

// The end of the input: an empty chunk written with finishFlush.
ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, callback) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  // The last chunk of the input also finishes the stream.
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = strongerFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, callback);
};

// Kept for old callers (and npm packages) that drive the engine directly.
ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, callback) {
  if (typeof callback === 'function') {
    processChunk(this, chunk, flushFlag, callback);
  } else {
    return processChunkSync(this, chunk, flushFlag);
  }
};

function outBufferOf(stream, size) {
  if (stream._outBuffer === null) stream._outBuffer = Buffer.allocUnsafe(size);
  return stream._outBuffer;
}

// Compresses or decompresses all of `chunk` at once; returns the output.
function processChunkSync(stream, chunk, flushFlag) {
  const handle = stream._handle;
  const state = stream._writeState;
  const chunkSize = stream._chunkSize;
  let inOff = 0;
  let availInBefore = chunk.byteLength;
  let outBuffer = outBufferOf(stream, chunkSize);
  let outOffset = stream._outOffset;
  let availOutBefore = outBuffer.length - outOffset;
  let inputRead = 0;
  let nread = 0;
  const buffers = [];

  let error;
  stream.on('error', (err) => { error = err; });
  for (;;) {
    handle.writeSync(flushFlag, chunk, inOff, availInBefore, outBuffer, outOffset,
      availOutBefore);
    if (error) throw error;
    if (stream[kError]) throw stream[kError];
    const availOutAfter = state[0];
    const availInAfter = state[1];
    const consumed = availInBefore - availInAfter;
    inputRead += consumed;
    const produced = availOutBefore - availOutAfter;
    if (produced > 0) {
      buffers.push(outBuffer.slice(outOffset, outOffset + produced));
      outOffset += produced;
      nread += produced;
      if (nread > stream._maxOutputLength) {
        closeHandle(stream);
        throw new ERR_BUFFER_TOO_LARGE(stream._maxOutputLength);
      }
    }
    if (availOutAfter === 0 || outOffset >= outBuffer.length) {
      availOutBefore = chunkSize;
      outOffset = 0;
      outBuffer = Buffer.allocUnsafe(chunkSize);
    }
    // A full output buffer means the codec may have more to give.
    if (availOutAfter !== 0) break;
    inOff += consumed;
    availInBefore = availInAfter;
  }
  stream.bytesWritten = inputRead;
  closeHandle(stream);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

function processChunk(stream, chunk, flushFlag, callback) {
  const handle = stream._handle;
  if (!handle) {
    process.nextTick(callback);
    return;
  }
  // The handle keeps the input alive while the thread pool reads it.
  handle.buffer = chunk;
  handle.cb = callback;
  // The first output buffer is one chunk; only a stream that fills it (a large output)
  // gets the larger ones.
  const outBuffer = outBufferOf(stream, stream._chunkSize);
  handle.availOutBefore = outBuffer.length - stream._outOffset;
  handle.availInBefore = chunk.byteLength;
  handle.inOff = 0;
  handle.flushFlag = flushFlag;
  handle.write(flushFlag, chunk, 0, handle.availInBefore, outBuffer, stream._outOffset,
    handle.availOutBefore);
}

function writeMore(handle, stream) {
  handle.write(handle.flushFlag, handle.buffer, handle.inOff, handle.availInBefore,
    stream._outBuffer, stream._outOffset, stream._outBuffer.length);
}

// Runs `fn` when the reader next asks for data.
function onNextRead(stream, fn) {
  const read = stream._read;
  stream._read = (n) => {
    stream._read = read;
    fn();
    stream._read(n);
  };
}

// Completion of an async write; `this` is the handle.
function processCallback() {
  const handle = this;
  const stream = handle[kOwner];
  if (stream.destroyed) {
    handle.buffer = null;
    handle.cb();
    return;
  }
  const state = stream._writeState;
  handle.availOutAfter = state[0];
  handle.availInAfter = state[1];
  handle.consumed = handle.availInBefore - handle.availInAfter;
  stream.bytesWritten += handle.consumed;
  handle.pushFrom = stream._outOffset;
  stream._outOffset += handle.availOutBefore - handle.availOutAfter;
  pushOutput(handle, stream);
}

// Pushes the output of the last write cut where Node's chunkSize buffers would cut it,
// pausing until the next read whenever the reader's buffer is full, as Node does
// between writes (a decompression bomb then stops instead of filling memory).
function pushOutput(handle, stream) {
  const chunkSize = stream._chunkSize;
  const end = stream._outOffset;
  let readableFull = false;
  while (handle.pushFrom < end) {
    const start = handle.pushFrom;
    handle.pushFrom = Math.min(end, start - (start % chunkSize) + chunkSize);
    readableFull = !stream.push(stream._outBuffer.slice(start, handle.pushFrom));
    if (stream.destroyed) {
      handle.cb();
      return;
    }
    if (readableFull && handle.pushFrom < end) {
      onNextRead(stream, () => pushOutput(handle, stream));
      return;
    }
  }
  const { availOutAfter, availInAfter } = handle;
  if (availOutAfter === 0 || stream._outOffset >= stream._outBuffer.length) {
    handle.availOutBefore = stream._outSize;
    stream._outOffset = 0;
    stream._outBuffer = Buffer.allocUnsafe(stream._outSize);
  }
  if (availOutAfter === 0) {
    // The output filled up: there may be more, so go again with the rest of the input,
    // once the reader wants more if its buffer is full.
    handle.inOff += handle.consumed;
    handle.availInBefore = availInAfter;
    if (!readableFull) {
      writeMore(handle, stream);
    } else {
      onNextRead(stream, () => writeMore(handle, stream));
    }
    return;
  }
  if (availInAfter > 0) {
    // Output space left but input not taken: the compressed stream ended before the
    // input did (trailing data after a deflate or brotli stream).
    stream.push(null);
  }
  handle.buffer = null;
  handle.cb();
}

module.exports = {
  ZlibBase,
  closeHandle,
  kOneShotMode,
  processCallback,
  rangeOrDefault,
  isFiniteNumberOption,
  kMaxLength,
};
