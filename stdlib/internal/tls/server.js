'use strict';
// tls.Server (a net.Server that wraps each accepted socket in a server-side TLSSocket and
// emits 'secureConnection') and tls.connect.

const net = require('net');
const { Buffer } = require('buffer');
const {
  codes: { ERR_TLS_REQUIRED_SERVER_NAME, ERR_TLS_HANDSHAKE_TIMEOUT },
} = require('internal/errors');
const assert = require('assert');
const { validateBuffer, validateFunction, validateNumber } = require('internal/validators');
const { createSecureContext } = require('internal/tls/secure_context');
const { convertALPNProtocols } = require('internal/tls/common');
const { TLSSocket, kFromTlsServer } = require('internal/tls/socket');

const kContexts = Symbol('kContexts');

// Sets up tls.Server state on `server` (a net.Server); https.Server uses it too.
function initTlsServer(server, options) {
  server._contexts = server[kContexts] = [];
  if (options.SNICallback != null) validateFunction(options.SNICallback, 'options.SNICallback');
  server.setSecureContext(options);
  server._sniCallback = options.SNICallback || defaultSNICallback;
  if (options.handshakeTimeout !== undefined) {
    validateNumber(options.handshakeTimeout, 'options.handshakeTimeout');
  }
  server.handshakeTimeout = options.handshakeTimeout || 120 * 1000;
  server.on('connection', tlsConnectionListener);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null) {
    options = {};
  }
  net.Server.call(this, options);
  initTlsServer(this, options);
  if (listener) this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.setSecureContext = function(options) {
  this._options = { ...options };
  const o = this._options;
  // Servers prefer their own cipher order unless told otherwise, as in Node.
  if (o.honorCipherOrder === undefined) o.honorCipherOrder = true;
  this.requestCert = o.requestCert === true;
  this.rejectUnauthorized = this.requestCert ? o.rejectUnauthorized !== false : false;
  if (o.ALPNProtocols) convertALPNProtocols(o.ALPNProtocols, o);
  if (!o.sessionIdContext) {
    o.sessionIdContext = require('crypto').createHash('sha1')
      .update(process.argv.join(' ')).digest('hex').slice(0, 32);
  }
  this._sharedCreds = createSecureContext(o);
};

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const re = new RegExp('^' + servername.replace(/([.^$+?\-\\[\]{}])/g, '\\$1')
    .replace(/\*/g, '[^.]*') + '$', 'i');
  const ctx = context && context.context ? context : createSecureContext(context);
  this[kContexts].push([re, ctx]);
};

Server.prototype.getTicketKeys = function() {
  return Buffer.from(this._sharedCreds.context.getTicketKeys());
};

Server.prototype.setTicketKeys = function(keys) {
  validateBuffer(keys, 'keys');
  assert(keys.byteLength === 48, 'Session ticket keys must be a 48-byte buffer');
  this._sharedCreds.context.setTicketKeys(keys);
};

function defaultSNICallback(servername, cb) {
  let ctx;
  for (const [re, c] of this[kContexts] || []) {
    if (re.test(servername)) ctx = c;
  }
  cb(null, ctx);
}

function tlsConnectionListener(raw) {
  const server = this;
  const o = server._options;
  const socket = new TLSSocket(raw, {
    ...o,
    secureContext: server._sharedCreds,
    isServer: true,
    server,
    requestCert: server.requestCert,
    rejectUnauthorized: server.rejectUnauthorized,
    SNICallback: o.SNICallback,
  });
  socket[kFromTlsServer] = true;
  socket.server = server;
  socket._server = server;
  // As in Node, a server socket's late errors (EPIPE, ECONNRESET) never go unhandled.
  socket.on('error', () => {});
  const ssl = socket.ssl;
  if (server.listenerCount('keylog') > 0) {
    ssl.enableKeylog();
    socket.on('keylog', (line) => server.emit('keylog', line, socket));
  }
  const timer = setTimeout(() => {
    socket._tlsError = new ERR_TLS_HANDSHAKE_TIMEOUT();
    server.emit('tlsClientError', socket._tlsError, socket);
    socket.destroy();
  }, server.handshakeTimeout);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.once('secure', () => {
    clearTimeout(timer);
    server.emit('secureConnection', socket);
  });
  socket._start();
}

module.exports = { Server, initTlsServer, tlsConnectionListener };
