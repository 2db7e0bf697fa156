'use strict';
// node:fs calls on file descriptors, sync and callback forms: open/close, read/write
// (buffers, strings, vectors), fsync/fdatasync, ftruncate/truncate, fstat, fchmod,
// fchown, futimes.

const { Buffer } = require('buffer');
const {
  validateBuffer, validateFunction, validateInteger, validateObject, validateUint32,
  validateArray,
} = require('internal/validators');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
const {
  binding, constants, kIoMaxLength, syncCall, makeReq, makeCallback, stringToFlags,
  getValidatedPath, validateFd, parseMode, toUnixTimestamp, validatePosition,
  validateOffsetLengthRead, validateOffsetLengthWrite, getStatsFromBinding,
} = require('internal/fs/utils');

function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return syncCall(binding.open, path, stringToFlags(flags), parseMode(mode, 'mode', 0o666));
}

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  }
  const flagsNumber = stringToFlags(flags);
  mode = parseMode(mode, 'mode', 0o666);
  callback = makeCallback(callback);
  binding.open(path, flagsNumber, mode, makeReq(callback));
}

function closeSync(fd) {
  syncCall(binding.close, validateFd(fd));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  validateFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  binding.close(fd, makeReq((err) => callback(err)));
}

// Normalises read()'s three call shapes to { buffer, offset, length, position }.
function readArgs(fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || (typeof offsetOrOptions === 'object' && offsetOrOptions !== null)) {
    const options = offsetOrOptions ?? {};
    validateObject(options, 'options', 1);
    ({ offset = 0, length = buffer?.byteLength - offset, position = null } = options);
  }
  validateBuffer(buffer);
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (length == null) length = buffer.byteLength - offset;
  // As Node: length is coerced (not validated); its range is checked against the buffer.
  length |= 0;
  if (length > 0 && buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) position = -1;
  else validatePosition(position, 'position', length);
  return { buffer, offset, length: Math.min(length, kIoMaxLength), position };
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  const a = arguments.length <= 3 ?
    readArgs(fd, buffer, offsetOrOptions) : readArgs(fd, buffer, offsetOrOptions, length, position);
  if (a.length === 0) return 0;
  return syncCall(binding.read, fd, a.buffer, a.offset, a.length, a.position);
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  let a;
  const n = arguments.length;
  if (n === 2) {
    // read(fd, callback): a fresh 16 KiB buffer.
    callback = buffer;
    validateFd(fd);
    a = { buffer: Buffer.alloc(16384), offset: 0, length: 16384, position: -1 };
  } else if (n === 3) {
    // read(fd, options, callback) or read(fd, buffer, callback).
    callback = offsetOrOptions;
    if (ArrayBuffer.isView(buffer)) {
      a = readArgs(fd, buffer, {});
    } else {
      validateObject(buffer, 'options', 1);
      const { buffer: b = Buffer.alloc(16384) } = buffer ?? {};
      a = readArgs(fd, b, buffer ?? {});
    }
  } else if (n === 4) {
    callback = length;
    a = readArgs(fd, buffer, offsetOrOptions ?? {});
  } else {
    a = readArgs(fd, buffer, offsetOrOptions, length, position);
  }
  validateFunction(callback, 'cb');
  if (a.length === 0) {
    process.nextTick(callback, null, 0, a.buffer);
    return;
  }
  const req = makeReq((err, bytesRead) => callback(err, bytesRead || 0, a.buffer));
  binding.read(fd, a.buffer, a.offset, a.length, a.position, req);
}

function validateBufferArray(buffers, name = 'buffers') {
  validateArray(buffers, name);
  for (let i = 0; i < buffers.length; i++) {
    if (!ArrayBuffer.isView(buffers[i])) {
      throw new ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
    }
  }
  return buffers;
}

function vectorPosition(position) {
  if (typeof position !== 'number' && typeof position !== 'bigint') return -1;
  return position;
}

function readvSync(fd, buffers, position) {
  validateFd(fd);
  validateBufferArray(buffers);
  return syncCall(binding.readBuffers, fd, buffers, vectorPosition(position));
}

function readv(fd, buffers, position, callback) {
  validateFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') callback = position;
  callback = makeCallback(callback);
  const req = makeReq((err, n) => callback(err, n || 0, buffers));
  binding.readBuffers(fd, buffers, vectorPosition(position), req);
}

// Normalises write()'s buffer shapes to { buffer, offset, length, position }.
function writeBufferArgs(buffer, offsetOrOptions, length, position) {
  let offset = offsetOrOptions;
  if (typeof offsetOrOptions === 'object' && offsetOrOptions !== null) {
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
  }
  if (offset == null || typeof offset === 'function') offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (typeof length !== 'number') length = buffer.byteLength - offset;
  if (typeof position !== 'number' && typeof position !== 'bigint') position = -1;
  validateOffsetLengthWrite(offset, length, buffer.byteLength);
  return { offset, length: Math.min(length, kIoMaxLength), position };
}

