'use strict';
// node:http2's compatibility API: Http2ServerRequest and Http2ServerResponse, so that
// (req, res) handlers written for node:http run on an HTTP/2 server stream.

const { Readable, Stream } = require('stream');
const { codes } = require('internal/errors');
const { constants } = require('internal/http2/util');
const { kSocket } = require('internal/http2/core');

const {
  ERR_HTTP2_HEADERS_SENT, ERR_HTTP2_INVALID_STREAM, ERR_HTTP2_STATUS_INVALID,
  ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED, ERR_INVALID_ARG_TYPE, ERR_HTTP2_INFO_STATUS_NOT_ALLOWED,
  ERR_INVALID_ARG_VALUE, ERR_HTTP2_INVALID_HEADER_VALUE,
} = codes;

const kStream = Symbol('kStream');

let statusMessageWarned = false;
function warnStatusMessage() {
  if (statusMessageWarned) return;
  statusMessageWarned = true;
  process.emitWarning('Status message is not supported by HTTP/2 (RFC7540 8.1.2.4)',
    'UnsupportedWarning');
}

function validateName(name) {
  if (typeof name !== 'string') throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
  name = name.trim();
  if (name.length === 0 || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
    throw new codes.ERR_INVALID_HTTP_TOKEN('Header name', name);
  }
}

class Http2ServerRequest extends Readable {
  constructor(stream, headers, options, rawHeaders) {
    super({ autoDestroy: false, ...options });
    this[kStream] = stream;
    this.headers = headers;
    this.rawHeaders = rawHeaders || [];
    this.trailers = {};
    this.rawTrailers = [];
    this.complete = false;
    this._aborted = false;
    stream.on('trailers', (trailers, flags, raw) => {
      this.trailers = trailers;
      this.rawTrailers = raw;
    });
    stream.on('data', (chunk) => {
      if (!this.push(chunk)) stream.pause();
    });
    stream.on('end', () => {
      this.complete = true;
      this.push(null);
    });
    stream.on('aborted', () => {
      this._aborted = true;
      this.emit('aborted');
    });
    stream.on('error', () => {});
    stream.on('close', () => {
      if (!this.complete && !this._aborted) {
        this._aborted = true;
        this.emit('aborted');
      }
      this.emit('close');
    });
    stream.on('timeout', () => this.emit('timeout'));
  }

  _read() { this[kStream].resume(); }

  get aborted() { return this._aborted; }
  get stream() { return this[kStream]; }
  get httpVersion() { return '2.0'; }
  get httpVersionMajor() { return 2; }
  get httpVersionMinor() { return 0; }
  get method() { return this.headers[':method']; }
  set method(m) {
    if (typeof m !== 'string') throw new ERR_INVALID_ARG_TYPE('method', 'string', m);
    if (m.trim() === '') throw new ERR_INVALID_ARG_VALUE('method', m);
    this.headers[':method'] = m;
  }
  get authority() { return this.headers[':authority'] ?? this.headers.host; }
  get scheme() { return this.headers[':scheme']; }
  get url() { return this.headers[':path']; }
  set url(url) { this.headers[':path'] = url; }
  get socket() { return this[kStream].session ? this[kStream].session[kSocket] : undefined; }
  get connection() { return this.socket; }

  setTimeout(msecs, callback) {
    this[kStream].setTimeout(msecs, callback);
    return this;
  }
}

class Http2ServerResponse extends Stream {
  constructor(stream, headers) {
    super();
    this[kStream] = stream;
    this._headers = { __proto__: null };
    this._statusCode = 200;
    this._trailers = { __proto__: null };
    this.sendDate = true;
    this.writableEnded = false;
    this._finished = false;
    this.writable = true;
    this.req = undefined;
    stream.on('drain', () => this.emit('drain'));
    stream.on('error', () => {});
    stream.on('close', () => {
      this.writable = false;
      if (!this._finishEmitted) {
        this._finishEmitted = true;
        this.emit('finish');
      }
      // As node:http does: a request body nobody read is drained, so it still ends.
      const req = this.req;
      if (req && req.readableFlowing === null && !req.readableEnded) req.resume();
      this.emit('close');
    });
    stream.on('wantTrailers', () => {
      stream.sendTrailers(this._trailers);
    });
    stream.on('timeout', () => this.emit('timeout'));
  }

  get stream() { return this[kStream]; }
  get socket() { return this[kStream].session ? this[kStream].session[kSocket] : undefined; }
  get connection() { return this.socket; }
  get headersSent() { return this[kStream].headersSent; }
  get _header() { return this.headersSent; }
  get finished() { return this.writableEnded; }
  get writableCorked() { return this[kStream].writableCorked; }
  get writableHighWaterMark() { return this[kStream].writableHighWaterMark; }
  get writableFinished() { return this[kStream].writableFinished; }
  get writableLength() { return this[kStream].writableLength; }

  get statusCode() { return this._statusCode; }
  set statusCode(code) {
    code |= 0;
    if (code >= 100 && code < 200) throw new ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    if (code < 100 || code > 599) throw new ERR_HTTP2_STATUS_INVALID(code);
    this._statusCode = code;
  }

  get statusMessage() {
    warnStatusMessage();
    return '';
  }

  set statusMessage(msg) { warnStatusMessage(); }

