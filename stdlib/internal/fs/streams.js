'use strict';
// fs.ReadStream and fs.WriteStream on node:stream: the file is opened in _construct
// (or given as fd / FileHandle), read or written at explicit positions when `start` is
// set, and closed on destroy when autoClose is true.

const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const { errorOrDestroy } = require('internal/streams/destroy');
const { validateInteger, validateFunction, validateBoolean } = require('internal/validators');
const { ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { getValidatedPath, getOptions } = require('internal/fs/utils');

const kFs = Symbol('kFs');

// The "fs" a stream of a FileHandle uses: its methods, in the callback shape.
function fileHandleOps(handle) {
  const settle = (promise, cb, pick) =>
    promise.then((r) => pick ? cb(null, ...pick(r)) : cb(null), cb);
  return {
    close: (fd, cb) => settle(handle.close(), cb),
    read: (fd, buf, offset, length, pos, cb) =>
      settle(handle.read(buf, offset, length, pos), cb, (r) => [r.bytesRead, r.buffer]),
    write: (fd, buf, offset, length, pos, cb) =>
      settle(handle.write(buf, offset, length, pos), cb, (r) => [r.bytesWritten, r.buffer]),
    writev: (fd, buffers, pos, cb) =>
      settle(handle.writev(buffers, pos), cb, (r) => [r.bytesWritten, r.buffers]),
    fsync: (fd, cb) => settle(handle.sync(), cb),
  };
}

// A stream's own copy of its options, inherited properties included (as Node reads them).
function streamOptions(options) {
  if (options === null || typeof options !== 'object') return getOptions(options, {});
  const copy = {};
  for (const key in options) copy[key] = options[key];
  return getOptions(copy, {});
}

// Shared option handling of both streams: the file, how to open it, where to start.
// The file system calls come from options.fs or else the public `fs` module, looked up
// at each call, so that monkey-patching fs.open/fs.write reaches the stream as in Node.
function setupFile(stream, path, options, defaultFlags, ioNames) {
  const fsOps = options.fs || require('fs');
  validateFunction(fsOps.open, 'options.fs.open');
  for (const name of ioNames) validateFunction(fsOps[name], `options.fs.${name}`);
  validateFunction(fsOps.close, 'options.fs.close');
  stream[kFs] = fsOps;
  let fd = options.fd ?? null;
  if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') {
    stream[kFs] = fileHandleOps(fd);
    fd = fd.fd;
  } else if (fd !== null) {
    validateInteger(fd, 'fd', 0, 2147483647);
  }
  stream.fd = fd;
  stream.path = fd === null ? getValidatedPath(path) : undefined;
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.autoClose = options.autoClose === undefined ? true : options.autoClose;
  stream.start = options.start;
  stream.pos = undefined;
  if (stream.start !== undefined) {
    validateInteger(stream.start, 'start', 0);
    stream.pos = stream.start;
  }
}

// The prototype `open` of both streams: a deprecated no-op that subclasses written for
// old Node (graceful-fs) override; when one does, _construct defers to it.
const { deprecate } = require('util');
const defaultReadOpen = deprecate(function open() {},
  'ReadStream.prototype.open() is deprecated', 'DEP0135');
const defaultWriteOpen = deprecate(function open() {},
  'WriteStream.prototype.open() is deprecated', 'DEP0135');

