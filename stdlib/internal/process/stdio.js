'use strict';
// process.stdout and process.stderr: synchronous writers for now, as Node's are for
// files and TTYs. Full stream semantics (pipes, backpressure) come with the streams module.
// TODO(compat): make these net.Socket / tty.WriteStream / fs.SyncWriteStream objects.

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

let stdout;
let stderr;

module.exports = {
  getStdout() {
    if (stdout === undefined) stdout = new StdioWriter(1);
    return stdout;
  },
  getStderr() {
    if (stderr === undefined) stderr = new StdioWriter(2);
    return stderr;
  },
};
