'use strict';
// http.IncomingMessage: a request on the server or a response on the client, as a
// Readable of its body. Header objects are built lazily from rawHeaders on first use,
// with Node's rules for duplicates (drop, join with ", " or "; ", or set-cookie arrays).

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

// An ECONNRESET error with Node's message, for aborted requests and responses.
function connResetException(msg) {
  const err = new Error(msg);
  err.code = 'ECONNRESET';
  return err;
}

function IncomingMessage(socket) {
  let streamOptions;
  if (socket) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this[kHeadersDistinct] = null;
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this[kTrailersDistinct] = null;
  this._consuming = false;
  this._dumped = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperty(IncomingMessage.prototype, 'connection', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

function lazyHeaders(raw, countKey, cacheKey, distinctKey) {
  return {
    headers: {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() {
        if (!this[cacheKey]) {
          this[cacheKey] = {};
          const src = this[raw];
          for (let n = 0; n < this[countKey]; n += 2) {
            this._addHeaderLine(src[n], src[n + 1], this[cacheKey]);
          }
        }
        return this[cacheKey];
      },
      set(val) { this[cacheKey] = val; },
    },
    distinct: {
      __proto__: null,
      configurable: true,
      enumerable: true,
      get() {
        if (!this[distinctKey]) {
          this[distinctKey] = {};
          const src = this[raw];
          for (let n = 0; n < this[countKey]; n += 2) {
            this._addHeaderLineDistinct(src[n], src[n + 1], this[distinctKey]);
          }
        }
        return this[distinctKey];
      },
      set(val) { this[distinctKey] = val; },
    },
  };
}

const headerProps = lazyHeaders('rawHeaders', kHeadersCount, kHeaders, kHeadersDistinct);
const trailerProps = lazyHeaders('rawTrailers', kTrailersCount, kTrailers, kTrailersDistinct);
Object.defineProperty(IncomingMessage.prototype, 'headers', headerProps.headers);
Object.defineProperty(IncomingMessage.prototype, 'headersDistinct', headerProps.distinct);
Object.defineProperty(IncomingMessage.prototype, 'trailers', trailerProps.headers);
Object.defineProperty(IncomingMessage.prototype, 'trailersDistinct', trailerProps.distinct);

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

// Called by the parser with the whole raw header list (at most `n` entries used).
IncomingMessage.prototype._setRawHeaders = function _setRawHeaders(headers, n) {
  this.rawHeaders = n < headers.length ? headers.slice(0, n) : headers;
  this[kHeadersCount] = n;
  this[kHeaders] = null;
};

IncomingMessage.prototype._addTrailers = function _addTrailers(headers, n) {
  this.rawTrailers = n < headers.length ? headers.slice(0, n) : headers;
  this[kTrailersCount] = n;
  this[kTrailers] = null;
};

// Node's public-ish API: add raw header lines to the headers (or trailers once complete).
IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers, n) {
  if (headers && headers.length) {
    const dest = this.complete ? this.trailers : this.headers;
    for (let i = 0; i < n; i += 2) this._addHeaderLine(headers[i], headers[i + 1], dest);
  }
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // We actually do almost nothing here, because the parserOnBody function fills up our
  // internal buffer directly. However, we do need to unpause the underlying socket so
  // that it flows.
  if (this.socket && this.socket.readable) readStart(this.socket);
};

IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e && e.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

function onError(self, error, cb) {
  // An error is emitted only if there are listeners attached to the event.
  if (self.listenerCount('error') === 0) cb();
  else cb(error);
}

// Fields whose duplicates are dropped (RFC 9110: they must appear once).
const dropDuplicates = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from',
  'host', 'if-modified-since', 'if-unmodified-since', 'last-modified', 'location',
  'max-forwards', 'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

function lowerCase(field) {
  // Most header names arrive in a common spelling; toLowerCase is cheap for ASCII.
  return field.toLowerCase();
}

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field, value, dest) {
  field = lowerCase(field);
  const existing = Object.prototype.hasOwnProperty.call(dest, field) ? dest[field] : undefined;
  if (field === 'set-cookie') {
    if (existing !== undefined) existing.push(value);
    else dest[field] = [value];
  } else if (existing === undefined) {
    dest[field] = value;
  } else if (field === 'cookie') {
    dest[field] = `${existing}; ${value}`;
  } else if (this.joinDuplicateHeaders || !dropDuplicates.has(field)) {
    if (typeof existing === 'string') dest[field] = `${existing}, ${value}`;
  }
};

IncomingMessage.prototype._addHeaderLineDistinct = function(field, value, dest) {
  field = lowerCase(field);
  if (!Object.prototype.hasOwnProperty.call(dest, field)) dest[field] = [value];
  else dest[field].push(value);
};

// Call this instead of resume() if we want to just dump all the data to /dev/null.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    // If there is buffered data, it may trigger 'data' events. Remove 'data' event
    // listeners explicitly.
    this.removeAllListeners('data');
    this.resume();
  }
};

// The end of _dump() for a body-less message that nobody listens to: the state that
// resume(), 'end', autoDestroy and 'close' would leave four ticks later, set at once.
// Only when no listener of any kind could observe the difference; false otherwise (the
// caller then takes the ordinary _dump() path).
function dumpUnobserved(msg) {
  const state = msg._readableState;
  if (msg._dumped || msg._eventsCount !== 0 || !msg.complete ||
      Object.getPrototypeOf(msg) !== IncomingMessage.prototype ||
      !state.ended || state.length !== 0 || state.flowing !== null || state.endEmitted ||
      state.destroyed || state.errored || state.pipes.length !== 0 || !state.autoDestroy ||
      msg.socket === null || msg.socket.destroyed) {
    return false;
  }
  msg._dumped = true;
  state.flowing = true;
  state.paused = false;
  state.endEmitted = true;
  state.destroyed = true;
  state.closed = true;
  state.closeEmitted = true;
  return true;
}

module.exports = { IncomingMessage, readStart, readStop, connResetException, dumpUnobserved };