function validateStringWrite(buffer) {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'],
      buffer);
  }
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  if (ArrayBuffer.isView(buffer)) {
    const a = writeBufferArgs(buffer, offsetOrOptions, length, position);
    return syncCall(binding.writeBuffer, fd, buffer, a.offset, a.length, a.position);
  }
  validateStringWrite(buffer);
  // writeSync(fd, string[, position[, encoding]])
  const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : -1;
  const encoding = length ?? 'utf8';
  if (encoding === 'utf8' || encoding === 'utf-8') {
    return syncCall(binding.writeString, fd, buffer, pos);
  }
  const bytes = Buffer.from(buffer, encoding);
  return syncCall(binding.writeBuffer, fd, bytes, 0, bytes.length, pos);
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  validateFd(fd);
  const cb = arguments[arguments.length - 1];
  validateFunction(cb, 'cb');
  if (ArrayBuffer.isView(buffer)) {
    const n = arguments.length;
    const a = writeBufferArgs(buffer, n > 3 ? offsetOrOptions : undefined,
      n > 4 ? length : undefined, n > 5 ? position : undefined);
    const req = makeReq((err, written) => cb(err, written || 0, buffer));
    binding.writeBuffer(fd, buffer, a.offset, a.length, a.position, req);
    return;
  }
  validateStringWrite(buffer);
  // write(fd, string[, position[, encoding]], callback)
  const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : -1;
  const encoding = typeof length === 'string' ? length : 'utf8';
  const req = makeReq((err, written) => cb(err, written || 0, buffer));
  if (encoding === 'utf8' || encoding === 'utf-8') {
    binding.writeString(fd, buffer, pos, req);
  } else {
    const bytes = Buffer.from(buffer, encoding);
    binding.writeBuffer(fd, bytes, 0, bytes.length, pos, req);
  }
}

function writevSync(fd, buffers, position) {
  validateFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return syncCall(binding.writeBuffers, fd, buffers, vectorPosition(position));
}

function writev(fd, buffers, position, callback) {
  validateFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') callback = position;
  callback = makeCallback(callback);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  const req = makeReq((err, n) => callback(err, n || 0, buffers));
  binding.writeBuffers(fd, buffers, vectorPosition(position), req);
}

function fsyncSync(fd) { syncCall(binding.fsync, validateFd(fd)); }
function fsync(fd, callback) {
  validateFd(fd);
  binding.fsync(fd, makeReq(makeCallback(callback)));
}
function fdatasyncSync(fd) { syncCall(binding.fdatasync, validateFd(fd)); }
function fdatasync(fd, callback) {
  validateFd(fd);
  binding.fdatasync(fd, makeReq(makeCallback(callback)));
}

function truncLength(len) {
  if (len === undefined || len === null || typeof len === 'function') return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

function ftruncateSync(fd, len) {
  validateFd(fd);
  syncCall(binding.ftruncate, fd, truncLength(len));
}

function ftruncate(fd, len, callback) {
  validateFd(fd);
  if (typeof len === 'function') callback = len;
  const length = truncLength(len);
  binding.ftruncate(fd, length, makeReq(makeCallback(callback)));
}

function truncateSync(path, len) {
  if (typeof path === 'number') return ftruncateSync(path, len);
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    closeSync(fd);
  }
}

function truncate(path, len, callback) {
  if (typeof path === 'number') return ftruncate(path, len, callback);
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  callback = makeCallback(callback);
  const length = truncLength(len);
  open(path, 'r+', (err, fd) => {
    if (err) return callback(err);
    ftruncate(fd, length, (err2) => close(fd, (err3) => callback(err2 || err3 || null)));
  });
}

function statOptions(options) {
  if (options == null || typeof options === 'function') return false;
  validateObject(options, 'options');
  return options.bigint === true;
}

function fstatSync(fd, options) {
  validateFd(fd);
  return getStatsFromBinding(syncCall(binding.fstat, fd, statOptions(options)));
}

function fstat(fd, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFd(fd);
  const bigint = statOptions(options);
  binding.fstat(fd, bigint, makeReq(makeCallback(callback), getStatsFromBinding));
}

function fchmodSync(fd, mode) {
  validateFd(fd);
  syncCall(binding.fchmod, fd, parseMode(mode, 'mode'));
}

function fchmod(fd, mode, callback) {
  validateFd(fd);
  mode = parseMode(mode, 'mode');
  binding.fchmod(fd, mode, makeReq(makeCallback(callback)));
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, 4294967295);
  validateInteger(gid, 'gid', -1, 4294967295);
}

function fchownSync(fd, uid, gid) {
  validateFd(fd);
  validateIds(uid, gid);
  syncCall(binding.fchown, fd, uid, gid);
}

function fchown(fd, uid, gid, callback) {
  validateFd(fd);
  validateIds(uid, gid);
  binding.fchown(fd, uid, gid, makeReq(makeCallback(callback)));
}

function futimesSync(fd, atime, mtime) {
  validateFd(fd);
  syncCall(binding.futimes, fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function futimes(fd, atime, mtime, callback) {
  validateFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  binding.futimes(fd, atime, mtime, makeReq(makeCallback(callback)));
}

// util.promisify(fs.read) resolves { bytesRead, buffer }, and likewise for the others.
const { kCustomPromisifyArgs } = require('internal/util/promisify_args');
for (const [fn, names] of [[read, ['bytesRead', 'buffer']], [write, ['bytesWritten', 'buffer']],
  [readv, ['bytesRead', 'buffers']], [writev, ['bytesWritten', 'buffers']]]) {
  Object.defineProperty(fn, kCustomPromisifyArgs, { value: names, enumerable: false });
}

module.exports = {
  openSync, open, closeSync, close, readSync, read, readvSync, readv, writeSync, write,
  writevSync, writev, fsyncSync, fsync, fdatasyncSync, fdatasync, ftruncateSync, ftruncate,
  truncateSync, truncate, fstatSync, fstat, fchmodSync, fchmod, fchownSync, fchown,
  futimesSync, futimes, validateIds, statOptions, validateBufferArray, constants,
  validateUint32,
};