  setHeader(name, value) {
    if (typeof name === 'string' && name.trim()[0] === ':') {
      throw new ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
    }
    validateName(name);
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    if (value === undefined || value === null) throw new ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
    name = name.trim().toLowerCase();
    if (name[0] === ':') throw new ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
    if (name === 'connection') {
      process.emitWarning('The provided connection header is not valid, the value will be ' +
        'dropped from the header and will never be in use.', 'UnsupportedWarning');
      return this;
    }
    this._headers[name] = value;
    return this;
  }

  appendHeader(name, value) {
    validateName(name);
    name = name.trim().toLowerCase();
    const existing = this._headers[name];
    if (existing === undefined) this._headers[name] = value;
    else this._headers[name] = [].concat(existing, value);
    return this;
  }

  getHeader(name) {
    validateName(name);
    return this._headers[name.trim().toLowerCase()];
  }

  hasHeader(name) {
    validateName(name);
    return this._headers[name.trim().toLowerCase()] !== undefined;
  }

  removeHeader(name) {
    validateName(name);
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    name = name.trim().toLowerCase();
    if (name === 'date') this.sendDate = false;
    delete this._headers[name];
  }

  getHeaders() { return { __proto__: null, ...this._headers }; }
  getHeaderNames() { return Object.keys(this._headers); }

  setTrailer(name, value) {
    validateName(name);
    this._trailers[name.trim().toLowerCase()] = value;
  }

  addTrailers(headers) {
    for (const key of Object.keys(headers)) this.setTrailer(key, headers[key]);
  }

  writeHead(statusCode, statusMessage, headers) {
    if (this.headersSent) {
      if (this[kStream].destroyed || this._finishEmitted) return this;
      throw new ERR_HTTP2_HEADERS_SENT();
    }
    if (typeof statusMessage === 'string') warnStatusMessage();
    else headers = statusMessage;
    if (this[kStream].destroyed) return this;
    this.statusCode = statusCode;
    if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [k, v] of headers) this.appendHeader(k, v);
      } else {
        if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let i = 0; i < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      }
    } else if (headers) {
      for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    }
    this._respond();
    return this;
  }

  _respond() {
    const stream = this[kStream];
    if (stream.headersSent || stream.destroyed) return;
    const headers = { ...this._headers, ':status': this._statusCode };
    stream._sendDate = this.sendDate;
    if (!this.sendDate) delete headers.date;
    stream.respond(headers, { endStream: false, waitForTrailers: true });
  }

  flushHeaders() {
    if (!this[kStream].headersSent) this._respond();
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    const stream = this[kStream];
    if (this.writableEnded) {
      const err = new codes.ERR_STREAM_WRITE_AFTER_END();
      if (typeof cb === 'function') process.nextTick(cb, err);
      this.destroy(err);
      return false;
    }
    if (this._destroyed) return false;
    if (stream.destroyed || stream.closed) {
      // The stream closed under the response (not destroyed through it): as in Node, the
      // callback learns of it.
      if (typeof cb === 'function') process.nextTick(cb, new codes.ERR_HTTP2_INVALID_STREAM());
      return false;
    }
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
    this._respond();
    return stream.write(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    const stream = this[kStream];
    if (this.writableEnded || stream.destroyed) {
      if (typeof cb === 'function') process.nextTick(cb);
      return this;
    }
    if (chunk !== null && chunk !== undefined) {
      if (!stream.headersSent && this._headers['content-length'] === undefined) {
        // Let the length be known up front, as node:http does for a single end(chunk).
      }
      this._respond();
      stream.write(chunk, encoding);
    }
    this.writableEnded = true;
    this._respond();
    if (typeof cb === 'function') {
      // A HEAD response (or one ended by respond()) has no stream 'finish' left to
      // wait for: the response's own 'finish' comes when the stream closes.
      if (stream.writableEnded) this.once('finish', cb);
      else stream.once('finish', cb);
    }
    stream.end();
    return this;
  }

  destroy(err) {
    const stream = this[kStream];
    this._destroyed = true;
    if (!stream.destroyed) stream.destroy(err);
  }

  setTimeout(msecs, callback) {
    this[kStream].setTimeout(msecs, callback);
    return this;
  }

  writeContinue() {
    const stream = this[kStream];
    if (stream.headersSent || stream.closed) return false;
    stream.additionalHeaders({ ':status': 100 });
    return true;
  }

  writeEarlyHints(hints) {
    if (hints === null || typeof hints !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('hints', 'Object', hints);
    }
    const stream = this[kStream];
    if (stream.headersSent || stream.closed) return false;
    const headers = { ':status': 103 };
    for (const key of Object.keys(hints)) {
      headers[key.toLowerCase()] = hints[key];
    }
    stream.additionalHeaders(headers);
    return true;
  }

  createPushResponse(headers, callback) {
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    const stream = this[kStream];
    if (stream.destroyed || stream.closed) {
      process.nextTick(callback, new codes.ERR_HTTP2_INVALID_STREAM());
      return;
    }
    stream.pushStream(headers, {}, (err, pushStream) => {
      if (err) return callback(err);
      callback(null, new Http2ServerResponse(pushStream));
    });
  }

  cork() { this[kStream].cork(); }
  uncork() { this[kStream].uncork(); }
}

module.exports = { Http2ServerRequest, Http2ServerResponse, constants };
