'use strict';
// net.Socket: a Duplex over a TCP, Pipe or TTY handle (tcp_wrap, pipe_wrap, tty_wrap).
// Connecting (lookup + connect), reads through onStreamRead, writes through
// stream_base_commons, half-close with ShutdownWrap, timeouts, and 'close' once the
// handle is closed — in Node 20's event order.

const stream = require('stream');
const { TCP, TCPConnectWrap, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, PipeConnectWrap, constants: PipeConstants } = internalBinding('pipe_wrap');
const { ShutdownWrap } = internalBinding('stream_wrap');
const { guessHandleType } = internalBinding('util');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_FD_TYPE, ERR_MISSING_ARGS,
    ERR_SOCKET_CLOSED, ERR_SOCKET_CLOSED_BEFORE_CONNECTION, ERR_INVALID_IP_ADDRESS, ERR_INVALID_ADDRESS_FAMILY,
  },
} = require('internal/errors');
const { validateNumber, validateFunction, validateString, validateInt32 } =
  require('internal/validators');
const { isIP } = require('internal/net/is_ip');
const { Timeout, activate } = require('internal/timers');
const { errnoException, exceptionWithHostPort } = require('internal/net/exceptions');
const { kNormalizedArgs, normalizeArgs, validatePort } = require('internal/net/normalize');
const {
  kOwner, kUpdateTimer, kAfterAsyncWrite, kHandle, kBuffer, kBufferCb, kPending,
  drainUserBuffer, writeGeneric, writevGeneric, onStreamRead,
} = require('internal/stream_base_commons');

const UV_ENOTCONN = -107;
const kTimeout = Symbol('timeout');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');

function noop() {}

// A handle for an inherited descriptor (stdio, options.fd).
function createHandle(fd, isServer) {
  const type = guessHandleType(fd);
  if (type === 'PIPE' || type === 'UNIX') {
    return new Pipe(isServer ? PipeConstants.SERVER : PipeConstants.SOCKET);
  }
  if (type === 'TCP') return new TCP(isServer ? TCPConstants.SERVER : TCPConstants.SOCKET);
  throw new ERR_INVALID_FD_TYPE(type);
}

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  this.connecting = false;
  this._hadError = false;
  this._handle = null;
  this._parent = null;
  this._host = null;
  this._peername = null;
  this._sockname = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;

  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  if (options.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode, 'is not supported');
  } else if (options.readableObjectMode || options.writableObjectMode) {
    const name = options.readableObjectMode ? 'readableObjectMode' : 'writableObjectMode';
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, options[name], 'is not supported');
  }
  // Sockets end their writable side when the readable one ends unless allowHalfOpen.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;  // 'close' comes from the handle's close callback.
  options.autoDestroy = true;
  options.decodeStrings = false;
  stream.Duplex.call(this, options);

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    validateInt32(fd, 'fd', 0);
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw errnoException(err, 'open');
    // Pipes given as stdout/stderr are written synchronously, as Node does.
    if ((fd === 1 || fd === 2) && this._handle instanceof Pipe) this._handle.setBlocking(true);
  }
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = Math.max(0, ~~(options.keepAliveInitialDelay / 1000));

  const { onread } = options;
  if (onread !== null && typeof onread === 'object' && typeof onread.callback === 'function' &&
      (onread.buffer instanceof Uint8Array || typeof onread.buffer === 'function')) {
    // Reads go to the caller's buffer and callback instead of 'data'.
    this[kBuffer] = onread.buffer;
    this[kBufferCb] = onread.callback;
  }

  this.on('end', onReadableStreamEnd);
  initSocketHandle(this);

  // A handle we were given is already connected: start reading unless told not to.
  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }
  this.server = null;
  this._server = null;
}
Object.setPrototypeOf(Socket.prototype, stream.Duplex.prototype);
Object.setPrototypeOf(Socket, stream.Duplex);

function initSocketHandle(self) {
  self._undestroy();
  self._sockname = null;
  const handle = self._handle;
  if (handle) {
    handle[kOwner] = self;
    handle.onread = onStreamRead;
  }
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return stream.Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === 'function') cb = encoding;
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Object.defineProperty(Socket.prototype, kHandle, {
  get() { return this._handle; },
  set(value) { this._handle = value; },
  configurable: true,
});

Socket.prototype[kUpdateTimer] = function() { this._unrefTimer(); };