function openFile(stream, callback) {
  if (stream.fd !== null) return callback();
  if (stream.open !== defaultReadOpen && stream.open !== defaultWriteOpen) {
    // The override reports through 'open' or 'error'; take the first as the outcome.
    const emit = stream.emit;
    stream.emit = function(event, ...args) {
      if (event === 'open') {
        this.emit = emit;
        callback();
        return Reflect.apply(emit, this, [event, ...args]);
      }
      if (event === 'error') {
        this.emit = emit;
        return callback(args[0]);
      }
      return Reflect.apply(emit, this, [event, ...args]);
    };
    stream.open();
    return;
  }
  stream[kFs].open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function closeFile(stream, err, callback) {
  if (stream.fd === null || !stream.autoClose) return callback(err);
  // fd is cleared once close has been called (a patched fs.close still sees stream.fd).
  stream[kFs].close(stream.fd, (closeErr) => callback(err || closeErr));
  stream.fd = null;
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = streamOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setupFile(this, path, options, 'r', ['read']);
  this.end = options.end === undefined ? Infinity : options.end;
  if (this.end !== Infinity) validateInteger(this.end, 'end', 0);
  if (this.start !== undefined && this.start > this.end) {
    throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
  }
  this.bytesRead = 0;
  Readable.call(this, { ...options, autoDestroy: options.autoClose !== false });
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype.open = defaultReadOpen;

ReadStream.prototype._construct = function(callback) {
  openFile(this, callback);
};

ReadStream.prototype._read = function(n) {
  let length = n;
  if (this.end !== Infinity) {
    const at = this.pos !== undefined ? this.pos : this.bytesRead + (this.start ?? 0);
    length = Math.min(n, this.end - at + 1);
    if (length <= 0) {
      this.push(null);
      return;
    }
  }
  const buffer = Buffer.allocUnsafeSlow(length);
  const position = this.pos !== undefined ? this.pos : null;
  this[kFs].read(this.fd, buffer, 0, length, position, (err, bytesRead) => {
    // With autoClose: false an error leaves the stream (and its fd) undestroyed.
    if (err) return errorOrDestroy(this, err);
    if (bytesRead === 0) {
      this.push(null);
      return;
    }
    if (this.pos !== undefined) this.pos += bytesRead;
    this.bytesRead += bytesRead;
    this.push(bytesRead < length ? buffer.subarray(0, bytesRead) : buffer);
  });
};

ReadStream.prototype._destroy = function(err, callback) {
  closeFile(this, err, callback);
};

ReadStream.prototype.close = function(callback) {
  if (typeof callback === 'function') require('stream').finished(this, callback);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = streamOptions(options);
  options.decodeStrings = true;
  setupFile(this, path, options, 'w', []);
  if (typeof this[kFs].write !== 'function' && typeof this[kFs].writev !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function', this[kFs].write);
  }
  if (this[kFs].write != null) validateFunction(this[kFs].write, 'options.fs.write');
  if (this[kFs].writev != null) validateFunction(this[kFs].writev, 'options.fs.writev');
  if (options.flush != null) validateBoolean(options.flush, 'options.flush');
  this.flush = options.flush === true;
  this.bytesWritten = 0;
  Writable.call(this, { ...options, autoDestroy: options.autoClose !== false });
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype.open = defaultWriteOpen;

WriteStream.prototype._construct = function(callback) {
  openFile(this, callback);
};

function writeAll(stream, buffer, offset, callback) {
  const position = stream.pos !== undefined ? stream.pos : null;
  stream[kFs].write(stream.fd, buffer, offset, buffer.length - offset, position, (err, n) => {
    if (err) return callback(err);
    stream.bytesWritten += n;
    if (stream.pos !== undefined) stream.pos += n;
    if (offset + n < buffer.length) return writeAll(stream, buffer, offset + n, callback);
    callback();
  });
}

WriteStream.prototype._write = function(chunk, encoding, callback) {
  writeAll(this, chunk, 0, callback);
};

WriteStream.prototype._writev = function(chunks, callback) {
  writeAll(this, Buffer.concat(chunks.map((c) => c.chunk)), 0, callback);
};

WriteStream.prototype._final = function(callback) {
  if (!this.flush) return callback();
  this[kFs].fsync(this.fd, callback);
};

WriteStream.prototype._destroy = function(err, callback) {
  closeFile(this, err, callback);
};

WriteStream.prototype.close = function(callback) {
  if (callback !== undefined) {
    validateFunction(callback, 'callback');
    if (this.closed) {
      process.nextTick(callback);
      return;
    }
    this.on('close', callback);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

function createReadStream(path, options) {
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

module.exports = { ReadStream, WriteStream, createReadStream, createWriteStream };
