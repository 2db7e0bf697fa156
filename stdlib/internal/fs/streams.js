'use strict';
// fs.ReadStream and fs.WriteStream on node:stream: the file is opened in _construct
// (or given as fd / FileHandle), read or written at explicit positions when `start` is
// set, and closed on destroy when autoClose is true.

const { Readable, Writable } = require('stream');
const { Buffer } = require('buffer');
const { validateInteger, validateFunction } = require('internal/validators');
const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
const fdOps = require('internal/fs/fd_ops');
const { getValidatedPath, getOptions } = require('internal/fs/utils');

const kIsFileHandle = Symbol('kIsFileHandle');

// Shared option handling of both streams: the file, how to open it, where to start.
function setupFile(stream, path, options, defaultFlags) {
  stream[kIsFileHandle] = false;
  let fd = options.fd ?? null;
  if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') {
    stream[kIsFileHandle] = fd;
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
  stream.fs = { ...fdOps, ...options.fs };
  if (stream.start !== undefined) {
    validateInteger(stream.start, 'start', 0);
    stream.pos = stream.start;
  }
}

function openFile(stream, callback) {
  if (stream.fd !== null) return callback();
  stream.fs.open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) return callback(err);
    stream.fd = fd;
    callback();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function closeFile(stream, err, callback) {
  if (stream.fd === null || !stream.autoClose) return callback(err);
  const fd = stream.fd;
  stream.fd = null;
  if (stream[kIsFileHandle]) {
    stream[kIsFileHandle].close().then(() => callback(err), (closeErr) => callback(err || closeErr));
    return;
  }
  stream.fs.close(fd, (closeErr) => callback(err || closeErr));
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = getOptions(options, {});
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setupFile(this, path, options, 'r');
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
  this.fs.read(this.fd, buffer, 0, length, position, (err, bytesRead) => {
    if (err) return this.destroy(err);
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
  options = getOptions(options, {});
  options.decodeStrings = true;
  setupFile(this, path, options, 'w');
  this.flush = options.flush === true;
  this.bytesWritten = 0;
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype._construct = function(callback) {
  openFile(this, callback);
};

function writeAll(stream, buffer, offset, callback) {
  const position = stream.pos !== undefined ? stream.pos : null;
  stream.fs.write(stream.fd, buffer, offset, buffer.length - offset, position, (err, n) => {
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
  this.fs.fsync(this.fd, callback);
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