Socket.prototype[kAfterAsyncWrite] = function() { this[kLastWriteQueueSize] = 0; };

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype.setTimeout = function(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  validateNumber(msecs, 'msecs', 0);
  if (callback !== undefined) validateFunction(callback, 'callback');
  clearTimeout(this[kTimeout]);
  this[kTimeout] = null;
  if (msecs === 0) {
    if (callback !== undefined) this.removeListener('timeout', callback);
  } else {
    // Unreferenced from the start (Node's setUnrefTimeout): no ref/unref round trip to
    // the loop's timer handle each time an HTTP connection goes idle.
    const timer = new Timeout(() => this._onTimeout(), msecs, undefined, false, false);
    activate(timer);
    this[kTimeout] = timer;
    if (callback !== undefined) this.once('timeout', callback);
  }
  return this;
};

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    // A write is still draining: that is activity, not idleness.
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function(enable) {
  const value = enable === undefined ? true : !!enable;
  if (!this._handle) {
    this[kSetNoDelay] = value;
    return this;
  }
  if (this._handle.setNoDelay && value !== this[kSetNoDelay]) {
    this[kSetNoDelay] = value;
    this._handle.setNoDelay(value);
  }
  return this;
};

Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = Math.max(0, ~~(initialDelayMsecs / 1000));
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

Socket.prototype.address = function() { return this._getsockname(); };

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (!this._sockname) {
    const out = {};
    if (this._handle.getsockname(out) !== 0) return {};
    this._sockname = out;
  }
  return this._sockname;
};

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  }
  if (!this._peername) {
    const out = {};
    if (this._handle.getpeername(out) !== 0) return out;
    this._peername = out;
  }
  return this._peername;
};

function getter(name, fn) {
  Object.defineProperty(Socket.prototype, name, { get: fn, configurable: true });
}
getter('_connecting', function() { return this.connecting; });
getter('pending', function() { return !this._handle || this.connecting; });
getter('readyState', function() {
  if (this.connecting) return 'opening';
  if (this.readable && this.writable) return 'open';
  if (this.readable && !this.writable) return 'readOnly';
  if (!this.readable && this.writable) return 'writeOnly';
  return 'closed';
});
getter('bufferSize', function() {
  return this._handle ? this.writableLength : undefined;
});
getter('remoteAddress', function() { return this._getpeername().address; });
getter('remoteFamily', function() { return this._getpeername().family; });
getter('remotePort', function() { return this._getpeername().port; });
getter('localAddress', function() { return this._getsockname().address; });
getter('localPort', function() { return this._getsockname().port; });
getter('localFamily', function() { return this._getsockname().family; });
getter('bytesRead', function() {
  return this._handle ? this._handle.bytesRead : this[kBytesRead];
});
getter('bytesWritten', function() {
  let bytes = this._handle ? this._handle.bytesWritten : this[kBytesWritten];
  const { Buffer } = require('buffer');
  const pending = this.writableBuffer || [];
  for (const el of pending) {
    bytes += typeof el.chunk === 'string' ? Buffer.byteLength(el.chunk, el.encoding)
      : el.chunk.length;
  }
  const data = this._pendingData;
  if (Array.isArray(data)) {
    for (const el of data) {
      bytes += typeof el.chunk === 'string' ? Buffer.byteLength(el.chunk, el.encoding)
        : el.chunk.length;
    }
  } else if (data) {
    bytes += typeof data === 'string' ? Buffer.byteLength(data, this._pendingEncoding)
      : data.length;
  }
  return bytes;
});

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

// With onread's own buffer there is no Readable buffer to fill: reading follows
// pause()/resume() directly.
Socket.prototype.pause = function() {
  if (this[kBuffer] && !this.connecting && this._handle && this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) {
      const err = this._handle.readStop();
      if (err) this.destroy(errnoException(err, 'read'));
    }
  }
  return stream.Duplex.prototype.pause.call(this);
};

Socket.prototype.resume = function() {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
    if (this[kPending]) process.nextTick(drainUserBuffer, this);
  }
  return stream.Duplex.prototype.resume.call(this);
};

Socket.prototype.read = function(n) {
  if (this[kBuffer] && !this.connecting && this._handle && !this._handle.reading) {
    tryReadStart(this);
  }
  return stream.Duplex.prototype.read.call(this, n);
};

