'use strict';
// http.Server: a net.Server whose connections are parsed into requests. Per connection:
// a pooled HTTPParser fed from the socket's 'data' events, a queue of responses so that
// pipelined requests are answered in order, read backpressure while responses are
// pending, upgrade/CONNECT hand-off, and the error answers Node sends (400, 408, 431).
// Timeouts (headersTimeout, requestTimeout, idle connections) are in server_timeouts.js.

const net = require('net');
const {
  codes: { ERR_HTTP_SOCKET_ENCODING, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateBoolean, validateInteger, validateObject } = require('internal/validators');
const {
  continueExpression, freeParser, HTTPParser, isLenient, kIncomingMessage, parsers,
  prepareError,
} = require('internal/http/common');
const { IncomingMessage, connResetException, dumpUnobserved } =
  require('internal/http/incoming');
const { kUniqueHeaders } = require('internal/http/outgoing');
const { ServerResponse, emitCloseNT } = require('internal/http/server_response');
const timeouts = require('internal/http/server_timeouts');
const { kOwner, onStreamRead } = require('internal/stream_base_commons');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const dc = require('diagnostics_channel');

const onRequestStartChannel = dc.channel('http.server.request.start');
const onResponseFinishChannel = dc.channel('http.server.response.finish');

const kServerResponse = Symbol('ServerResponse');
const kOnData = Symbol('kOnData');
const kConnState = Symbol('kConnState');
const kConnRequest = Symbol('kConnRequest');
const kConnections = timeouts.kConnections;

const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
const requestTimeoutResponse = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
const requestHeaderFieldsTooLargeResponse =
  'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
const requestChunkExtensionsTooLargeResponse =
  'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;
  const { maxHeaderSize, insecureHTTPParser, joinDuplicateHeaders } = options;
  if (maxHeaderSize !== undefined) validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  this.maxHeaderSize = maxHeaderSize;
  if (insecureHTTPParser !== undefined) validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  this.insecureHTTPParser = insecureHTTPParser;
  const number = (name, def) => {
    const value = options[name];
    if (value === undefined) return def;
    validateInteger(value, name, 0);
    return value;
  };
  this.requestTimeout = number('requestTimeout', 300000);
  this.headersTimeout = number('headersTimeout', 60000);
  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', this.headersTimeout);
  }
  this.keepAliveTimeout = number('keepAliveTimeout', 5000);
  this.connectionsCheckingInterval = number('connectionsCheckingInterval', 30000);
  const { requireHostHeader, rejectNonStandardBodyWrites } = options;
  if (requireHostHeader !== undefined) validateBoolean(requireHostHeader, 'options.requireHostHeader');
  this.requireHostHeader = requireHostHeader ?? true;
  if (joinDuplicateHeaders !== undefined) validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  this.joinDuplicateHeaders = joinDuplicateHeaders;
  this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites ?? false;
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
    options = { ...options };
  }
  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });
  if (requestListener) this.on('request', requestListener);
  // Node's Server sends a FIN after the response when the client half-closes.
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', timeouts.setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kConnections] = new Set();
  this[kUniqueHeaders] = null;
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype.close = function close(...args) {
  timeouts.httpServerPreClose(this);
  return net.Server.prototype.close.apply(this, args);
};

Server.prototype[Symbol.asyncDispose] = function() {
  return new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  timeouts.closeAllConnections(this);
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  timeouts.closeIdleConnections(this);
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype[Symbol.for('nodejs.rejection')] = function(err, event, ...args) {
  if (event === 'request') {
    const res = args[1];
    if (!res.headersSent && !res.writableEnded) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 500;
      res.end(require('internal/http/server_response').STATUS_CODES[500]);
    } else {
      res.destroy();
    }
  } else if (event === 'connection') {
    args[0].destroy(err);
  } else {
    this.emit('error', err);
  }
};

