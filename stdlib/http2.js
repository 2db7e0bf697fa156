'use strict';
// node:http2: servers (h2c over net, h2 over TLS with ALPN and an HTTP/1 fallback),
// http2.connect, and the settings helpers. Sessions and streams live in
// internal/http2/core.js, the (req, res) compatibility API in internal/http2/compat.js.

const net = require('net');
const tls = require('tls');
const { codes } = require('internal/errors');
const {
  ClientHttp2Session, ClientHttp2Stream, Http2Session, Http2Stream, ServerHttp2Session,
  ServerHttp2Stream,
} = require('internal/http2/core');
const { Http2ServerRequest, Http2ServerResponse } = require('internal/http2/compat');
const {
  constants, getDefaultSettings, getPackedSettings, getUnpackedSettings, sensitiveHeaders,
  validateSettings,
} = require('internal/http2/util');

const { ERR_INVALID_ARG_TYPE, ERR_HTTP2_UNSUPPORTED_PROTOCOL } = codes;

function initializeOptions(options) {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  validateSettings(options.settings, 'options.settings');
  const { validateUint32 } = require('internal/validators');
  for (const key of ['maxSessionInvalidFrames', 'maxSessionRejectedStreams']) {
    if (options[key] !== undefined) validateUint32(options[key], key);
  }
  return { ...options };
}

function onStreamForCompat(server, stream, headers, flags, rawHeaders) {
  const Request = server._h2Options.Http2ServerRequest || Http2ServerRequest;
  const Response = server._h2Options.Http2ServerResponse || Http2ServerResponse;
  const req = new Request(stream, headers, undefined, rawHeaders);
  const res = new Response(stream);
  req.res = res;
  res.req = req;
  if (headers.expect !== undefined) {
    if (/^100-continue$/i.test(headers.expect)) {
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
        return;
      }
      res.writeContinue();
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
      return;
    } else {
      res.statusCode = 417;
      res.end();
      return;
    }
  }
  server.emit('request', req, res);
}

function setupSession(server, socket) {
  const session = new ServerHttp2Session(server._h2Options, socket, server);
  server._sessions.add(session);
  session.on('close', () => server._sessions.delete(session));
  session.on('stream', (stream, headers, flags, raw) => {
    stream._sendDate = true;
    if (server.listenerCount('stream') > 0) server.emit('stream', stream, headers, flags, raw);
    if (server.listenerCount('request') > 0) {
      onStreamForCompat(server, stream, headers, flags, raw);
    }
  });
  session.on('error', (err) => {
    if (server.listenerCount('sessionError') > 0) server.emit('sessionError', err, session);
  });
  session.on('timeout', () => {
    if (server.listenerCount('timeout') > 0) server.emit('timeout', session);
    else session.destroy();
  });
  if (server.timeout > 0) session.setTimeout(server.timeout);
  server.emit('session', session);
  session._flush();
  return session;
}

function closeSessions(server) {
  for (const session of server._sessions) session.close();
}

class Http2Server extends net.Server {
  constructor(options, requestListener) {
    super({ allowHalfOpen: options.allowHalfOpen === true });
    this._h2Options = options;
    this._sessions = new Set();
    this.timeout = 0;
    this.on('connection', (socket) => setupSession(this, socket));
    if (typeof requestListener === 'function') this.on('request', requestListener);
  }
}

// What node:http's connection listener expects of its server, for allowHTTP1.
function setupHttp1(server, options) {
  const httpServer = require('internal/http/server');
  const { kIncomingMessage } = require('internal/http/common');
  const { kUniqueHeaders } = require('internal/http/outgoing');
  const timeouts = require('internal/http/server_timeouts');
  server[kIncomingMessage] = options.Http1IncomingMessage || require('http').IncomingMessage;
  server[httpServer.kServerResponse] = options.Http1ServerResponse || httpServer.ServerResponse;
  server[httpServer.kConnections] = new Set();
  server[kUniqueHeaders] = null;
  server.requestTimeout = 300000;
  server.headersTimeout = 60000;
  server.keepAliveTimeout = 5000;
  server.connectionsCheckingInterval = 30000;
  server.requireHostHeader = true;
  server.rejectNonStandardBodyWrites = false;
  server.maxHeadersCount = null;
  server.maxRequestsPerSocket = 0;
  server.httpAllowHalfOpen = false;
  server.on('listening', timeouts.setupConnectionsTracking);
}

