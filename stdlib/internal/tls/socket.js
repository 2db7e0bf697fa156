'use strict';
// tls.TLSSocket: a net.Socket whose bytes go through a TLSWrap (binding `tls_wrap`). The
// ciphertext travels over an underlying Duplex (normally a net.Socket, kept in
// this[kRaw] and as `_parent`): its 'data' feeds wrap.receive(), and wrap.onciphertext
// writes back to it. Cleartext is this Duplex's own readable and writable side.

const net = require('net');
const { Buffer } = require('buffer');
const { TLSWrap } = internalBinding('tls_wrap');
const { SecureContext: NativeSecureContext } = internalBinding('secure_context');
const { codes: { ERR_TLS_INVALID_STATE, ERR_SOCKET_CLOSED } } = require('internal/errors');
const { createSecureContext, SecureContext } = require('internal/tls/secure_context');
const { checkServerIdentity, linkCertificates } = require('internal/tls/common');

const kRaw = Symbol('kRaw');
const kPendingWrites = Symbol('kPendingWrites');
const kIsServer = Symbol('kIsServer');
const kServer = Symbol('kServer');

function connReset(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const options = { ...opts };
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
  net.Socket.call(this, {
    allowHalfOpen: socket ? socket.allowHalfOpen : options.allowHalfOpen,
    readable: true,
    writable: true,
  });
  const raw = socket instanceof require('stream').Duplex ? socket : new net.Socket();
  this[kRaw] = raw;
  this._parent = raw;
  this.connecting = Boolean(raw.connecting);
  let context = options.secureContext;
  if (!(context instanceof SecureContext) && !(context && context.context)) {
    context = createSecureContext(options);
  }
  this.ssl = this._handleTLS = new TLSWrap(context.context, this[kIsServer]);
  this.ssl.owner = this;
  wireWrap(this, this.ssl);
  wireRaw(this, raw);
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

function wireWrap(self, ssl) {
  const raw = self[kRaw];
  ssl.onciphertext = (ab) => { if (!raw.destroyed) raw.write(Buffer.from(ab)); };
  ssl.oncleartext = (ab) => {
    self._unrefTimer();
    if (!self.push(Buffer.from(ab))) raw.pause();
  };
  ssl.onsession = (ab) => self.emit('session', Buffer.from(ab));
  ssl.onkeylog = (ab) => self.emit('keylog', Buffer.from(ab));
  ssl.onclose = () => {
    self._closeNotified = true;
    self.push(null);
  };
  ssl.onerror = (err) => onTlsError(self, err);
  ssl.oncertcb = (ab) => onCertCb(self, Buffer.from(ab).toString());
  ssl.onhandshakedone = () => onHandshakeDone(self);
}

function wireRaw(self, raw) {
  raw.on('data', (chunk) => {
    self._unrefTimer();
    if (self.ssl) self.ssl.receive(chunk);
  });
  raw.on('end', () => {
    if (!self._secureEstablished) {
      onTlsError(self, connReset(
        'Client network socket disconnected before secure TLS connection was established'));
    } else if (!self._closeNotified) {
      self.push(null);
    }
  });
  raw.on('error', (err) => {
    if (!self._secureEstablished) onTlsError(self, err);
    else self.destroy(err);
  });
  raw.on('close', () => {
    if (!self._secureEstablished && !self.destroyed) {
      onTlsError(self, connReset(
        'Client network socket disconnected before secure TLS connection was established'));
    }
    if (!self.destroyed) self.destroy();
    self.emit('close', false);
  });
  raw.on('drain', () => self.emit('drain'));
}

// Errors before the handshake finished: servers report them as 'tlsClientError'.
function onTlsError(self, err) {
  if (self.destroyed) return;
  if (self[kIsServer] && !self._secureEstablished) {
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
  let once = false;
  sni.call(server, servername, (err, context) => {
    if (once || !self.ssl) return;
    once = true;
    if (err) return onTlsError(self, err);
    if (context) {
      const native = context.context || context;
      if (!(native instanceof NativeSecureContext)) {
        const { codes: { ERR_TLS_INVALID_CONTEXT } } = require('internal/errors');
        return onTlsError(self, new ERR_TLS_INVALID_CONTEXT('context'));
      }
      self.ssl.setSecureContext(native);
    }
    self.ssl.certCbDone();
  });
}

function onHandshakeDone(self) {
  const ssl = self.ssl;
  self._secureEstablished = true;
  self.secureConnecting = false;
  self.alpnProtocol = ssl.getALPNNegotiatedProtocol();
  self.servername = ssl.getServername() || self.servername;
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
      return onTlsError(self, self._verifyError);
    }
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
  if (raw.connecting) {
    raw.once('connect', () => {
      this.connecting = false;
      this.emit('connect');
      this._start();
    });
    return;
  }
  this.connecting = false;
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

TLSSocket.prototype._read = function() {
  const raw = this[kRaw];
  if (raw.isPaused && raw.isPaused()) raw.resume();
};

TLSSocket.prototype._write = function(chunk, encoding, cb) {
  if (!this._secureEstablished) {
    this[kPendingWrites].push([chunk, encoding, cb]);
    return;
  }
  if (!this.ssl) return cb(new ERR_SOCKET_CLOSED());
  this._unrefTimer();
  const buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
  this.ssl.write(buf);
  const raw = this[kRaw];
  if (raw.writableNeedDrain) raw.once('drain', () => cb());
  else process.nextTick(cb);
};

TLSSocket.prototype._writev = null;

TLSSocket.prototype._final = function(cb) {
  const raw = this[kRaw];
  if (!this._secureEstablished) {
    this.once('secure', () => this._final(cb));
    this.once('secureConnect', () => this._final(cb));
    return;
  }
  if (this.ssl) this.ssl.shutdown();
  raw.end();
  cb();
};

TLSSocket.prototype._destroy = function(err, cb) {
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

for (const name of ['bytesRead', 'bytesWritten']) {
  Object.defineProperty(TLSSocket.prototype, name, {
    get() { return this[kRaw][name]; }, configurable: true,
  });
}
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
  const list = this.ssl && this.ssl.getCertificate();
  return list ? linkCertificates(list, false) : null;
};
TLSSocket.prototype.getCipher = function() {
  const c = this.ssl && this.ssl.getCipher();
  return c ? { name: c[0], standardName: c[1], version: c[2] } : null;
};
TLSSocket.prototype.getProtocol = function() { return this.ssl ? this.ssl.getProtocol() : null; };
TLSSocket.prototype.getSession = function() {
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
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  return Buffer.from(this.ssl.exportKeyingMaterial(length, label, context));
};
TLSSocket.prototype.setMaxSendFragment = function(size) {
  return Boolean(this.ssl && this.ssl.setMaxSendFragment(size));
};
TLSSocket.prototype.setServername = function(name) {
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
TLSSocket.prototype.getEphemeralKeyInfo = function() { return this[kIsServer] ? null : {}; };
TLSSocket.prototype.getSharedSigalgs = function() { return []; };
TLSSocket.prototype.getTLSTicket = function() { return undefined; };
TLSSocket.prototype.disableRenegotiation = function() {};
TLSSocket.prototype.renegotiate = function(options, cb) {
  if (typeof cb === 'function') process.nextTick(cb, new Error('Renegotiation is not supported'));
  return false;
};
TLSSocket.prototype.enableTrace = function() {};

module.exports = { TLSSocket, kRaw };
