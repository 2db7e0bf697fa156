'use strict';
// readFile, writeFile and appendFile, sync and callback forms. Files are read in one
// buffer sized by fstat (in chunks of at most kIoMaxLength per request), or grown chunk
// by chunk when the size is unknown (pipes, /proc).

const { Buffer } = require('buffer');
const { AbortError, codes, uvException } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_FS_FILE_TOO_LARGE } = codes;
const {
  binding, constants, kIoMaxLength, syncCall, makeReq, makeCallback, stringToFlags,
  getValidatedPath, parseMode, getOptions,
} = require('internal/fs/utils');

const { O_RDONLY, S_IFMT, S_IFREG } = constants;
const kUnknownChunk = 64 * 1024;
// Bytes per request for async reads of known size: large enough to keep the per-request
// cost small, small enough that a signal or other work gets a turn.
const kAsyncChunk = 4 * 1024 * 1024;

function isRegularSize(st) {
  return (st[1] & S_IFMT) === S_IFREG ? st[8] : 0;
}

function decode(buffer, encoding) {
  return encoding && encoding !== 'buffer' ? buffer.toString(encoding) : buffer;
}

function readAllSync(fd) {
  const size = isRegularSize(syncCall(binding.fstat, fd, false));
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  if (size > 0) {
    const buffer = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    while (filled < size) {
      const n = syncCall(binding.read, fd, buffer, filled, size - filled, -1);
      if (n === 0) break;
      filled += n;
    }
    return filled < size ? buffer.subarray(0, filled) : buffer;
  }
  const chunks = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(kUnknownChunk);
    const n = syncCall(binding.read, fd, chunk, 0, kUnknownChunk, -1);
    if (n === 0) break;
    chunks.push(n < kUnknownChunk ? chunk.subarray(0, n) : chunk);
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const isFd = typeof path === 'number';
  if (!isFd) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const { encoding } = options;
  if (!isFd && typeof path === 'string' && flags === O_RDONLY &&
      (encoding === 'utf8' || encoding === 'utf-8')) {
    // One native call: no Buffer, no decode pass.
    const ctx = {};
    const text = binding.readFileUtf8(path, ctx);
    if (ctx.errno === undefined) return text;
    if (ctx.syscall === 'read') ctx.path = undefined;
    throw uvException(ctx);
  }
  const fd = isFd ? path : syncCall(binding.open, path, flags, 0o666);
  let buffer;
  try {
    buffer = readAllSync(fd);
  } finally {
    if (!isFd) binding.close(fd, undefined, {});
  }
  return decode(buffer, encoding);
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function readFile(path, options, callback) {
  callback = makeCallback(callback ?? options);
  options = getOptions(options, { flag: 'r' });
  const isFd = typeof path === 'number';
  if (!isFd) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const { encoding, signal } = options;
  if (signal?.aborted) {
    process.nextTick(callback, abortError(signal));
    return;
  }
  let fd;
  const finish = (err, buffer) => {
    if (isFd) return callback(err, err ? undefined : decode(buffer, encoding));
    binding.close(fd, makeReq((closeErr) => {
      if (err || closeErr) return callback(err || closeErr);
      let result;
      try {
        result = decode(buffer, encoding);
      } catch (decodeErr) {
        return callback(decodeErr);
      }
      callback(null, result);
    }));
  };
  const readKnown = (buffer, filled) => {
    if (signal?.aborted) return finish(abortError(signal));
    const want = Math.min(buffer.length - filled, kAsyncChunk);
    binding.read(fd, buffer, filled, want, -1, makeReq((err, n) => {
      if (err) return finish(err);
      filled += n;
      if (n === 0 || filled === buffer.length) {
        return finish(null, filled < buffer.length ? buffer.subarray(0, filled) : buffer);
      }
      readKnown(buffer, filled);
    }));
  };
  const chunks = [];
  let total = 0;
  const readUnknown = () => {
    if (signal?.aborted) return finish(abortError(signal));
    const chunk = Buffer.allocUnsafe(kUnknownChunk);
    binding.read(fd, chunk, 0, kUnknownChunk, -1, makeReq((err, n) => {
      if (err) return finish(err);
      if (n === 0) return finish(null, Buffer.concat(chunks, total));
      chunks.push(chunk.subarray(0, n));
      total += n;
      readUnknown();
    }));
  };
  const onFd = () => {
    binding.fstat(fd, false, makeReq((err, st) => {
      if (err) return finish(err);
      const size = isRegularSize(st);
      if (size > kIoMaxLength) return finish(new ERR_FS_FILE_TOO_LARGE(size));
      if (size === 0) return readUnknown();
      readKnown(Buffer.allocUnsafeSlow(size), 0);
    }));
  };
  if (isFd) {
    fd = path;
    onFd();
    return;
  }
  binding.open(path, flags, 0o666, makeReq((err, result) => {
    if (err) return callback(err);
    fd = result;
    onFd();
  }));
}

function toBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) {
    return data instanceof Buffer ? data :
      Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function writeAllSync(fd, bytes, position) {
  let offset = 0;
  while (offset < bytes.length) {
    const length = Math.min(bytes.length - offset, kIoMaxLength);
    const n = syncCall(binding.writeBuffer, fd, bytes, offset, length, position);
    offset += n;
    if (position >= 0) position += n;
  }
}

// options.flush: a boolean when given. The fsync goes through the public fs module (as in
// Node), where a test or tool may have wrapped it.
function validateFlush(options) {
  if (options.flush != null) {
    require('internal/validators').validateBoolean(options.flush, 'options.flush');
  }
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  validateFlush(options);
  const bytes = toBytes(data, options.encoding);
  if (typeof path === 'number') {
    writeAllSync(path, bytes, -1);
    if (options.flush) require('fs').fsyncSync(path);
    return;
  }
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag || 'w');
  const fd = syncCall(binding.open, path, flags, parseMode(options.mode, 'mode', 0o666));
  try {
    writeAllSync(fd, bytes, -1);
    if (options.flush) require('fs').fsyncSync(fd);
  } finally {
    binding.close(fd, undefined, {});
  }
}

