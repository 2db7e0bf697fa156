'use strict';
// tls.TLSSocket: a net.Socket whose bytes go through a TLSWrap (binding `tls_wrap`). The
// ciphertext travels over an underlying Duplex (normally a net.Socket, kept in
// this[kRaw] and as `_parent`): its 'data' feeds wrap.receive(), and wrap.onciphertext
// writes back to it; over a plain TCP socket the wrap reads and writes that socket's
// handle itself (attachHandle). Cleartext is this Duplex's own readable and writable side.

const net = require('net');
const ReflectApply = Reflect.apply;
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { kBuffer, kOwner, onStreamRead } = require('internal/stream_base_commons');
const { errnoException } = require('internal/net/exceptions');
const { TLSWrap } = internalBinding('tls_wrap');
const { SecureContext: NativeSecureContext } = internalBinding('secure_context');
const {
  codes: {
    ERR_TLS_INVALID_CONTEXT, ERR_TLS_INVALID_STATE, ERR_SOCKET_CLOSED, ERR_TLS_DH_PARAM_SIZE,
  },
} = require('internal/errors');
const {
  validateBuffer, validateFunction, validateInt32, validateObject, validateString,
  validateUint32,
} = require('internal/validators');
const { createSecureContext } = require('internal/tls/secure_context');
const { keylogFile } = require('internal/tls/cli');
const {
  checkServerIdentity, convertALPNProtocols, linkCertificates,
} = require('internal/tls/common');

const kRaw = Symbol('kRaw');
const kPendingWrites = Symbol('kPendingWrites');
const kIsServer = Symbol('kIsServer');
const kServer = Symbol('kServer');
const kEmittingSession = Symbol('kEmittingSession');
const kSniError = Symbol('kSniError');
const kReleased = Symbol('kReleased');
const kOnread = Symbol('kOnread');
// The raw socket's handle when its reads bypass raw's Readable (see attachHandle),
// whether the wrap still reads and writes it itself, and the _write callback waiting
// for the wrap's queued writes.
const kDirect = Symbol('kDirect');
const kAttached = Symbol('kAttached');
const kWriteCb = Symbol('kWriteCb');
// Set on sockets a tls.Server made: their handshake errors go to 'tlsClientError'.
const kFromTlsServer = Symbol('kFromTlsServer');
// Cleartext bytes received and handed to the wrap for encryption: a TLSSocket's
// bytesRead and bytesWritten count these, as Node's do, not the ciphertext on the wire.
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');

