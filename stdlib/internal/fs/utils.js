'use strict';
// Shared pieces of node:fs: the binding call helpers (sync with a ctx object, async with
// an FSReqCallback), Stats/BigIntStats/StatFs/Dirent, flag and mode parsing, path and
// option validation.

const binding = internalBinding('fs');
const { Buffer } = require('buffer');
const { E, codes, uvException } = require('internal/errors');
const {
  parseFileMode, validateFunction, validateObject, validateInteger, validateInt32,
} = require('internal/validators');

const { FSReqCallback, constants } = binding;
const {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY,
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

// Codes node:fs needs; registered here so errors.js stays shared and small.
function defineCode(key, message, Base, ...others) {
  if (codes[key] === undefined) E(key, message, Base, ...others);
}
defineCode('ERR_FS_FILE_TOO_LARGE', 'File size (%s) is greater than 2 GiB', RangeError);
defineCode('ERR_FS_INVALID_SYMLINK_TYPE',
  'Symlink type must be one of "dir", "file", or "junction". Received "%s"', Error);
defineCode('ERR_DIR_CLOSED', 'Directory handle was closed', Error);
defineCode('ERR_DIR_CONCURRENT_OPERATION',
  'Cannot do synchronous work on directory handle with concurrent asynchronous operations',
  Error);
defineCode('ERR_FS_CP_EINVAL', 'Invalid src or dest: %s', Error);
defineCode('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory: %s',
  Error);
defineCode('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory: %s',
  Error);
defineCode('ERR_FS_CP_EEXIST', 'Target already exists: %s', Error);
defineCode('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY',
  'Cannot overwrite symlink in subdirectory of self: %s', Error);
defineCode('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type: %s', Error);
defineCode('ERR_INVALID_URL_SCHEME', 'The URL must be of scheme %s', TypeError);
defineCode('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);

const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE,
} = codes;

// Node's limit for one read/write request, and for readFile.
const kIoMaxLength = 2 ** 31 - 1;

// Runs a binding call synchronously: throws the Node-shaped error when it fails.
function syncCall(fn, ...args) {
  const ctx = {};
  const result = fn(...args, undefined, ctx);
  if (ctx.errno !== undefined) throw uvException(ctx);
  return result;
}

// An FSReqCallback whose completion calls `callback(err, result)`; `map` shapes the result.
function makeReq(callback, map) {
  const req = new FSReqCallback();
  req.oncomplete = map === undefined ?
    (ctx, result) => (ctx === null ? callback(null, result) : callback(errorFrom(ctx))) :
    (ctx, result) => (ctx === null ? callback(null, map(result)) : callback(errorFrom(ctx)));
  return req;
}

function errorFrom(ctx) {
  if (ctx.code === 'ERR_STRING_TOO_LONG') return new codes.ERR_STRING_TOO_LONG();
  return uvException(ctx);
}

// The last argument of a callback API, validated.
function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// Runs a binding call asynchronously and returns a promise of its (mapped) result.
function promiseCall(fn, args, map) {
  return new Promise((resolve, reject) => {
    const req = new FSReqCallback();
    req.oncomplete = (ctx, result) => {
      if (ctx !== null) reject(errorFrom(ctx));
      else resolve(map === undefined ? result : map(result));
    };
    fn(...args, req);
  });
}

const flagTable = {
  __proto__: null,
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC,
  'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

// 'r', 'w+', 'ax' ... or a number, to open(2) flags.
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  const value = typeof flags === 'string' ? flagTable[flags] : undefined;
  if (value === undefined) throw new ERR_INVALID_ARG_VALUE(name, flags);
  return value;
}

function isURLLike(value) {
  return value != null && typeof value === 'object' && value.href !== undefined &&
    value.protocol !== undefined && value.auth === undefined && value.path === undefined;
}

// A string, Buffer/Uint8Array or file: URL, checked for NUL bytes. Buffers stay bytes.
function getValidatedPath(fileURLOrPath, name = 'path') {
  let path = fileURLOrPath;
  if (isURLLike(path)) path = require('url').fileURLToPath(path);
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      throw new ERR_INVALID_ARG_VALUE(name, path,
        'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }
  if (path instanceof Uint8Array) {
    if (path.includes(0)) {
      throw new ERR_INVALID_ARG_VALUE(name, path,
        'must be a string, Uint8Array, or URL without null bytes');
    }
    return path;
  }
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
}

function pathString(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

function validateFd(fd, name = 'fd') {
  validateInteger(fd, name, 0, 2147483647);
  return fd;
}

function parseMode(mode, name, def) {
  return parseFileMode(mode, name, def);
}

function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// Options given as an encoding string or an object; merged over `defaults`.
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  } else {
    options = { ...defaults, ...options };
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    const { validateAbortSignal } = require('internal/validators');
    validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

// A string from the binding in the requested encoding ('buffer' gives a Buffer).
function encodeName(name, encoding) {
  if (encoding == null || encoding === 'utf8' || encoding === 'utf-8') return name;
  const buffer = Buffer.from(name);
  return encoding === 'buffer' ? buffer : buffer.toString(encoding);
}

// Seconds (as the binding takes them) from a Date, a number of seconds or a numeric string.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time; // eslint-disable-line eqeqeq
  if (Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

function validatePosition(position, name = 'position', length = 0) {
  if (typeof position === 'bigint') {
    const max = 2n ** 63n - 1n - BigInt(length);
    if (position < -1n || position > max) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${max}`, position);
    }
    return;
  }
  validateInteger(position, name, -1);
}

function validateOffsetLengthRead(offset, length, bufferLength) {
  if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  }
}

function validateOffsetLengthWrite(offset, length, byteLength) {
  if (offset > byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
  if (length > byteLength - offset) {
    throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
  }
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  validateInt32(length, 'length', 0);
}

const { Stats, BigIntStats, StatFs, getStatsFromBinding, getStatFsFromBinding } =
  require('internal/fs/stats');

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// A Dirent whose type the directory listing did not say (UV_DIRENT_UNKNOWN): Node
// lstat()s it; so do we.
function direntFromLstat(name, dir, stats) {
  const mode = stats.mode & S_IFMT;
  const type = mode === S_IFREG ? UV_DIRENT_FILE : mode === S_IFDIR ? UV_DIRENT_DIR :
    mode === S_IFLNK ? UV_DIRENT_LINK : mode === S_IFIFO ? UV_DIRENT_FIFO :
      mode === S_IFSOCK ? UV_DIRENT_SOCKET : mode === S_IFCHR ? UV_DIRENT_CHAR :
        mode === S_IFBLK ? UV_DIRENT_BLOCK : 0;
  return new Dirent(name, type, dir);
}

function validateRmOptionsShape(options, defaults) {
  options = options === undefined ? { ...defaults } : { ...defaults, ...options };
  validateObject(options, 'options');
  return options;
}

module.exports = {
  binding,
  constants,
  kIoMaxLength,
  kType,
  syncCall,
  makeReq,
  makeCallback,
  promiseCall,
  errorFrom,
  stringToFlags,
  getValidatedPath,
  pathString,
  validateFd,
  parseMode,
  getOptions,
  assertEncoding,
  encodeName,
  toUnixTimestamp,
  validatePosition,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateRmOptionsShape,
  Stats,
  BigIntStats,
  StatFs,
  Dirent,
  direntFromLstat,
  getStatsFromBinding,
  getStatFsFromBinding,
};
