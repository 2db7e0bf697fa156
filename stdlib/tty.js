'use strict';
// node:tty — isatty, and ReadStream/WriteStream: net.Sockets over a TTY handle
// (tty_wrap). WriteStreams write synchronously (blocking), as Node's do on POSIX.

const net = require('net');
const { TTY, isTTY, resetMode } = internalBinding('tty_wrap');
const { codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED } } = require('internal/errors');
const { errnoException } = require('internal/net/exceptions');
const { getColorDepth, hasColors } = require('internal/tty/colors');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

function newTTYHandle(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  const ctx = {};
  const handle = new TTY(fd, ctx);
  if (ctx.code !== undefined) {
    const err = new ERR_TTY_INIT_FAILED();
    err.message += `: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
    Object.assign(err, { errno: ctx.errno, syscall: ctx.syscall, info: ctx });
    throw err;
  }
  return handle;
}

let resetAtExit = false;

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const handle = newTTYHandle(fd);
  net.Socket.call(this, { readableHighWaterMark: 0, handle, manualStart: true, ...options });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function(flag) {
  flag = !!flag;
  const err = this._handle ? this._handle.setRawMode(flag) : 0;
  if (err) {
    this.emit('error', errnoException(err, 'setRawMode'));
    return this;
  }
  if (flag && !resetAtExit) {
    // The terminal goes back to its original mode however the process ends normally.
    resetAtExit = true;
    process.on('exit', resetMode);
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const handle = newTTYHandle(fd);
  net.Socket.call(this, { readableHighWaterMark: 0, handle, manualStart: true });
  // Synchronous writes keep stdout/stderr output whole and ordered.
  this._handle.setBlocking(true);
  const size = [0, 0];
  if (this._handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, net.Socket.prototype);
Object.setPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;
WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;

WriteStream.prototype._refreshSize = function() {
  const size = [0, 0];
  const err = this._handle ? this._handle.getWindowSize(size) : -9;
  if (err) {
    this.emit('error', errnoException(err, 'getWindowSize'));
    return;
  }
  if (this.columns !== size[0] || this.rows !== size[1]) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

// Cursor control with ANSI escapes (what readline's helpers write).
function csi(stream, sequence, callback) {
  return stream.write(`\x1b[${sequence}`, callback);
}

WriteStream.prototype.cursorTo = function(x, y, callback) {
  if (typeof y === 'function') return csi(this, `${x + 1}G`, y);
  if (typeof y !== 'number') return csi(this, `${x + 1}G`, callback);
  return csi(this, `${y + 1};${x + 1}H`, callback);
};
WriteStream.prototype.moveCursor = function(dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `\x1b[${-dx}D`;
  else if (dx > 0) data += `\x1b[${dx}C`;
  if (dy < 0) data += `\x1b[${-dy}A`;
  else if (dy > 0) data += `\x1b[${dy}B`;
  return this.write(data, callback);
};
WriteStream.prototype.clearLine = function(dir, callback) {
  return csi(this, dir < 0 ? '1K' : dir > 0 ? '0K' : '2K', callback);
};
WriteStream.prototype.clearScreenDown = function(callback) {
  return csi(this, '0J', callback);
};

module.exports = { isatty, ReadStream, WriteStream };
