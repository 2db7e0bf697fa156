'use strict';
// process.stdin/stdout/stderr, created on first use from what the descriptor is (as
// Node's): a terminal is a tty.ReadStream/WriteStream, a pipe or socket a net.Socket
// (stdout/stderr written synchronously: the handle is set blocking), a file a
// synchronous writer (StdioWriter below) or, for stdin, a stream reading the file.
// destroy() on stdout/stderr never closes the descriptor.

const EventEmitter = require('events');
const { writeString, writeBuffer } = internalBinding('fs');
const { guessHandleType } = internalBinding('util');
const { uvException } = require('internal/errors');

class StdioWriter extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this.isTTY = guessHandleType(fd) === 'TTY';
    this.writable = true;
    this._type = guessHandleType(fd).toLowerCase();
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') callback = encoding;
    const ctx = {};
    // A string in another encoding is written as the bytes it encodes to.
    if (typeof chunk === 'string' && typeof encoding === 'string' &&
        encoding !== 'utf8' && encoding !== 'utf-8') {
      chunk = require('buffer').Buffer.from(chunk, encoding);
    }
    if (typeof chunk === 'string') writeString(this.fd, chunk, ctx);
    else if (ArrayBuffer.isView(chunk)) writeBuffer(this.fd, chunk, ctx);
    else writeString(this.fd, String(chunk), ctx);
    const error = ctx.code === undefined ? null : uvException(ctx);
    // A closed pipe (EPIPE) on stdout is not worth crashing the process for.
    if (error && error.code !== 'EPIPE') this.emit('error', error);
    if (typeof callback === 'function') process.nextTick(callback, error);
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') callback = chunk;
    else if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof callback === 'function') process.nextTick(callback);
    return this;
  }

  // Writers are synchronous: nothing is ever buffered.
  get writableLength() { return 0; }
  get writableNeedDrain() { return false; }
  cork() {}
  uncork() {}
  destroy() { return this; }
  hasColors() { return this.isTTY; }
  getColorDepth() { return this.isTTY ? 8 : 1; }
  get columns() { return this.isTTY ? 80 : undefined; }
}

// Node's stdio streams survive destroy(): the descriptor stays open for later writes.
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) process.nextTick(() => this.emit('close'));
}

function createWritableStdioStream(fd) {
  let stream;
  switch (guessHandleType(fd)) {
    case 'TTY':
      stream = new (require('tty').WriteStream)(fd);
      stream._type = 'tty';
      break;
    case 'FILE':
      return new StdioWriter(fd);
    case 'PIPE':
    case 'TCP':
      stream = new (require('net').Socket)({ fd, readable: false, writable: true });
      stream._type = 'pipe';
      break;
    default: {
      // No usable descriptor (closed): writes go nowhere, as in Node.
      const { Writable } = require('stream');
      stream = new Writable({ write(buf, enc, cb) { cb(); } });
    }
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  return stream;
}

// stdin from a regular file: fs.ReadStream when fs provides it, else a plain reader.
function fileStdin(fd) {
  const fs = require('fs');
  try {
    return fs.createReadStream(null, { fd, autoClose: false });
  } catch {
    const { Readable } = require('stream');
    const { Buffer } = require('buffer');
    return new Readable({
      read(size) {
        const buffer = Buffer.allocUnsafe(Math.max(size, 65536));
        fs.read(fd, buffer, 0, buffer.length, null, (err, bytes) => {
          if (err) this.destroy(err);
          else this.push(bytes > 0 ? buffer.subarray(0, bytes) : null);
        });
      },
    });
  }
}

function createStdin() {
  const fd = 0;
  let stdin;
  switch (guessHandleType(fd)) {
    case 'TTY':
      stdin = new (require('tty').ReadStream)(fd);
      break;
    case 'FILE':
      stdin = fileStdin(fd);
      break;
    case 'PIPE':
    case 'TCP': {
      // When fd 0 is the IPC channel (stdio: ['ipc', ...]), stdin shares its handle.
      const { kChannelHandle } = require('internal/child_process/ipc');
      const channel = process.channel && process.channel.fd === fd ?
        process[kChannelHandle] : undefined;
      stdin = new (require('net').Socket)({
        fd: channel ? undefined : fd, handle: channel, readable: true, writable: false,
        manualStart: true,
      });
      stdin._writableState.ended = true;  // stdin cannot be end()ed.
      break;
    }
    default: {
      const { Readable } = require('stream');
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;
  // Not reading until someone asks: an idle stdin must not keep the process alive.
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }
  // pause() stops the handle one tick later, once the stream itself has stopped.
  stdin.on('pause', () => process.nextTick(() => {
    if (stdin._handle && stdin._handle.reading && !stdin.readableFlowing) {
      stdin._readableState.reading = false;
      stdin._handle.reading = false;
      stdin._handle.readStop();
    }
  }));
  return stdin;
}

let stdin;
let stdout;
let stderr;

module.exports = {
  getStdin() {
    if (stdin === undefined) stdin = createStdin();
    return stdin;
  },
  getStdout() {
    if (stdout === undefined) {
      stdout = createWritableStdioStream(1);
      if (stdout.isTTY) process.on('SIGWINCH', () => stdout._refreshSize());
    }
    return stdout;
  },
  getStderr() {
    if (stderr === undefined) {
      stderr = createWritableStdioStream(2);
      if (stderr.isTTY) process.on('SIGWINCH', () => stderr._refreshSize());
    }
    return stderr;
  },
};