function connectionListener(socket) {
  socket.server = this;
  const server = this;
  if (server.timeout && typeof socket.setTimeout === 'function') {
    socket.setTimeout(server.timeout);
  }
  socket.on('timeout', socketOnTimeout);

  const parser = parsers.alloc();
  const lenient = server.insecureHTTPParser === undefined ? isLenient() :
    server.insecureHTTPParser;
  parser.initialize(HTTPParser.REQUEST, null, server.maxHeaderSize || 0,
                    lenient ? HTTPParser.kLenientAll : HTTPParser.kLenientNone);
  parser.socket = socket;
  socket.parser = parser;
  // The connection counts toward headersTimeout from its first byte's wait.
  parser.setActive(true);
  if (typeof server.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  }
  const state = {
    onData: null, onEnd: null, onClose: null, onDrain: null,
    outgoing: [], incoming: [],
    // `outgoingData` is an approximate amount of bytes queued through all inactive
    // responses. If more data than the high watermark is queued, we need to pause the
    // socket reading until it is drained.
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
    server,
    socket,
  };
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, server, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket, state);
  // Node's C++ parser calls this on its own timer; here server_timeouts does the checking,
  // but the slot stays a function while the connection lives, as in Node.
  parser[HTTPParser.kOnTimeout] = onParserTimeout.bind(undefined, server, socket);
  socket.on('resume', onSocketResume);
  socket.on('pause', onSocketPause);
  socket._paused = false;
  socket.setEncoding = socketSetEncoding;
  socket[kOnData] = state.onData;
  if (socket._handle && socket._handle.onread === onStreamRead) socket._handle.onread = onRead;
  server[kConnections].add(socket);
}

function onParserTimeout(server, socket) {
  const serverTimeout = server.emit('timeout', socket);
  if (!serverTimeout) socket.destroy();
}