class Http2SecureServer extends tls.Server {
  constructor(options, requestListener) {
    const tlsOptions = { ...options };
    const alpn = ['h2'];
    if (options.allowHTTP1) alpn.push('http/1.1');
    if (!tlsOptions.ALPNCallback) tlsOptions.ALPNProtocols = alpn;
    super(tlsOptions);
    this._h2Options = options;
    this._sessions = new Set();
    this.timeout = 0;
    if (options.allowHTTP1 === true) setupHttp1(this, options);
    this.on('secureConnection', (socket) => {
      if (socket.alpnProtocol === 'h2') {
        setupSession(this, socket);
        return;
      }
      if (options.allowHTTP1 === true) {
        require('internal/http/server')._connectionListener.call(this, socket);
        return;
      }
      if (this.listenerCount('unknownProtocol') > 0) {
        this.emit('unknownProtocol', socket);
      } else {
        socket.destroy();
      }
    });
    if (typeof requestListener === 'function') this.on('request', requestListener);
  }
}

// What both server classes add to their (different) base classes.
const serverMethods = {
  setTimeout(msecs, callback) {
    this.timeout = msecs;
    if (callback !== undefined) {
      if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
      this.on('timeout', callback);
    }
    return this;
  },

  updateSettings(settings) {
    validateSettings(settings);
    this._h2Options.settings = { ...this._h2Options.settings, ...settings };
  },

  close(callback) {
    closeSessions(this);
    // tls.Server inherits close() from net.Server.
    return net.Server.prototype.close.call(this, callback);
  },

  async [Symbol.asyncDispose]() {
    return new Promise((resolve) => this.close(resolve));
  },
};
for (const Server of [Http2Server, Http2SecureServer]) {
  for (const key of Reflect.ownKeys(serverMethods)) {
    Object.defineProperty(Server.prototype, key, {
      ...Object.getOwnPropertyDescriptor(serverMethods, key), enumerable: false,
    });
  }
}

function createServer(options, handler) {
  if (typeof options === 'function') {
    handler = options;
    options = {};
  }
  return new Http2Server(initializeOptions(options), handler);
}

function createSecureServer(options, handler) {
  if (typeof options === 'function') {
    handler = options;
    options = {};
  }
  return new Http2SecureServer(initializeOptions(options), handler);
}

function connect(authority, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = initializeOptions(options);
  if (typeof authority === 'string') authority = new URL(authority);
  if (authority === null || typeof authority !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('authority', ['string', 'URL'], authority);
  }
  const protocol = authority.protocol || options.protocol || 'https:';
  const port = `${options.port !== undefined ? options.port :
    authority.port === '' || authority.port === undefined ?
      (protocol === 'http:' ? 80 : 443) : authority.port}`;
  let host = 'localhost';
  if (options.host) {
    host = options.host;
  } else if (authority.hostname) {
    host = authority.hostname;
    if (host[0] === '[') host = host.slice(1, -1);
  } else if (authority.host) {
    host = authority.host;
  }
  let socket;
  if (typeof options.createConnection === 'function') {
    socket = options.createConnection(authority, options);
  } else if (protocol === 'http:') {
    socket = net.connect({ port: +port, host, ...options.socketOptions });
  } else if (protocol === 'https:') {
    socket = tls.connect({
      port: +port, host, ALPNProtocols: ['h2'],
      servername: net.isIP(host) ? undefined : host, ...options,
    });
  } else {
    throw new ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol);
  }
  const session = new ClientHttp2Session(options, socket);
  session._authority = `${host.includes(':') ? `[${host}]` : host}` +
    ((protocol === 'http:' && port === '80') || (protocol === 'https:' && port === '443') ?
      '' : `:${port}`);
  session._scheme = protocol.slice(0, -1);
  const ready = () => {
    session.connecting = false;
    if (socket.alpnProtocol) session.alpnProtocol = socket.alpnProtocol;
    session.encrypted = !!socket.encrypted;
    if (!session.destroyed) {
      session._flush();
      session.emit('connect', session, socket);
    }
  };
  const connectingNow = socket.connecting || (socket.encrypted && !socket._secureEstablished &&
    socket.alpnProtocol === undefined);
  if (connectingNow || socket.pending) {
    session.connecting = true;
    socket.once(socket.encrypted || protocol === 'https:' && !options.createConnection ?
      'secureConnect' : 'connect', ready);
  } else {
    process.nextTick(ready);
  }
  if (typeof listener === 'function') session.once('connect', listener);
  return session;
}

Object.defineProperty(connect, require('util').promisify.custom, {
  __proto__: null,
  value(authority, options) {
    return new Promise((resolve) => {
      const session = connect(authority, options, () => resolve(session));
    });
  },
});

function performServerHandshake(socket, options = {}) {
  return new ServerHttp2Session(initializeOptions(options), socket, undefined);
}

module.exports = {
  connect,
  constants,
  createServer,
  createSecureServer,
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  performServerHandshake,
  sensitiveHeaders,
  Http2ServerRequest,
  Http2ServerResponse,
};
// Not exported by Node, kept reachable for instanceof checks in stdlib.
Object.defineProperty(module.exports, '_internal', {
  value: { Http2Session, Http2Stream, ServerHttp2Stream, ClientHttp2Stream },
  enumerable: false,
});