function connReset(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

// The error of a connection that ended before the handshake finished; a client's names
// where it was going, as Node's does.
function earlyEnd(self) {
  if (self[kIsServer]) return connReset('socket hang up');
  const err = connReset(
    'Client network socket disconnected before secure TLS connection was established');
  {
    const opts = self._tlsOptions;
    err.path = opts.path;
    err.host = opts.host;
    err.port = opts.port;
    err.localAddress = opts.localAddress;
  }
  return err;
}

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const options = { ...opts };
  if (options.SNICallback != null) validateFunction(options.SNICallback, 'options.SNICallback');
  this._tlsOptions = options;
  this._secureEstablished = false;
  this._closeNotified = false;
  this.secureConnecting = true;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this.encrypted = true;
  this[kIsServer] = Boolean(options.isServer);
  this[kServer] = options.server || null;
  this[kPendingWrites] = [];
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
  const onread = options.onread;
  if (onread !== null && typeof onread === 'object' && onread.buffer &&
      typeof onread.callback === 'function') {
    this[kOnread] = {
      buffer: onread.buffer, callback: onread.callback, queue: [], paused: false, ended: false,
    };
  }
  net.Socket.call(this, {
    allowHalfOpen: socket ? socket.allowHalfOpen : options.allowHalfOpen,
    highWaterMark: options.highWaterMark,
    readable: true,
    writable: true,
  });
  // A socket of our own stays half-open: the TLSSocket's allowHalfOpen decides (through
  // net.Socket's end handling) when the writable side closes.
  const raw = socket instanceof require('stream').Duplex ? socket :
    new net.Socket({ allowHalfOpen: true });
  this[kRaw] = raw;
  this._parent = raw;
  this.connecting = Boolean(raw.connecting);
  let context = options.secureContext || options.credentials;
  if (!context) context = createSecureContext(options);
  if (!(context.context instanceof NativeSecureContext)) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  this.ssl = this._handleTLS = new TLSWrap(context.context, this[kIsServer]);
  this.ssl.owner = this;
  if (this[kIsServer]) {
    const ssl = this.ssl;
    if (options.SNICallback || this[kServer]) ssl.enableCertCb();
    ssl.setVerifyMode(Boolean(options.requestCert), Boolean(options.rejectUnauthorized));
    if (options.ALPNProtocols) {
      const out = {};
      convertALPNProtocols(options.ALPNProtocols, out);
      ssl.setALPNProtocols(out.ALPNProtocols);
    }
  }
  wireWrap(this, this.ssl);
  wireRaw(this, raw);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

function wireWrap(self, ssl) {
  const raw = self[kRaw];
  // A close_notify produced after the peer's FIN has nowhere to go: drop it rather than
  // write after end (which would surface as EPIPE).
  ssl.onciphertext = (ab) => {
    if (raw.destroyed || raw.writableEnded) return;
    raw.write(new FastBuffer(ab));
  };
  // Direct writes: the last queued one finished (status 0), or one failed.
  ssl.onwritedone = (status) => {
    const cb = self[kWriteCb];
    self[kWriteCb] = null;
    if (status < 0) {
      const err = errnoException(status, 'write');
      raw.destroy(err);
      if (cb !== null && cb !== undefined) cb(err);
    } else if (cb !== null && cb !== undefined) {
      cb();
    }
  };
  // A slice of the wrap's cleartext pool.
  ssl.oncleartext = (pool, offset, length) => {
    self._unrefTimer();
    self[kBytesRead] += length;
    const buf = new FastBuffer(pool, offset, length);
    if (self[kOnread]) {
      self[kOnread].queue.push(Buffer.from(buf));
      deliverOnread(self);
    } else if (!pushCleartext(self, buf)) {
      pauseRaw(self, raw);
    }
  };
  // The wrap reports sessions after the read that produced them; while one is being
  // emitted, getSession() returns it (TLS 1.3 servers send several tickets at once).
  ssl.onsession = (ab) => {
    const session = Buffer.from(ab);
    self[kEmittingSession] = session;
    try {
      self.emit('session', session);
    } finally {
      self[kEmittingSession] = undefined;
    }
  };
  ssl.onkeylog = (ab) => self.emit('keylog', Buffer.from(ab));
  const keylog = keylogFile();
  if (keylog) {
    if (!warnedKeylog) {
      warnedKeylog = true;
      process.emitWarning('Using --tls-keylog makes TLS connections insecure by writing ' +
        `secret key material to file ${keylog}`);
    }
    ssl.enableKeylog();
    self.on('keylog', (line) => appendKeylog(keylog, line));
  }
  ssl.onclose = () => {
    self._closeNotified = true;
    pushEnd(self);
  };
  ssl.onerror = (err) => onTlsError(self, self[kSniError] || err);
  ssl.oncertcb = (ab) => onCertCb(self, Buffer.from(ab).toString());
  ssl.onhandshakedone = () => onHandshakeDone(self);
}

// push(), or while the socket flows with nothing buffered to a single plain 'data'
// listener (an http server's parser), the 'data' event itself: what push() would do in
// that state, without its per-chunk bookkeeping and read-ahead tick. Reading goes on
// anyway (the handle or raw socket keeps flowing until pauseRaw).
function pushCleartext(self, buf) {
  const state = self._readableState;
  if (state.flowing === true && state.length === 0 && !state.sync && state.decoder === null &&
      !state.ended && !state.destroyed && state.errored === null &&
      state.awaitDrainWriters === null && !state.multiAwaitDrain &&
      self.listenerCount('data') === 1) {
    state.reading = false;
    state.dataEmitted = true;
    self.emit('data', buf);
    return true;
  }
  return self.push(buf);
}

// --tls-keylog=FILE: each line is appended as it comes (mode 0600 for a new file), with
// Node's two warnings, each given once.
let warnedKeylog = false;
let warnedKeylogError = false;
function appendKeylog(file, line) {
  require('fs').appendFile(file, line, { mode: 0o600 }, (err) => {
    if (err && !warnedKeylogError) {
      warnedKeylogError = true;
      process.emitWarning(`Failed to write TLS keylog (this warning will not be repeated): ${err}`);
    }
  });
}

// The end of the cleartext; with an `onread` option, after the queued bytes are handed
// out.
function pushEnd(self) {
  const onread = self[kOnread];
  if (onread) {
    onread.ended = true;
    deliverOnread(self);
    return;
  }
  self.push(null);
  // 'end' follows even when nobody reads, as Node's sockets do.
  if (!self.readableFlowing) self.read(0);
}

// The `onread` option: cleartext goes to callback(nread, buffer) through the caller's
// buffer instead of 'data'; pause() or a callback returning false holds it back.
function deliverOnread(self) {
  const onread = self[kOnread];
  while (onread.queue.length > 0 && !onread.paused && !self.destroyed) {
    const chunk = onread.queue[0];
    const buf = typeof onread.buffer === 'function' ? onread.buffer() : onread.buffer;
    const n = Math.min(buf.length, chunk.length);
    buf.set(chunk.subarray(0, n));
    if (n === chunk.length) onread.queue.shift();
    else onread.queue[0] = chunk.subarray(n);
    if (onread.callback.call(self, n, buf) === false) onread.paused = true;
  }
  if (onread.queue.length === 0 && onread.ended) {
    onread.ended = false;
    // Node asks for a buffer for the read that meets the end as well.
    if (typeof onread.buffer === 'function') onread.buffer();
    self.push(null);
  }
}

function wireRaw(self, raw) {
  raw.on('data', (chunk) => {
    self._unrefTimer();
    if (self.ssl) self.ssl.receive(chunk);
  });
  raw.on('end', () => {
    if (!self._secureEstablished) {
      onTlsError(self, earlyEnd(self));
    } else if (!self._closeNotified) {
      pushEnd(self);
    }
  });
  raw.on('error', (err) => {
    if (!self._secureEstablished) onTlsError(self, err);
    else self.destroy(err);
  });
  raw.on('close', () => {
    if (!self._secureEstablished && !self.destroyed) {
      onTlsError(self, earlyEnd(self));
    }
    if (!self.destroyed) self.destroy();
    // A server socket that closes before 'secureConnection' without a reported error
    // (a rejected client certificate) still tells the server, as Node does.
    if (self[kFromTlsServer] && !self[kReleased] && !self._tlsError) {
      self._tlsError = connReset('socket hang up');
      self[kServer].emit('tlsClientError', self._tlsError, self);
    }
    self.emit('close', Boolean(self.errored || self._tlsError));
  });
  raw.on('drain', () => self.emit('drain'));
}

// When the underlying stream is a connected net.Socket that only we use (tls.connect to
// a host and port, a tls.Server's connection), ciphertext skips raw's Readable and
// Writable sides: the wrap reads the handle and writes its records to it itself
// (ssl.attachStream), as Node's TLSWrap does with the TCP handle. EOF and read errors
// still reach the handle's onread, so raw's 'end', 'error' and 'close' come as before.
// Reads that come the plain way (the handle restarted by someone else) still go straight
// to the wrap. The handle must be raw's own and read the plain way (not a TLSSocket's,
// whose _handle is its own raw socket's).
function attachHandle(self, raw) {
  const handle = raw._handle;
  if (!(raw instanceof net.Socket) || !handle || handle[kOwner] !== raw ||
      handle.onread !== onStreamRead || raw[kBuffer] || raw.readableLength !== 0 ||
      raw.writableLength !== 0 || raw.listenerCount('data') !== 1 ||
      !self.ssl.attachStream(handle)) {
    return;
  }
  const onread = handle.onread;
  self[kDirect] = handle;
  self[kAttached] = true;
  self[kWriteCb] = null;
  if (handle.reading) {
    const err = self.ssl.readStart();
    if (err) self.destroy(errnoException(err, 'read'));
  }
  handle.onread = function(nread, arrayBuffer) {
    if (nread > 0 && self.ssl && !raw.destroyed) {
      self._unrefTimer();
      self.ssl.receive(arrayBuffer);
      return;
    }
    return onread.call(this, nread, arrayBuffer);
  };
}

// Hands the handle back to raw before it ends or closes: later ciphertext goes through
// onciphertext (which drops it once raw has ended), reads through the handle's onread.
function detachHandle(self) {
  const handle = self[kDirect];
  if (handle === undefined || !self[kAttached]) return;
  self[kAttached] = false;
  if (self.ssl && self.ssl.detachStream() && handle.reading && self[kRaw]._handle === handle) {
    const err = handle.readStart();
    if (err) self.destroy(errnoException(err, 'read'));
  }
}

// Backpressure from the cleartext side: stop reading ciphertext until _read asks again.
function pauseRaw(self, raw) {
  const handle = self[kDirect];
  if (handle === undefined) {
    raw.pause();
  } else if (handle.reading) {
    handle.reading = false;
    if (self[kAttached] && self.ssl) self.ssl.readStop();
    else handle.readStop();
  }
}

// Errors before the handshake finished: servers report them as 'tlsClientError'.
function onTlsError(self, err) {
  if (self.destroyed) return;
  if (self[kFromTlsServer] && !self._secureEstablished) {
    self._tlsError = err;
    const server = self[kServer];
    self.destroy();
    if (server) server.emit('tlsClientError', err, self);
    return;
  }
  self.destroy(err);
}

function onCertCb(self, servername) {
  const server = self[kServer];
  const sni = self._tlsOptions.SNICallback || (server && server._sniCallback);
  if (!sni || !servername) {
    self.ssl.certCbDone();
    return;
  }
  self.servername = servername;
  let once = false;
  // As in Node, a failed SNICallback closes the connection without an alert.
  const fail = (err) => onTlsError(self, err);
  sni.call(server, servername, (err, context) => {
    if (once || !self.ssl) return;
    once = true;
    if (err) return fail(err);
    if (context) {
      const native = context.context || context;
      if (!(native instanceof NativeSecureContext)) return fail(new Error('Invalid SNI context'));
      try {
        self.ssl.setSecureContext(native);
      } catch (err) {
        // The context is in place but serves nothing: the handshake fails with an alert
        // and the socket reports this error.
        self[kSniError] = err;
      }
    }
    self.ssl.certCbDone();
  });
}

function onHandshakeDone(self) {
  const ssl = self.ssl;
  self._secureEstablished = true;
  self.secureConnecting = false;
  self.alpnProtocol = ssl.getALPNNegotiatedProtocol();
  // A server reports the client's SNI name, false without one (as Node does).
  self.servername = self[kIsServer] ? ssl.getServername() :
    ssl.getServername() || self.servername;
  const verify = ssl.verifyError();
  if (verify) {
    const err = new Error(verify[1]);
    err.code = verify[0];
    self.authorizationError = verify[0];
    self.authorized = false;
    self._verifyError = err;
  } else {
    self.authorized = true;
  }
  const opts = self._tlsOptions;
  if (self[kIsServer]) {
    if (opts.requestCert && opts.rejectUnauthorized && !self.authorized) {
      self.destroy();
      return;
    }
    self[kReleased] = true;
    self.emit('secure');
  } else {
    let err = self._verifyError;
    if (!err) {
      const host = opts.servername || opts.host || 'localhost';
      const cert = self.getPeerCertificate(true);
      err = (opts.checkServerIdentity || checkServerIdentity)(host, cert);
      if (err) {
        self.authorized = false;
        self.authorizationError = err.code || err.message;
      }
    }
    if (err && opts.rejectUnauthorized !== false) {
      self.destroy(err);
      return;
    }
    const minDHSize = opts.minDHSize ?? 1024;
    const ekeyinfo = self.getEphemeralKeyInfo();
    if (ekeyinfo && ekeyinfo.type === 'DH' && ekeyinfo.size < minDHSize) {
      self.destroy(new ERR_TLS_DH_PARAM_SIZE(ekeyinfo.size));
      return;
    }
    self.emit('secureConnect');
  }
  flushPendingWrites(self);
}

function flushPendingWrites(self) {
  const pending = self[kPendingWrites];
  self[kPendingWrites] = [];
  for (const [chunk, encoding, cb] of pending) self._write(chunk, encoding, cb);
}

// Starts the handshake once the underlying socket is connected.
TLSSocket.prototype._start = function() {
  const raw = this[kRaw];
  // A net.Socket not connected yet (connect() may follow tls.connect({ socket })) gets
  // the ClientHello once it is.
  const unconnected = raw instanceof net.Socket && !raw._handle && !raw.destroyed;
  if (raw.connecting || unconnected) {
    raw.once('connect', () => {
      this.connecting = false;
      this.emit('connect');
      this._start();
    });
    return;
  }
  this.connecting = false;
  attachHandle(this, raw);
  const opts = this._tlsOptions;
  if (!this[kIsServer]) {
    if (opts.servername) this.ssl.setServername(opts.servername);
    if (opts.ALPNProtocols) this.ssl.setALPNProtocols(opts.ALPNProtocols);
    if (opts.session) this.ssl.setSession(opts.session);
  }
  this.ssl.start();
};

// net.Socket refreshes the timers up the _parent chain, which ends at null; an
// underlying stream that is not a net.Socket has no `_parent` at all.
TLSSocket.prototype._unrefTimer = function() {
  const parent = this._parent;
  if (parent && parent._parent === undefined) {
    this._parent = null;
    net.Socket.prototype._unrefTimer.call(this);
    this._parent = parent;
  } else {
    net.Socket.prototype._unrefTimer.call(this);
  }
};

TLSSocket.prototype.pause = function() {
  if (this[kOnread]) this[kOnread].paused = true;
  return net.Socket.prototype.pause.call(this);
};

TLSSocket.prototype.resume = function() {
  const result = net.Socket.prototype.resume.call(this);
  if (this[kOnread]) {
    this[kOnread].paused = false;
    deliverOnread(this);
  }
  return result;
};

TLSSocket.prototype._read = function() {
  const raw = this[kRaw];
  const handle = this[kDirect];
  if (handle === undefined) {
    if (raw.isPaused && raw.isPaused()) raw.resume();
  } else if (!handle.reading && raw._handle === handle) {
    handle.reading = true;
    const err = this[kAttached] && this.ssl ? this.ssl.readStart() : handle.readStart();
    if (err) this.destroy(errnoException(err, 'read'));
  }
};

TLSSocket.prototype._write = function(chunk, encoding, cb) {
  if (!this._secureEstablished) {
    this[kPendingWrites].push([chunk, encoding, cb]);
    return;
  }
  if (!this.ssl) return cb(new ERR_SOCKET_CLOSED());
  writeEncrypted(this, cb, undefined,
                 typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
};

// Encrypts one buffer (or a writev list) and completes the write once the ciphertext is
// on its way. The wrap returns the cleartext byte count, or -1 - count while direct
// writes are still queued (onwritedone then completes the write); undefined once
// destroyed.
function writeEncrypted(self, cb, list, buf) {
  self._unrefTimer();
  let n = (list !== undefined ? ReflectApply(self.ssl.writev, self.ssl, list) :
    self.ssl.write(buf)) ?? 0;
  const queued = n < 0;
  if (queued) n = -1 - n;
  self[kBytesWritten] += n;
  const raw = self[kRaw];
  if (queued) self[kWriteCb] = cb;
  else if (raw.writableNeedDrain) raw.once('drain', () => cb());
  else process.nextTick(cb);
}

// The most chunks a batch passes to ssl.writev as arguments; longer ones are joined.
const kMaxWritevChunks = 1024;

function chunkLength(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
}

// Corked writes (http sends a response as head, body and trailer chunks) go out as one
// SSL_write, so one TLS record and one socket write, as Node's TLSWrap does. The wrap
// joins them itself (ssl.writev), taking strings in UTF-8 or Latin-1 as they are.
TLSSocket.prototype._writev = function(chunks, cb) {
  if (!this._secureEstablished || !this.ssl || chunks.length > kMaxWritevChunks) {
    const bufs = new Array(chunks.length);
    for (let i = 0; i < chunks.length; i++) {
      const { chunk, encoding } = chunks[i];
      bufs[i] = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    }
    this._write(bufs.length === 1 ? bufs[0] : Buffer.concat(bufs), 'buffer', cb);
    return;
  }
  const list = new Array(chunks.length * 2);
  for (let i = 0; i < chunks.length; i++) {
    const { encoding } = chunks[i];
    let { chunk } = chunks[i];
    let latin1 = false;
    if (typeof chunk === 'string') {
      switch (encoding) {
        case 'utf8': case 'utf-8': case 'buffer': case undefined: case null: break;
        case 'latin1': case 'binary': case 'ascii': latin1 = true; break;
        default: chunk = Buffer.from(chunk, encoding);
      }
    }
    list[2 * i] = chunk;
    list[2 * i + 1] = latin1;
  }
  writeEncrypted(this, cb, list);
};

TLSSocket.prototype._final = function(cb) {
  const raw = this[kRaw];
  if (!this._secureEstablished) {
    this.once('secure', () => this._final(cb));
    this.once('secureConnect', () => this._final(cb));
    return;
  }
  if (this.ssl) this.ssl.shutdown();
  detachHandle(this);
  raw.end();
  cb();
};

TLSSocket.prototype._destroy = function(err, cb) {
  detachHandle(this);
  if (this.ssl) {
    this.ssl.destroy();
    this.ssl = null;
  }
  const raw = this[kRaw];
  if (!raw.destroyed) raw.destroy();
  cb(err);
};

function delegate(name) {
  TLSSocket.prototype[name] = function(...args) {
    const raw = this[kRaw];
    if (typeof raw[name] === 'function') {
      const r = raw[name](...args);
      return r === raw ? this : r;
    }
    return name === '_getpeername' || name === '_getsockname' || name === 'address' ? {} : this;
  };
}
['_getpeername', '_getsockname', 'address', 'setNoDelay', 'setKeepAlive', 'ref', 'unref']
  .forEach(delegate);

// Cleartext counts, as Node's: bytesWritten also counts what was written but is still
// queued (before the handshake, or behind a write in progress), as net.Socket's does.
Object.defineProperty(TLSSocket.prototype, 'bytesRead', {
  get() { return this[kBytesRead]; }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'bytesWritten', {
  get() {
    let bytes = this[kBytesWritten];
    for (const [chunk, encoding] of this[kPendingWrites]) bytes += chunkLength(chunk, encoding);
    const queued = this.writableBuffer;
    if (queued) {
      for (const { chunk, encoding } of queued) bytes += chunkLength(chunk, encoding);
    }
    return bytes;
  },
  configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'bufferSize', {
  get() { return this.ssl ? this.writableLength : undefined; }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, 'pending', {
  get() { return Boolean(this[kRaw].pending); }, configurable: true,
});
Object.defineProperty(TLSSocket.prototype, '_handle', {
  get() { return this[kRaw] ? this[kRaw]._handle : null; }, set() {}, configurable: true,
});

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  const list = this.ssl && this.ssl.getPeerCertificate();
  if (!list) return this.ssl ? {} : null;
  return linkCertificates(list, detailed);
};
TLSSocket.prototype.getCertificate = function() {
  if (!this.ssl) return null;
  const list = this.ssl.getCertificate();
  return list ? linkCertificates(list, false) : {};
};
TLSSocket.prototype.getCipher = function() {
  const c = this.ssl && this.ssl.getCipher();
  return c ? { name: c[0], standardName: c[1], version: c[2] } : null;
};
TLSSocket.prototype.getProtocol = function() { return this.ssl ? this.ssl.getProtocol() : null; };
TLSSocket.prototype.getSession = function() {
  if (this[kEmittingSession]) return this[kEmittingSession];
  const ab = this.ssl && this.ssl.getSession();
  return ab ? Buffer.from(ab) : undefined;
};
TLSSocket.prototype.isSessionReused = function() {
  return this.ssl ? this.ssl.isSessionReused() : null;
};
TLSSocket.prototype.getFinished = function() {
  const ab = this.ssl && this.ssl.getFinished();
  return ab ? Buffer.from(ab) : undefined;
};
TLSSocket.prototype.getPeerFinished = function() {
  const ab = this.ssl && this.ssl.getPeerFinished();
  return ab ? Buffer.from(ab) : undefined;
};
TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  return Buffer.from(this.ssl.exportKeyingMaterial(length, label, context));
};
TLSSocket.prototype.setMaxSendFragment = function(size) {
  validateInt32(size, 'size');
  return Boolean(this.ssl && this.ssl.setMaxSendFragment(size));
};
TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this[kIsServer]) {
    const { codes: { ERR_TLS_SNI_FROM_SERVER } } = require('internal/errors');
    throw new ERR_TLS_SNI_FROM_SERVER();
  }
  this._tlsOptions.servername = name;
};
TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  this._tlsOptions.session = session;
};
TLSSocket.prototype.getEphemeralKeyInfo = function() {
  if (this[kIsServer]) return null;
  const info = this.ssl && this.ssl.getEphemeralKeyInfo();
  if (!info) return this.ssl ? {} : null;
  const [type, name, size] = info;
  return name === undefined ? { type, size } : { type, name, size };
};
TLSSocket.prototype.getSharedSigalgs = function() {
  return this.ssl ? this.ssl.getSharedSigalgs() : null;
};
TLSSocket.prototype.getTLSTicket = function() {
  const ab = this.ssl && this.ssl.getTLSTicket();
  return ab ? Buffer.from(ab) : undefined;
};
TLSSocket.prototype.disableRenegotiation = function() {};
TLSSocket.prototype.renegotiate = function(options, cb) {
  validateObject(options, 'options');
  if (cb !== undefined) validateFunction(cb, 'callback');
  // Differs from Node 20: TLS 1.2 renegotiation is not implemented; the callback hears so.
  if (typeof cb === 'function') process.nextTick(cb, new Error('Renegotiation is not supported'));
  return false;
};
TLSSocket.prototype.enableTrace = function() {};

module.exports = { TLSSocket, kRaw, kFromTlsServer };