// The handle's onread while the connection speaks HTTP: when the socket is flowing with
// nothing buffered and only our 'data' listener, bytes go straight to the parser,
// skipping the Readable machinery (Node reaches the same with parser.consume()).
// Anything else (paused, user listeners, upgrade, EOF) takes the normal stream path.
function onRead(nread, arrayBuffer) {
  const socket = this[kOwner];
  if (nread > 0 && socket !== undefined && socket.parser && socket.readableFlowing === true &&
      socket._readableState.length === 0 && !socket.destroyed &&
      socket.listenerCount('data') === 1) {
    socket._unrefTimer();
    socket[kOnData](new FastBuffer(arrayBuffer, 0, nread));
    return;
  }
  return onStreamRead.call(this, nread, arrayBuffer);
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  // If we previously paused, then start reading again.
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.parser.resume();
    socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg.writableNeedDrain) {
    msg[require('internal/http/outgoing').kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const req = this.parser && this.parser.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(server, socket, state) {
  server[kConnections].delete(socket);
  // Mark this parser as reusable.
  if (socket.parser) freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
  // Abort socket._httpMessage?
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    socketOnError.call(socket, ret);
  } else if (!server.httpAllowHalfOpen) {
    abortIncoming(state.incoming);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  resetSocketTimeout(server, socket, state);
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    socketOnError.call(socket, ret);
  } else if (parser.incoming && parser.incoming.upgrade) {
    // Upgrade or CONNECT
    const req = parser.incoming;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (eventName === 'upgrade' || server.listenerCount(eventName) > 0) {
      const bytesParsed = ret;
      socket.removeListener('data', state.onData);
      socket.removeListener('end', state.onEnd);
      socket.removeListener('close', state.onClose);
      socket.removeListener('drain', state.onDrain);
      socket.removeListener('error', socketOnError);
      socket.removeListener('timeout', socketOnTimeout);
      server[kConnections].delete(socket);
      parser.finish();
      freeParser(parser, req, socket);
      if (server.listenerCount(eventName) > 0) {
        const bodyHead = d.slice(bytesParsed, d.length);
        socket.readableFlowing = null;
        server.emit(eventName, req, socket, bodyHead);
      } else {
        // Got CONNECT method, but have no handler.
        socket.destroy();
      }
    } else {
      // A CONNECT with no 'connect' listener: close the connection.
      socket.destroy();
    }
  }
  if (socket._paused && socket.parser) socket.parser.pause();
}

function socketOnError(e) {
  // Ignore further errors.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);
  if (!this.server.emit('clientError', e, this)) {
    // Reply with an error status only if no response bytes are on the wire yet.
    if (this.writable && (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW': response = requestHeaderFieldsTooLargeResponse; break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
          response = requestChunkExtensionsTooLargeResponse;
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT': response = requestTimeoutResponse; break;
        default: response = badRequestResponse;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

function noop() {}

function onSocketResume() {
  // It may seem that the socket is resumed, but this is an enemy's trick to deceive us!
  // `resume` is emitted asynchronously, and may be called from `incoming.readStart()`.
  // Stop the socket again here, just to preserve the state.
  if (this._paused) {
    this.pause();
    return;
  }
}

function onSocketPause() {}

function resetSocketTimeout(server, socket, state) {
  if (!state.keepAliveTimeoutSet) return;
  socket.setTimeout(server.timeout || 0);
  state.keepAliveTimeoutSet = false;
}

function parserOnIncoming(server, socket, state, req, keepAlive) {
  resetSocketTimeout(server, socket, state);
  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' || server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }
  state.incoming.push(req);
  // If the writable end isn't consuming, then stop reading so that we don't buffer
  // infinitely.
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      // We also need to pause the parser, but don't do that until after the call to
      // execute, because we may still be processing the last chunk.
      socket.pause();
    }
  }
  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  // Shared functions that find the connection through the response, rather than two
  // closures per request.
  res[kConnState] = state;
  res[kConnRequest] = req;
  res._onPendingData = resOnPendingData;
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];
  if (socket._httpMessage) {
    // There are already pending outgoing res, append.
    state.outgoing.push(res);
  } else {
    res.assignSocket(socket);
  }
  // When we're finished writing the response, check if this is the last response, if
  // so destroy the socket.
  res.on('finish', resOnFinishEvent);
  if (onRequestStartChannel.hasSubscribers) {
    onRequestStartChannel.publish({ request: req, response: res, socket, server });
  }

  let handled = false;
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    const seen = scanRawHeaders(req);
    if (server.requireHostHeader && (seen & kSeenHost) === 0) {
      res.writeHead(400, ['Connection', 'close']);
      res.end();
      return 0;
    }
    const isRequestsLimitSet = typeof server.maxRequestsPerSocket === 'number' &&
      server.maxRequestsPerSocket > 0;
    if (isRequestsLimitSet) {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached = server.maxRequestsPerSocket <= state.requestsCount;
    }
    if (isRequestsLimitSet && server.maxRequestsPerSocket < state.requestsCount) {
      handled = true;
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
    } else if ((seen & kSeenExpect) !== 0 && req.headers.expect !== undefined) {
      handled = true;
      if (continueExpression.test(req.headers.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    }
  }
  if (!handled) server.emit('request', req, res);
  return 0;  // No special treatment.
}

const kSeenHost = 1;
const kSeenExpect = 2;

// Which of Host and Expect the request has, from rawHeaders (what the headers object is
// built from), so that a plain request never needs that object built.
function scanRawHeaders(req) {
  const raw = req.rawHeaders;
  let seen = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const field = raw[i];
    if (field.length === 4) {
      if (field === 'Host' || field === 'host' || field.toLowerCase() === 'host') seen |= kSeenHost;
    } else if (field.length === 6) {
      if (field.toLowerCase() === 'expect') seen |= kSeenExpect;
    }
  }
  return seen;
}

function resOnPendingData(delta) {
  const state = this[kConnState];
  updateOutgoingData(state.socket, state, delta);
}

function resOnFinishEvent() {
  const state = this[kConnState];
  resOnFinish(this[kConnRequest], this, state.socket, state, state.server);
}

// Drops the parser's reference to a finished request so it can be collected.
function clearIncoming(req) {
  req = req || this;
  const parser = req.socket && req.socket.parser;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) parser.incoming = null;
    else req.on('end', clearIncoming);
  }
}

function resOnFinish(req, res, socket, state, server) {
  if (onResponseFinishChannel.hasSubscribers) {
    onResponseFinishChannel.publish({ request: req, response: res, socket, server });
  }
  // Usually the first incoming element should be our request. It may be that in the
  // case abortIncoming() was called that the incoming array will be empty.
  if (state.incoming.length && state.incoming[0] === req) state.incoming.shift();
  // If the user never called req.read(), and didn't pipe() or .resume() or .on('data'),
  // then we call req._dump() so that the bytes will be pulled off the wire.
  if (!req._consuming && !req._readableState.resumeScheduled) {
    // With no other listener on the response either, nothing can attach one to the
    // request before its 'end' and 'close' would have been emitted.
    if (res._eventsCount !== 1 || res.listenerCount('finish') !== 1 || !dumpUnobserved(req)) {
      req._dump();
    }
  }
  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);
  if (res._last) {
    if (typeof socket.destroySoon === 'function') socket.destroySoon();
    else socket.end();
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    // Start sending the next message.
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

module.exports = {
  Server,
  ServerResponse,
  STATUS_CODES: require('internal/http/server_response').STATUS_CODES,
  kServerResponse,
  kConnections,
  _connectionListener: connectionListener,
  socketOnError,
};
