'use strict';
// node:http2's sessions and streams. An Http2Session owns a binding('http2') session
// (nghttp2) and a socket: socket bytes go to receive(), the binding's output goes back to
// the socket, and the protocol events it records are dispatched here. Output is flushed in
// an immediate (as Node's session schedules its writes), so the writes and end() of one
// turn share frames, and a stream write completes once its data went out.

const EventEmitter = require('events');
const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const {
  constants, errorCodeName, mapHeaders, settingsFromValues, settingsToList, toHeaderObject,
  validateSettings,
} = require('internal/http2/util');

const binding = internalBinding('http2');
const { now } = require('internal/perf/utils');
const { hasObserver, enqueueEntry } = require('internal/perf/observe_hook');

// perf_hooks' 'http2' entries (Http2Session and Http2Stream), made only while some
// PerformanceObserver watches that type. The figures are in `detail` and, as Node 20
// still shows them, on the entry itself.
class Http2PerformanceEntry {
  constructor(name, startTime, detail) {
    this.name = name;
    this.entryType = 'http2';
    this.startTime = startTime;
    this.duration = now() - startTime;
    this.detail = detail;
    Object.assign(this, detail);
  }

  toJSON() {
    return {
      name: this.name, entryType: this.entryType, startTime: this.startTime,
      duration: this.duration, detail: this.detail,
    };
  }
}

const {
  ERR_HTTP2_GOAWAY_SESSION, ERR_HTTP2_HEADERS_SENT, ERR_HTTP2_INVALID_SESSION,
  ERR_HTTP2_INVALID_STREAM, ERR_HTTP2_PING_LENGTH, ERR_HTTP2_SESSION_ERROR,
  ERR_HTTP2_STREAM_ERROR, ERR_HTTP2_TRAILERS_ALREADY_SENT, ERR_HTTP2_TRAILERS_NOT_READY,
  ERR_HTTP2_ERROR, ERR_HTTP2_STATUS_INVALID, ERR_HTTP2_STATUS_101, ERR_HTTP2_PUSH_DISABLED,
  ERR_HTTP2_NESTED_PUSH, ERR_HTTP2_PAYLOAD_FORBIDDEN, ERR_HTTP2_SEND_FILE,
  ERR_HTTP2_INVALID_INFO_STATUS, ERR_HTTP2_HEADERS_AFTER_RESPOND, ERR_INVALID_ARG_TYPE,
  ERR_HTTP2_STREAM_CANCEL, ERR_HTTP2_OUT_OF_STREAMS, ERR_HTTP2_STREAM_SELF_DEPENDENCY,
  ERR_INVALID_ARG_VALUE,
} = codes;

const kSession = Symbol('kSession');
const kHandle = Symbol('kHandle');
const kSocket = Symbol('kSocket');
const kStreams = Symbol('kStreams');
const kId = Symbol('kId');
const kProxySocket = Symbol('kProxySocket');

function boundSocket(session) {
  const socket = session[kSocket];
  if (socket === undefined || session.destroyed) throw new codes.ERR_HTTP2_SOCKET_UNBOUND();
  return socket;
}

const kSessionMethods = new Set(['setTimeout', 'ref', 'unref']);
const kForbiddenSocketMethods = new Set([
  'destroy', 'emit', 'end', 'pause', 'read', 'resume', 'write', 'setEncoding', 'setKeepAlive',
  'setNoDelay',
]);

const proxySocketHandler = {
  has(session, prop) {
    if (kSessionMethods.has(prop)) return prop in session;
    return prop in boundSocket(session);
  },
  get(session, prop) {
    if (kSessionMethods.has(prop)) return session[prop].bind(session);
    if (kForbiddenSocketMethods.has(prop)) throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
    const socket = boundSocket(session);
    const value = socket[prop];
    return typeof value === 'function' ? value.bind(socket) : value;
  },
  getPrototypeOf(session) {
    return Reflect.getPrototypeOf(boundSocket(session));
  },
  set(session, prop, value) {
    if (kSessionMethods.has(prop)) {
      session[prop] = value;
      return true;
    }
    if (kForbiddenSocketMethods.has(prop)) throw new codes.ERR_HTTP2_NO_SOCKET_MANIPULATION();
    boundSocket(session)[prop] = value;
    return true;
  },
};

// Event kinds from runtime/bindings/http2.cc.
const kEvHeaders = 1;
const kEvData = 2;
const kEvStreamEnd = 3;
const kEvStreamClose = 4;
const kEvSettings = 5;
const kEvPing = 6;
const kEvGoaway = 7;
const kEvRstStream = 8;
const kEvPriority = 9;
const kEvWantTrailers = 10;
const kEvFrameNotSent = 11;
const kEvInvalidFrame = 12;
const kEvPushPromise = 13;
const kEvFrameSent = 14;

const NGHTTP2_HCAT_REQUEST = 0;
const NGHTTP2_HCAT_PUSH_RESPONSE = 2;
const kTypeGoaway = 7;