function writeFile(path, data, options, callback) {
  callback = makeCallback(callback ?? options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  validateFlush(options);
  const bytes = toBytes(data, options.encoding);
  const { signal } = options;
  const isFd = typeof path === 'number';
  if (!isFd) path = getValidatedPath(path);
  // flag: null or '' means the default (appendFile passes 'a' explicitly).
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseMode(options.mode, 'mode', 0o666);
  if (signal?.aborted) {
    process.nextTick(callback, abortError(signal));
    return;
  }
  let fd;
  const finish = (err) => {
    if (isFd) return callback(err || null);
    binding.close(fd, makeReq((closeErr) => callback(err || closeErr || null)));
  };
  const writeFrom = (offset) => {
    if (signal?.aborted) return finish(abortError(signal));
    if (offset >= bytes.length) {
      if (options.flush) return require('fs').fsync(fd, finish);
      return finish(null);
    }
    const length = Math.min(bytes.length - offset, kIoMaxLength);
    binding.writeBuffer(fd, bytes, offset, length, -1, makeReq((err, n) => {
      if (err) return finish(err);
      writeFrom(offset + n);
    }));
  };
  if (isFd) {
    fd = path;
    writeFrom(0);
    return;
  }
  binding.open(path, flags, mode, makeReq((err, result) => {
    if (err) return callback(err);
    fd = result;
    writeFrom(0);
  }));
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  if (!options.flag || typeof options.flag !== 'string' && typeof options.flag !== 'number') {
    options.flag = 'a';
  }
  return options;
}

function appendFileSync(path, data, options) {
  writeFileSync(path, data, appendOptions(options));
}

function appendFile(path, data, options, callback) {
  callback = makeCallback(callback ?? options);
  writeFile(path, data, appendOptions(typeof options === 'function' ? undefined : options),
    callback);
}

module.exports = {
  readFileSync, readFile, writeFileSync, writeFile, appendFileSync, appendFile, toBytes,
  decode, isRegularSize, kUnknownChunk, kAsyncChunk,
};