Socket.prototype.end = function(data, encoding, callback) {
  stream.Duplex.prototype.end.call(this, data, encoding, callback);
  return this;
};

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype._final = function(cb) {
  if (this.pending) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!this._handle) return cb();
  const req = new ShutdownWrap();
  req.oncomplete = afterShutdown;
  req.handle = this._handle;
  req.callback = cb;
  const err = this._handle.shutdown(req);
  if (err === UV_ENOTCONN) return cb();
  if (err !== 0) return cb(errnoException(err, 'shutdown'));
};

function afterShutdown() {
  this.callback();
}

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    function onClose() { cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION()); }
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();
  const req = writev ? writevGeneric(this, data, cb) : writeGeneric(this, data, encoding, cb);
  if (req.async) this[kLastWriteQueueSize] = req.bytes;
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  for (let s = this; s !== null; s = s._parent) {
    clearTimeout(s[kTimeout]);
    s[kTimeout] = null;
  }
  if (this._handle) {
    const isException = Boolean(exception);
    // Still readable after destroy(), as in Node.
    this[kBytesRead] = this._handle.bytesRead;
    this[kBytesWritten] = this._handle.bytesWritten;
    this._handle.close(() => { this.emit('close', isException); });
    this._handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(() => this.emit('close', Boolean(exception)));
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

Socket.prototype.connect = function(...args) {
  const normalized = args[0] && args[0][kNormalizedArgs] ? args[0] : normalizeArgs(args);
  const [options, cb] = normalized;
  if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  const { path } = options;
  const pipe = !!path;
  if (!pipe && options.port === undefined) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (!this._handle) {
    this._handle = pipe ? new Pipe(PipeConstants.SOCKET) : new TCP(TCPConstants.SOCKET);
    initSocketHandle(this);
  }
  if (cb !== null) this.once('connect', cb);
  if (options.timeout) this.setTimeout(options.timeout);
  this._unrefTimer();
  this.connecting = true;
  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    require('internal/net/connect').lookupAndConnect(this, options);
  }
  return this;
};

// Connects the handle to an address already resolved (or a pipe path).
// `onfailure(status)` may take over a failed connect (returns true), for retries.
function internalConnect(self, address, port, addressType, localAddress, localPort,
                         onfailure) {
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress = localAddress || '0.0.0.0';
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress = localAddress || '::';
      err = self._handle.bind6(localAddress, localPort, 0);
    }
    if (err) {
      self.destroy(exceptionWithHostPort(err, 'bind', localAddress, localPort));
      return;
    }
  }
  let req;
  if (addressType === 6 || addressType === 4) {
    req = new TCPConnectWrap();
    req.port = port;
    req.localAddress = localAddress;
    req.localPort = localPort;
    req.addressType = addressType;
  } else {
    req = new PipeConnectWrap();
  }
  req.oncomplete = afterConnect;
  req.address = address;
  req.onfailure = onfailure;
  if (addressType === 4) err = self._handle.connect(req, address, port);
  else if (addressType === 6) err = self._handle.connect6(req, address, port);
  else err = self._handle.connect(req, address);
  if (err) {
    const sockname = self._getsockname();
    const details = sockname.address ? `${sockname.address}:${sockname.port}` : undefined;
    self.destroy(exceptionWithHostPort(err, 'connect', address, port, details));
  }
}

function afterConnect(status, handle, req, readable, writable) {
  const self = handle[kOwner];
  if (self === undefined || self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) self.end();
    self._unrefTimer();
    if (self[kSetNoDelay] && self._handle.setNoDelay) self._handle.setNoDelay(true);
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }
    self.emit('connect');
    self.emit('ready');
    // Start reading, or get an immediate EOF.
    if (readable && !self.isPaused()) self.read(0);
    return;
  }
  if (req.onfailure && req.onfailure(status)) return;
  let details;
  if (req.localAddress && req.localPort) details = `${req.localAddress}:${req.localPort}`;
  const ex = exceptionWithHostPort(status, 'connect', req.address, req.port, details);
  if (details) {
    ex.localAddress = req.localAddress;
    ex.localPort = req.localPort;
  }
  self.destroy(ex);
}

module.exports = {
  Socket,
  createHandle,
  internalConnect,
  ERR_INVALID_IP_ADDRESS,
  ERR_INVALID_ADDRESS_FAMILY,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  isIP,
  validatePort,
  kOwner,
};