function sessionGone(session) {
  return session.destroyed || session[kHandle] === null;
}

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    super();
    this[kHandle] = new binding.Http2Session(type,
      options.maxHeaderListPairs | 0, options.maxReservedRemoteStreams | 0);
    this[kSocket] = socket;
    this[kStreams] = new Map();
    this.type = type;
    this.destroyed = false;
    this.closed = false;
    this.connecting = false;
    this._invalidFrames = 0;
    this._writeCallbacks = [];
    this._perfStart = now();
    this._framesSent = 0;
    this._streamCount = 0;
    this._streamDurations = 0;
    this._pingRTT = 0;
    this._maxInvalidFrames = options.maxSessionInvalidFrames === undefined ?
      1000 : options.maxSessionInvalidFrames;
    this.encrypted = socket ? !!socket.encrypted : undefined;
    this.alpnProtocol = socket && socket.alpnProtocol ? socket.alpnProtocol :
      (socket && socket.encrypted ? 'h2' : 'h2c');
    this.originSet = undefined;
    this._pendingPings = [];
    this._pendingSettings = [];
    this._frameEvents = [];
    this._eventPos = 0;
    this._eventsDeferred = false;
    this._eventsRunning = false;
    this._eventsDone = [];
    this._flushScheduled = false;
    this._gotGoaway = false;
    this._timeout = 0;
    this._timer = null;
    this._options = options;
    this._localSettingsApplied = false;
    const initial = { ...options.settings };
    validateSettings(options.settings);
    this._sendSettings(initial, null);
    if (socket) this._attach(socket);
  }

  _attach(socket) {
    this._onData = (chunk) => this._receive(chunk);
    // Frames already read are delivered before the socket's end closes the session.
    this._onSocketClose = () => this._afterEvents(() => {
      if (!this.destroyed) this.destroy();
    });
    this._onSocketError = (err) => this._afterEvents(() => {
      if (!this.destroyed) this.destroy(err);
    });
    socket.on('data', this._onData);
    socket.on('close', this._onSocketClose);
    socket.on('error', this._onSocketError);
    socket.on('end', this._onSocketClose);
    socket.on('timeout', () => this.emit('timeout'));
  }

  // Like Node, user code sees a guarded view of the socket: reads and writes that would
  // corrupt the framing throw, and every access fails once the session is gone.
  get socket() {
    if (this[kSocket] === undefined) return undefined;
    if (this[kProxySocket] === undefined) this[kProxySocket] = new Proxy(this, proxySocketHandler);
    return this[kProxySocket];
  }

  get pendingSettingsAck() { return this._pendingSettings.length > 0; }

  [require('util').inspect.custom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      type: this.type,
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      localSettings: this.localSettings,
      remoteSettings: this.remoteSettings,
    };
    return `Http2Session ${require('util').inspect(obj, { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }

  get state() {
    if (sessionGone(this)) return {};
    const v = this[kHandle].state();
    return {
      effectiveLocalWindowSize: v[0],
      effectiveRecvDataLength: v[1],
      nextStreamID: v[2],
      localWindowSize: v[3],
      lastProcStreamID: v[4],
      remoteWindowSize: v[5],
      outboundQueueSize: v[6],
      deflateDynamicTableSize: v[7],
      inflateDynamicTableSize: v[8],
    };
  }

  get localSettings() {
    if (this._localSettingsCache) return this._localSettingsCache;
    if (sessionGone(this)) return {};
    this._localSettingsCache = settingsFromValues(this[kHandle].settingsOf(false));
    return this._localSettingsCache;
  }

  get remoteSettings() {
    if (this._remoteSettingsCache) return this._remoteSettingsCache;
    if (sessionGone(this)) return {};
    this._remoteSettingsCache = settingsFromValues(this[kHandle].settingsOf(true));
    return this._remoteSettingsCache;
  }

  _sendSettings(settings, callback) {
    this[kHandle].settings(settingsToList(settings));
    this._pendingSettings.push(callback);
    this._scheduleFlush();
  }

  settings(settings, callback) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateSettings(settings);
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    this._sendSettings(settings, callback || null);
  }

  ping(payload, callback) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (typeof payload === 'function') {
      callback = payload;
      payload = undefined;
    }
    if (payload !== undefined && !ArrayBuffer.isView(payload)) {
      throw new ERR_INVALID_ARG_TYPE('payload', ['Buffer', 'TypedArray', 'DataView'], payload);
    }
    if (payload !== undefined && payload.byteLength !== 8) throw new ERR_HTTP2_PING_LENGTH();
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    const bytes = payload === undefined ? Buffer.alloc(8) :
      Buffer.from(payload.buffer, payload.byteOffset, 8);
    this[kHandle].ping(bytes);
    const max = this._options.maxOutstandingPings === undefined ? 10 :
      this._options.maxOutstandingPings;
    if (this._pendingPings.length >= max) {
      process.nextTick(callback, new codes.ERR_HTTP2_PING_CANCEL());
      return false;
    }
    this._pendingPings.push({ callback, start: process.hrtime.bigint() });
    this._scheduleFlush();
    return true;
  }

  goaway(code = constants.NGHTTP2_NO_ERROR, lastStreamID = -1, opaqueData) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (opaqueData !== undefined && !ArrayBuffer.isView(opaqueData)) {
      throw new ERR_INVALID_ARG_TYPE('opaqueData', ['Buffer', 'TypedArray', 'DataView'], opaqueData);
    }
    if (typeof code !== 'number') throw new ERR_INVALID_ARG_TYPE('code', 'number', code);
    if (typeof lastStreamID !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('lastStreamID', 'number', lastStreamID);
    }
    this[kHandle].goaway(code, lastStreamID <= 0 ? -1 : lastStreamID, opaqueData);
    this._scheduleFlush();
  }

  setLocalWindowSize(size) {
    this[kHandle].setLocalWindowSize(size);
    this._scheduleFlush();
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    if (typeof msecs !== 'number') throw new ERR_INVALID_ARG_TYPE('msecs', 'number', msecs);
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    this._timeout = msecs;
    if (callback !== undefined) this.once('timeout', callback);
    if (this[kSocket] && typeof this[kSocket].setTimeout === 'function') {
      this[kSocket].setTimeout(msecs);
    }
    return this;
  }

  _emitPerformanceEntry(handle, socket) {
    const state = handle.state();
    enqueueEntry(new Http2PerformanceEntry('Http2Session', this._perfStart, {
      bytesRead: socket ? socket.bytesRead || 0 : 0,
      bytesWritten: socket ? socket.bytesWritten || 0 : 0,
      framesReceived: state[11] || 0,
      framesSent: this._framesSent,
      maxConcurrentStreams: this._streamCount,
      pingRTT: this._pingRTT,
      streamAverageDuration: this._streamCount > 0 ?
        this._streamDurations / this._streamCount : 0,
      streamCount: this._streamCount,
      type: this.type === constants.NGHTTP2_SESSION_SERVER ? 'server' : 'client',
    }));
  }

  ref() { if (this[kSocket] && this[kSocket].ref) this[kSocket].ref(); }
  unref() { if (this[kSocket] && this[kSocket].unref) this[kSocket].unref(); }

  close(callback) {
    if (this.closed || this.destroyed) return;
    this.closed = true;
    if (typeof callback === 'function') this.once('close', callback);
    if (this.connecting) {
      // Requests still waiting for the socket are never sent.
      for (const stream of [...this[kStreams].values()]) {
        stream.destroy(new ERR_HTTP2_GOAWAY_SESSION());
      }
    }
    if (this[kHandle] !== null) {
      this[kHandle].goaway(0, -1);
      this._scheduleFlush();
    }
    this._maybeDestroy();
  }

  _maybeDestroy() {
    if (this.closed && !this.destroyed && this[kStreams].size === 0) {
      // Let queued frames (the GOAWAY, final DATA) reach the socket first.
      process.nextTick(() => {
        if (!this.destroyed && this[kStreams].size === 0) {
          this._flush();
          this.destroy();
        }
      });
    }
  }

  destroy(error = constants.NGHTTP2_NO_ERROR, code) {
    if (this.destroyed) return;
    if (typeof error === 'number') {
      code = error;
      error = code !== constants.NGHTTP2_NO_ERROR ? new ERR_HTTP2_SESSION_ERROR(code) : undefined;
    }
    if (code === undefined && error != null) code = constants.NGHTTP2_INTERNAL_ERROR;
    this.destroyed = true;
    // Streams not yet sent (the socket is still connecting) are canceled; open ones
    // get the session's error.
    const cancel = new ERR_HTTP2_STREAM_CANCEL(error);
    for (const stream of [...this[kStreams].values()]) {
      stream._sessionGone(this.connecting ? cancel : error, code || this._goawayCode);
    }
    this[kStreams].clear();
    for (const ping of this._pendingPings) {
      process.nextTick(ping.callback, new codes.ERR_HTTP2_PING_CANCEL());
    }
    this._pendingPings = [];
    const handle = this[kHandle];
    const socket = this[kSocket];
    if (handle !== null) {
      if (code !== undefined && code !== constants.NGHTTP2_NO_ERROR) {
        handle.goaway(code, -1);
      }
      this._flush();
      this._dispatch();
      if (hasObserver('http2')) this._emitPerformanceEntry(handle, socket);
      handle.destroy();
      this[kHandle] = null;
    }
    if (socket) {
      socket.removeListener('data', this._onData);
      if (!socket.destroyed) {
        if (typeof socket.end === 'function' && !error) {
          // Let queued frames (a GOAWAY) reach the peer before the FIN.
          socket.once('finish', () => socket.destroy());
          socket.end();
        } else {
          socket.destroy();
        }
      }
    }
    process.nextTick(() => {
      if (error) this.emit('error', error);
      this.emit('close');
    });
  }

  _receive(chunk) {
    if (this[kHandle] === null) return;
    const rv = this[kHandle].receive(chunk);
    if (rv < 0) {
      this._dispatch();
      this.destroy(new ERR_HTTP2_ERROR(binding.errorString(rv)));
      return;
    }
    this._dispatch();
    this._scheduleFlush();
  }

  _scheduleFlush() {
    if (this._flushScheduled) return;
    this._flushScheduled = true;
    // As Node's session, frames go out in an immediate: writes and an end() of the
    // same turn share frames (END_STREAM rides on the last DATA frame).
    setImmediate(() => {
      this._flushScheduled = false;
      this._flush();
    });
  }

  _flush() {
    for (let i = 0; i < 1000 && this[kHandle] !== null; i++) {
      const out = this[kHandle].send();
      const socket = this[kSocket];
      if (typeof out === 'number') {
        this.destroy(new ERR_HTTP2_ERROR(binding.errorString(out)));
        return;
      }
      if (out !== undefined && socket && !socket.destroyed && socket.writable !== false) {
        socket.write(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
      }
      const dispatched = this._dispatch();
      if (out === undefined && !dispatched) break;
    }
    // Stream writes complete once their data went to nghttp2's output, as in Node (a
    // write callback that ends the stream sends its END_STREAM in a frame of its own).
    const callbacks = this._writeCallbacks;
    if (callbacks.length > 0) {
      this._writeCallbacks = [];
      for (const callback of callbacks) process.nextTick(callback);
    }
    if (this[kHandle] !== null) {
      const v = this[kHandle].state();
      if (v[9] === 0 && v[10] === 0 && !this.destroyed && this._sentErrorGoaway) {
        // nghttp2 ended the session (a fatal protocol error or an exchange of GOAWAYs).
        process.nextTick(() => this.destroy());
      }
    }
  }

  _dispatch() {
    const handle = this[kHandle];
    if (handle === null) return false;
    const ev = handle.takeEvents();
    if (ev === undefined) return false;
    for (let i = 0; i < ev.length; i++) this._frameEvents.push(ev[i]);
    if (!this._eventsDeferred && !this._eventsRunning) this._runEvents();
    return true;
  }

  // Node delivers each frame through its own callback and drains process.nextTick in
  // between, so a stream's 'end' comes before the next frame's events. After an event
  // that ends or closes a stream, the rest wait until the tick queue has drained.
  _runEvents() {
    const ev = this._frameEvents;
    this._eventsRunning = true;
    while (this._eventPos < ev.length) {
      const i = this._eventPos;
      this._eventPos += 6;
      const type = ev[i];
      if (this.destroyed && type !== kEvStreamClose) continue;
      try {
        this._onEvent(type, ev[i + 1], ev[i + 2], ev[i + 3], ev[i + 4], ev[i + 5]);
      } finally {
        this._eventsRunning = false;
      }
      this._eventsRunning = true;
      const next = ev[this._eventPos];
      const ends = type === kEvStreamEnd || type === kEvStreamClose ||
        (type === kEvHeaders && (ev[i + 3] & constants.NGHTTP2_FLAG_END_STREAM) !== 0) ||
        (type === kEvData && next !== kEvData && next !== kEvStreamEnd);
      if (ends && this._eventPos < ev.length) {
        this._eventsRunning = false;
        this._eventsDeferred = true;
        process.nextTick(() => queueMicrotask(() => {
          this._eventsDeferred = false;
          this._runEvents();
          if (!this._eventsDeferred) this._scheduleFlush();
        }));
        return;
      }
    }
    this._eventsRunning = false;
    this._frameEvents = [];
    this._eventPos = 0;
    const after = this._eventsDone;
    this._eventsDone = [];
    for (const fn of after) fn();
  }

  _afterEvents(fn) {
    if (this._eventsDeferred || this._eventsRunning) this._eventsDone.push(fn);
    else fn();
  }

  _onEvent(type, id, a, b, c, payload) {
    const stream = this[kStreams].get(id);
    switch (type) {
      case kEvHeaders: this._onHeaders(stream, id, a, b, payload); break;
      case kEvPushPromise: this._onPushPromise(id, a, payload); break;
      case kEvData:
        if (stream) {
          stream.bytesRead = (stream.bytesRead || 0) + payload.byteLength;
          stream.push(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
        }
        break;
      case kEvStreamEnd:
        if (stream) stream._endReadable();
        break;
      case kEvStreamClose:
        if (stream) stream._onClose(a);
        break;
      case kEvSettings: {
        const values = new Uint32Array(payload.buffer.slice(payload.byteOffset,
          payload.byteOffset + payload.byteLength));
        const settings = settingsFromValues(values);
        if (a) {
          this._localSettingsCache = settings;
          const cb = this._pendingSettings.shift();
          if (typeof cb === 'function') cb(null, settings, 0);
          this.emit('localSettings', settings);
        } else {
          this._remoteSettingsCache = settings;
          this.emit('remoteSettings', settings);
        }
        break;
      }
      case kEvPing: {
        const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
        if (a) {
          const ping = this._pendingPings.shift();
          if (ping) {
            const ms = Number(process.hrtime.bigint() - ping.start) / 1e6;
            ping.callback(null, ms, bytes);
          }
        } else {
          this.emit('ping', bytes);
        }
        break;
      }
      case kEvGoaway: {
        this._gotGoaway = true;
        const opaque = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
        this.emit('goaway', a, b, opaque);
        if (a !== constants.NGHTTP2_NO_ERROR) {
          // The peer is gone: no GOAWAY of ours goes back; its code is the streams' one.
          this._goawayCode = a;
          this.destroy(new ERR_HTTP2_SESSION_ERROR(a), constants.NGHTTP2_NO_ERROR);
        } else {
          this.close();
        }
        break;
      }
      case kEvRstStream:
        if (stream) stream.rstCode = a;
        break;
      case kEvPriority:
        if (stream) stream.emit('priority', a, b, c);
        break;
      case kEvWantTrailers:
        if (stream) stream._onWantTrailers();
        break;
      case kEvFrameNotSent:
        if (stream) {
          stream.emit('frameError', a, b, id);
        } else {
          this.emit('frameError', a, b, id);
        }
        break;
      case kEvInvalidFrame:
        if (this._invalidFrames++ > this._maxInvalidFrames && !this.destroyed) {
          this.destroy(new codes.ERR_HTTP2_TOO_MANY_INVALID_FRAMES());
        }
        break;
      case kEvFrameSent:
        this._framesSent++;
        if (a === kTypeGoaway && c !== 0) this._sentErrorGoaway = true;
        break;
      default:
        break;
    }
  }

  _onHeaders(stream, id, cat, flags, list) {
    const headers = toHeaderObject(list);
    const endStream = (flags & constants.NGHTTP2_FLAG_END_STREAM) !== 0;
    if (cat === NGHTTP2_HCAT_REQUEST && this.type === constants.NGHTTP2_SESSION_SERVER) {
      if (this.closed || this.destroyed) return;
      const { ServerHttp2Stream } = module.exports;
      stream = new ServerHttp2Stream(this, id, headers);
      this[kStreams].set(id, stream);
      stream.endAfterHeaders = endStream;
      if (endStream) stream._endReadable();
      this.emit('stream', stream, headers, flags, list);
      return;
    }
    if (!stream) return;
    if (cat === NGHTTP2_HCAT_PUSH_RESPONSE) {
      stream.endAfterHeaders = endStream;
      stream.emit('push', headers, flags, list);
    } else if (this.type === constants.NGHTTP2_SESSION_CLIENT && !stream._gotResponse) {
      const status = +headers[':status'];
      if (status >= 100 && status < 200) {
        if (status === 100) stream.emit('continue');
        stream.emit('headers', headers, flags, list);
      } else {
        stream._gotResponse = true;
        stream.endAfterHeaders = endStream;
        stream.emit('response', headers, flags, list);
      }
    } else {
      stream.emit('trailers', headers, flags, list);
    }
    if (endStream) stream._endReadable();
  }

  _onPushPromise(parentId, promisedId, list) {
    const headers = toHeaderObject(list);
    const { ClientHttp2Stream } = module.exports;
    const stream = new ClientHttp2Stream(this, promisedId);
    stream.end();
    this[kStreams].set(promisedId, stream);
    this.emit('stream', stream, headers, 0, list);
  }

  [EventEmitter.captureRejectionSymbol](err, event, ...args) {
    if (event === 'stream') {
      const stream = args[0];
      if (stream && !stream.destroyed) stream.destroy(err);
      return;
    }
    this.destroy(err);
  }
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(constants.NGHTTP2_SESSION_SERVER, options, socket);
    this.server = server;
  }

  altsvc() {}
  origin() {}
}

class ClientHttp2Session extends Http2Session {
  constructor(options, socket) {
    super(constants.NGHTTP2_SESSION_CLIENT, options, socket);
  }

  request(headers, options = {}) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (this.closed) throw new ERR_HTTP2_GOAWAY_SESSION();
    if (headers === null || headers === undefined) headers = {};
    if (typeof headers !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    }
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    for (const [key, type] of [['endStream', 'boolean'], ['weight', 'number'],
      ['parent', 'number'], ['exclusive', 'boolean'], ['silent', 'boolean'],
      ['waitForTrailers', 'boolean']]) {
      if (options[key] !== undefined && typeof options[key] !== type) {
        throw new ERR_INVALID_ARG_TYPE(`options.${key}`, type, options[key]);
      }
    }
    const h = Object.assign({ __proto__: null }, headers);
    if (headers[require('internal/http2/util').sensitiveHeaders]) {
      h[require('internal/http2/util').sensitiveHeaders] =
        headers[require('internal/http2/util').sensitiveHeaders];
    }
    const method = h[':method'] === undefined ? 'GET' : String(h[':method']).toUpperCase();
    h[':method'] = method;
    const isConnect = method === 'CONNECT' && h[':protocol'] === undefined;
    if (isConnect) {
      if (h[':authority'] === undefined) throw new codes.ERR_HTTP2_CONNECT_AUTHORITY();
      if (h[':scheme'] !== undefined) throw new codes.ERR_HTTP2_CONNECT_SCHEME();
      if (h[':path'] !== undefined) throw new codes.ERR_HTTP2_CONNECT_PATH();
    } else {
      if (h[':authority'] === undefined && h.host === undefined) h[':authority'] = this._authority;
      if (h[':scheme'] === undefined) h[':scheme'] = this._scheme || 'http';
      if (h[':path'] === undefined) h[':path'] = '/';
    }
    let endStream = options.endStream;
    if (endStream === undefined) {
      endStream = method === 'GET' || method === 'HEAD' || method === 'DELETE' ||
        method === 'OPTIONS' || method === 'TRACE';
    }
    let list;
    try {
      list = mapHeaders(h, 'request');
    } catch (err) {
      // As in Node 20, an invalid header name also fails the session.
      if (err.code === 'ERR_INVALID_HTTP_TOKEN') process.nextTick(() => this.destroy(err));
      throw err;
    }
    const parent = options.parent | 0;
    const weight = options.weight === undefined ? 16 : options.weight;
    const id = this[kHandle].request(list, !!endStream, weight, parent, !!options.exclusive);
    if (id === -509) {
      // As Node: no stream IDs left fails only this request, on its own 'error'.
      const stream = new ClientHttp2Stream(this, undefined);
      stream._closed = true;
      process.nextTick(() => stream.destroy(new ERR_HTTP2_OUT_OF_STREAMS()));
      return stream;
    }
    if (id < 0) throw new ERR_HTTP2_ERROR(binding.errorString(id));
    const stream = new ClientHttp2Stream(this, id);
    stream.sentHeaders = h;
    stream._waitForTrailers = !!options.waitForTrailers;
    this[kStreams].set(id, stream);
    if (endStream) stream.end();
    if (options.signal) {
      const signal = options.signal;
      const { AbortError } = require('internal/errors');
      const onAbort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
      if (signal.aborted) process.nextTick(onAbort);
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    this._scheduleFlush();
    process.nextTick(() => stream.emit('ready'));
    return stream;
  }

  setNextStreamID(id) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (typeof id !== 'number') throw new ERR_INVALID_ARG_TYPE('id', 'number', id);
    if (id <= 0 || id > 2 ** 32 - 1) {
      throw new codes.ERR_OUT_OF_RANGE('id', `> 0 and <= ${2 ** 32 - 1}`, id);
    }
    this[kHandle].setNextStreamId(id);
  }
}

class Http2Stream extends Duplex {
  constructor(session, id, options) {
    super({ ...options, allowHalfOpen: true, decodeStrings: false, autoDestroy: false });
    this[kSession] = session;
    this[kId] = id;
    this.rstCode = undefined;
    this.sentHeaders = undefined;
    this.sentTrailers = undefined;
    this.sentInfoHeaders = undefined;
    this.headersSent = false;
    this.endAfterHeaders = false;
    this._closed = false;
    this._aborted = false;
    this.bytesRead = 0;
    this._perfStart = now();
    this._readEnded = false;
    this._trailersSent = false;
    this._wantTrailersPending = false;
    this._waitForTrailers = false;
    this._timeout = 0;
    this._timer = null;
    this.on('finish', () => this._maybeDestroy());
  }

  get closed() { return this._closed; }

  [require('util').inspect.custom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      id: this[kId] || '<pending>',
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      readableState: this._readableState,
      writableState: this._writableState,
    };
    return `Http2Stream ${require('util').inspect(obj, { ...opts, depth: opts.depth == null ? null : opts.depth - 1 })}`;
  }
  get aborted() { return this._aborted; }
  get id() { return this[kId]; }
  get session() { return this[kSession]; }
  get pending() { return this[kId] === undefined; }
  get bufferSize() { return this.writableLength; }

  get state() {
    const session = this[kSession];
    if (this.destroyed || !session || sessionGone(session)) return {};
    const v = session[kHandle].streamState(this[kId]);
    if (!v) return {};
    return {
      state: v[0], weight: v[1], sumDependencyWeight: v[2], localClose: v[3],
      remoteClose: v[4], localWindowSize: v[5],
    };
  }

  priority(options = {}) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_STREAM();
    if (options.parent === this.id) throw new ERR_HTTP2_STREAM_SELF_DEPENDENCY();
    const session = this[kSession];
    if (options.silent) return;
    session[kHandle].priority(this.id, options.parent | 0,
      options.weight === undefined ? 16 : options.weight, !!options.exclusive);
    session._scheduleFlush();
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    if (typeof msecs !== 'number') throw new ERR_INVALID_ARG_TYPE('msecs', 'number', msecs);
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    this._timeout = msecs;
    if (this._timer) clearTimeout(this._timer);
    this._timer = null;
    if (callback !== undefined) this.once('timeout', callback);
    if (msecs > 0) {
      this._timer = setTimeout(() => this.emit('timeout'), msecs);
      if (this._timer.unref) this._timer.unref();
    }
    return this;
  }

  sendTrailers(headers) {
    if (this.destroyed || this._closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._trailersSent) throw new ERR_HTTP2_TRAILERS_ALREADY_SENT();
    if (!this._wantTrailersPending) throw new ERR_HTTP2_TRAILERS_NOT_READY();
    if (headers === null || typeof headers !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    }
    const list = mapHeaders(headers, 'trailers');
    this._trailersSent = true;
    this._wantTrailersPending = false;
    this.sentTrailers = headers;
    this[kSession][kHandle].trailers(this.id, list);
    this[kSession]._scheduleFlush();
  }

  _onWantTrailers() {
    this._wantTrailersPending = true;
    this.emit('wantTrailers');
    if (this._wantTrailersPending && this.listenerCount('wantTrailers') === 0) {
      this.sendTrailers({});
    }
  }

  close(code = constants.NGHTTP2_NO_ERROR, callback) {
    if (typeof code !== 'number') throw new ERR_INVALID_ARG_TYPE('code', 'number', code);
    if (code < 0 || code > 2 ** 32 - 1) {
      throw new codes.ERR_OUT_OF_RANGE('code', `>= 0 && <= ${2 ** 32 - 1}`, code);
    }
    if (callback !== undefined && typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    if (this._closed) return;
    if (callback) this.once('close', callback);
    this.rstCode = code;
    this._rst(code);
    this._closed = true;
    this.push(null);
    this.destroy();
  }

  _rst(code) {
    const session = this[kSession];
    if (!session || sessionGone(session) || this.id === undefined) return;
    session[kHandle].rstStream(this.id, code);
    session._scheduleFlush();
  }

  _endReadable() {
    if (this._readEnded) return;
    this._readEnded = true;
    this.push(null);
  }

  // nghttp2 closed the stream (both sides done, or reset).
  _onClose(code) {
    const session = this[kSession];
    session[kStreams].delete(this.id);
    this._closed = true;
    if (this.rstCode === undefined) this.rstCode = code;
    if (code !== constants.NGHTTP2_NO_ERROR) {
      if (!this.readableEnded || !this.writableFinished) {
        this._aborted = true;
        this.emit('aborted');
      }
      const err = code === constants.NGHTTP2_CANCEL ? undefined :
        new ERR_HTTP2_STREAM_ERROR(errorCodeName(code));
      this._endReadable();
      this.destroy(err);
    } else if ((this.readableEnded && this.writableFinished) || this.errored) {
      // An errored stream (a write after end) emits no 'end': it closes now.
      this.destroy();
    } else {
      this._endReadable();
      this.once('end', () => this._maybeDestroy());
      this._maybeDestroy();
      // A server stream whose body nobody reads is drained, so that it can close.
      if (session.type === constants.NGHTTP2_SESSION_SERVER && !this.readableDidRead &&
          this.readableFlowing === null) {
        this.resume();
      } else {
        this.read(0);
      }
    }
    session._maybeDestroy();
  }

  _maybeDestroy() {
    if (this.destroyed) return;
    if (this._closed && this.writableFinished && this.readableEnded) {
      this.destroy();
    }
  }

  _sessionGone(err, code) {
    if (this.destroyed) return;
    if (code && this.rstCode === undefined) this.rstCode = code;
    this._closed = true;
    this._endReadable();
    this.destroy(err);
  }

  _write(chunk, encoding, callback) {
    this._writev([{ chunk, encoding }], callback);
  }

  _writev(chunks, callback) {
    const session = this[kSession];
    if (this.destroyed || this._closed || !session || sessionGone(session)) {
      callback(new ERR_HTTP2_INVALID_STREAM());
      return;
    }
    if (!this.headersSent && typeof this._implicitRespond === 'function') {
      this._implicitRespond();
    }
    for (const { chunk, encoding } of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      session[kHandle].write(this.id, buf, false, false);
    }
    session._writeCallbacks.push(callback);
    session._scheduleFlush();
    // When end() follows this write at once, the end goes to the binding before the
    // flush, so the last DATA frame carries END_STREAM (as Node does).
    process.nextTick(() => {
      const state = this._writableState;
      if (!state.ending || state.buffered.length > (state.bufferedIndex || 0)) return;
      if (this._waitForTrailers || this._endSent || this._dataProvider === false) return;
      if (this.destroyed || this._closed || sessionGone(session)) return;
      this._endSent = true;
      session[kHandle].write(this.id, undefined, true, false);
    });
  }

  _final(callback) {
    const session = this[kSession];
    if (!session || sessionGone(session) || this._closed) {
      callback();
      return;
    }
    if (!this.headersSent && typeof this._implicitRespond === 'function') {
      this._implicitRespond();
    }
    if (this._dataProvider !== false && !this._endSent) {
      this._endSent = true;
      session[kHandle].write(this.id, undefined, true, this._waitForTrailers);
    }
    session._scheduleFlush();
    callback();
  }

  _read() {}

  _destroy(err, callback) {
    const session = this[kSession];
    if (this._timer) clearTimeout(this._timer);
    if (!this._aborted && !this.writableFinished) {
      this._aborted = true;
      this.emit('aborted');
    }
    if (!this._closed) {
      this._closed = true;
      const code = err == null ? constants.NGHTTP2_NO_ERROR :
        err.code === 'ABORT_ERR' ? constants.NGHTTP2_CANCEL : constants.NGHTTP2_INTERNAL_ERROR;
      if (this.rstCode === undefined) this.rstCode = code;
      this._rst(this.rstCode);
    }
    if (!err && this.rstCode !== undefined && this.rstCode !== constants.NGHTTP2_NO_ERROR &&
        this.rstCode !== constants.NGHTTP2_CANCEL) {
      err = new ERR_HTTP2_STREAM_ERROR(errorCodeName(this.rstCode));
    }
    if (session && session[kStreams].get(this.id) === this) {
      session[kStreams].delete(this.id);
    }
    if (session && this.id !== undefined) {
      const duration = now() - this._perfStart;
      session._streamCount++;
      session._streamDurations += duration;
      if (hasObserver('http2')) {
        enqueueEntry(new Http2PerformanceEntry('Http2Stream', this._perfStart, {
          bytesRead: this.bytesRead || 0,
          bytesWritten: this.bytesWritten || 0,
          id: this.id,
          timeToFirstByte: 0,
          timeToFirstByteSent: 0,
          timeToFirstHeader: 0,
        }));
      }
    }
    callback(err);
    if (session) session._maybeDestroy();
  }
}

const kNoBodyStatus = new Set([204, 205, 304]);

class ServerHttp2Stream extends Http2Stream {
  constructor(session, id, headers) {
    super(session, id);
    this._requestHeaders = headers;
    this._isPush = false;
  }

  get pushAllowed() {
    const session = this[kSession];
    return !this._isPush && !!session && !sessionGone(session) && session.remoteSettings.enablePush;
  }

  _implicitRespond() {
    this.respond();
  }

  _prepareResponseHeaders(headers) {
    if (headers === undefined || headers === null) headers = {};
    if (typeof headers !== 'object') throw new ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    const h = Object.assign({ __proto__: null }, headers);
    const sym = require('internal/http2/util').sensitiveHeaders;
    if (headers[sym]) h[sym] = headers[sym];
    let status = h[':status'];
    if (status === undefined) status = 200;
    status = Number(status);
    if (!Number.isInteger(status) || status < 100 || status > 599) {
      throw new ERR_HTTP2_STATUS_INVALID(h[':status']);
    }
    if (status === 101) throw new ERR_HTTP2_STATUS_101();
    if (status < 200) throw new codes.ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    h[':status'] = status;
    if (h.date === undefined && h.Date === undefined && this._sendDate !== false) {
      h.date = new Date().toUTCString();
    }
    return h;
  }

  respond(headers, options = {}) {
    if (this.destroyed || this._closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    const h = this._prepareResponseHeaders(headers);
    options = options || {};
    let endStream = !!options.endStream;
    const status = h[':status'];
    if (kNoBodyStatus.has(status) || (this._requestHeaders &&
        this._requestHeaders[':method'] === 'HEAD')) {
      endStream = true;
    }
    const list = mapHeaders(h, 'response');
    this._waitForTrailers = !!options.waitForTrailers;
    const rv = this[kSession][kHandle].respond(this.id, list, endStream);
    if (rv < 0) throw new ERR_HTTP2_ERROR(binding.errorString(rv));
    this.headersSent = true;
    this.sentHeaders = h;
    this[kSession]._scheduleFlush();
    if (endStream) {
      this._dataProvider = false;
      this.end();
    }
  }

  additionalHeaders(headers) {
    if (this.destroyed || this._closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_AFTER_RESPOND();
    const h = Object.assign({ __proto__: null }, headers);
    const status = Number(h[':status']);
    if (h[':status'] !== undefined) {
      if (status === 101) throw new ERR_HTTP2_STATUS_101();
      if (!(status >= 100 && status < 200)) throw new ERR_HTTP2_INVALID_INFO_STATUS(h[':status']);
    }
    const list = mapHeaders(h, 'response');
    this[kSession][kHandle].headers(this.id, list, false);
    if (!this.sentInfoHeaders) this.sentInfoHeaders = [];
    this.sentInfoHeaders.push(h);
    this[kSession]._scheduleFlush();
  }

  _checkFileResponse(headers, options) {
    if (this.destroyed || this._closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (headers !== undefined && (headers === null || typeof headers !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('headers', 'Object', headers);
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    options = options || {};
    for (const key of ['offset', 'length']) {
      if (options[key] !== undefined && typeof options[key] !== 'number') {
        throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key]);
      }
    }
    for (const key of ['statCheck', 'onError']) {
      if (options[key] !== undefined && typeof options[key] !== 'function') {
        throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key]);
      }
    }
    const status = headers && headers[':status'] !== undefined ? Number(headers[':status']) : 200;
    if (kNoBodyStatus.has(status)) throw new ERR_HTTP2_PAYLOAD_FORBIDDEN(status);
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
  }

  respondWithFD(fd, headers, options = {}) {
    this._checkFileResponse(headers, options);
    if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') fd = fd.fd;
    if (typeof fd !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('fd', ['number', 'FileHandle'], fd);
    }
    this._respondFromFd(fd, headers, options || {}, false);
  }

  respondWithFile(path, headers, options = {}) {
    this._checkFileResponse(headers, options);
    const fs = require('fs');
    options = options || {};
    fs.open(path, 'r', (err, fd) => {
      if (err) {
        if (typeof options.onError === 'function') options.onError(err);
        else this.destroy(err);
        return;
      }
      this._respondFromFd(fd, headers, options, true);
    });
  }

  _respondFromFd(fd, headers, options, closeFd) {
    const fs = require('fs');
    const fail = (err) => {
      if (closeFd) fs.close(fd, () => {});
      if (typeof options.onError === 'function') options.onError(err);
      else this.destroy(err);
    };
    fs.fstat(fd, (err, stat) => {
      if (this.destroyed) { if (closeFd) fs.close(fd, () => {}); return; }
      if (err) return fail(err);
      if (stat.isDirectory()) return fail(new ERR_HTTP2_SEND_FILE());
      const h = Object.assign({ __proto__: null }, headers);
      const offset = options.offset > 0 ? options.offset : 0;
      let length = options.length >= 0 ? options.length : undefined;
      if (stat.isFile()) {
        const max = Math.max(stat.size - offset, 0);
        if (length === undefined || length > max) length = max;
        if (h['content-length'] === undefined) h['content-length'] = length;
      }
      if (typeof options.statCheck === 'function') {
        const sc = { offset, length };
        if (options.statCheck(stat, h, sc) === false) {
          if (closeFd) fs.close(fd, () => {});
          return;
        }
      }
      if (this.destroyed || this.headersSent) { if (closeFd) fs.close(fd, () => {}); return; }
      let status;
      try {
        status = Number(h[':status'] === undefined ? 200 : h[':status']);
        if (kNoBodyStatus.has(status)) throw new ERR_HTTP2_PAYLOAD_FORBIDDEN(status);
        this.respond(h, { waitForTrailers: options.waitForTrailers });
      } catch (e) {
        if (closeFd) fs.close(fd, () => {});
        if (e.code === 'ERR_HTTP2_PAYLOAD_FORBIDDEN') throw e;
        return fail(e);
      }
      const stream = fs.createReadStream(null, {
        fd, autoClose: closeFd, start: offset,
        end: length === undefined ? undefined : offset + length - 1,
      });
      if (length === 0) {
        if (closeFd) fs.close(fd, () => {});
        this.end();
        return;
      }
      stream.on('error', (e) => this.destroy(e));
      stream.pipe(this);
    });
  }

  pushStream(headers, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    if (this.destroyed || this._closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this._isPush) throw new ERR_HTTP2_NESTED_PUSH();
    const session = this[kSession];
    if (!session.remoteSettings.enablePush) throw new ERR_HTTP2_PUSH_DISABLED();
    const h = Object.assign({ __proto__: null }, headers);
    if (h[':method'] === undefined) h[':method'] = 'GET';
    if (h[':authority'] === undefined) h[':authority'] = this._requestHeaders[':authority'];
    if (h[':scheme'] === undefined) h[':scheme'] = this._requestHeaders[':scheme'];
    if (h[':path'] === undefined) h[':path'] = '/';
    const list = mapHeaders(h, 'request');
    const id = session[kHandle].pushPromise(this.id, list);
    if (id < 0) {
      process.nextTick(callback, new ERR_HTTP2_ERROR(binding.errorString(id)));
      return;
    }
    const stream = new ServerHttp2Stream(session, id, h);
    stream._isPush = true;
    stream._readEnded = true;
    stream.push(null);
    session[kStreams].set(id, stream);
    session._scheduleFlush();
    process.nextTick(callback, null, stream, h, 0);
  }
}

class ClientHttp2Stream extends Http2Stream {
  constructor(session, id) {
    super(session, id);
    this._gotResponse = false;
  }
}

module.exports = {
  Http2Session,
  ServerHttp2Session,
  ClientHttp2Session,
  Http2Stream,
  ServerHttp2Stream,
  ClientHttp2Stream,
  kSocket,
  kHandle,
};
