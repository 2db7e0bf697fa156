'use strict';
// Rendering an OutgoingMessage's head: the header block from setHeader()'s map, a
// writeHead() object or a flat/nested array, plus the headers the message adds itself
// (Date, Connection, Keep-Alive, Content-Length or Transfer-Encoding), and the cached
// Date value.

const {
  codes: { ERR_HTTP_TRAILER_INVALID, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { chunkExpression } = require('internal/http/common');

const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;

const RE_NON_ASCII = /[^\x00-\x7f]/;

let utcCache;
let dateLineCache;

function resetCache() {
  utcCache = undefined;
  dateLineCache = undefined;
}

// The Date header's value, recomputed at most once a second.
function utcDate() {
  if (!utcCache) {
    const d = new Date();
    utcCache = d.toUTCString();
    setTimeout(resetCache, 1000 - d.getMilliseconds()).unref();
  }
  return utcCache;
}

// The whole `Date: ...` line, cached with the value.
function dateLine() {
  if (dateLineCache === undefined) dateLineCache = `Date: ${utcDate()}\r\n`;
  return dateLineCache;
}

// The Connection and Keep-Alive lines of a keep-alive response, for the last timeout
// and request limit seen (one server's responses all share them).
let keepAliveKey = -1;
let keepAliveMax = -1;
let keepAliveLines = '';

function keepAliveHeader(timeoutMs, maxRequests) {
  if (timeoutMs !== keepAliveKey || maxRequests !== keepAliveMax) {
    const timeoutSeconds = Math.floor(timeoutMs / 1000);
    const max = ~~maxRequests > 0 ? `, max=${maxRequests}` : '';
    keepAliveLines = `Connection: keep-alive\r\nKeep-Alive: timeout=${timeoutSeconds}${max}\r\n`;
    keepAliveKey = timeoutMs;
    keepAliveMax = maxRequests;
  }
  return keepAliveLines;
}

// Records what a header means for framing and connection handling.
function matchHeader(msg, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  switch (field.toLowerCase()) {
    case 'connection':
      state.connection = true;
      msg._removedConnection = false;
      if (RE_CONN_CLOSE.test(value)) msg._last = true;
      else msg.shouldKeepAlive = true;
      break;
    case 'transfer-encoding':
      state.te = true;
      msg._removedTE = false;
      if (chunkExpression.test(value)) msg.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      msg._contentLength = +value;
      msg._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field.toLowerCase()] = true;
      break;
    case 'keep-alive':
      msg._defaultKeepAlive = false;
      break;
  }
}

function isCookieField(s) {
  return s.length === 6 && s.toLowerCase() === 'cookie';
}

function storeHeader(msg, state, key, value, validate, validateValue) {
  if (validate) validateValue(key, value);
  // Names are tokens (ASCII); only values and the first line can be Latin-1. An object
  // value is turned into its string once, as the template below would.
  if (typeof value === 'object' && value !== null) value = `${value}`;
  if (typeof value === 'string' && !state.nonAscii && RE_NON_ASCII.test(value)) {
    state.nonAscii = true;
  }
  state.header += `${key}: ${value}\r\n`;
  matchHeader(msg, state, key, value);
}

function processHeader(msg, state, key, value, validate, validateName, validateValue) {
  if (validate) validateName(key);
  if (Array.isArray(value)) {
    if (value.length < 2 || !isCookieField(key)) {
      // Each value on its own line (Set-Cookie must never be joined).
      for (let i = 0; i < value.length; i++) {
        storeHeader(msg, state, key, value[i], validate, validateValue);
      }
      return;
    }
    value = value.join('; ');
  }
  storeHeader(msg, state, key, value, validate, validateValue);
}

function storeHeaderBlock(msg, firstLine, headers, kOutHeaders, validateName, validateValue,
                          firstLineAscii) {
  const state = {
    connection: false, contLen: false, te: false, date: false, expect: false,
    trailer: false, header: firstLine,
    nonAscii: !firstLineAscii && RE_NON_ASCII.test(firstLine),
  };
  if (headers) {
    if (headers === msg[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(msg, state, entry[0], entry[1], false, validateName, validateValue);
      }
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (let i = 0; i < headers.length; i++) {
          const entry = headers[i];
          processHeader(msg, state, entry[0], entry[1], true, validateName, validateValue);
        }
      } else {
        if (headers.length % 2 !== 0) throw new ERR_INVALID_ARG_VALUE('headers', headers);
        for (let n = 0; n < headers.length; n += 2) {
          processHeader(msg, state, headers[n], headers[n + 1], true, validateName,
                        validateValue);
        }
      }
    } else {
      for (const key in headers) {
        if (Object.prototype.hasOwnProperty.call(headers, key)) {
          processHeader(msg, state, key, headers[key], true, validateName, validateValue);
        }
      }
    }
  }
  let { header } = state;
  if (msg.sendDate && !state.date) header += dateLine();

  // A 204 or 304 must not have a body, yet the user set chunked Transfer-Encoding: send
  // no zero chunk (it could confuse proxies) and close the connection instead.
  if (msg.chunkedEncoding && (msg.statusCode === 204 || msg.statusCode === 304)) {
    msg.chunkedEncoding = false;
    msg.shouldKeepAlive = false;
  }
  if (!state.connection) {
    const shouldSendKeepAlive = msg.shouldKeepAlive &&
      (state.contLen || msg.useChunkedEncodingByDefault || msg.agent);
    if (shouldSendKeepAlive && msg.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (shouldSendKeepAlive) {
      if (msg._keepAliveTimeout && msg._defaultKeepAlive) {
        header += keepAliveHeader(msg._keepAliveTimeout, msg._maxRequestsPerSocket);
      } else {
        header += 'Connection: keep-alive\r\n';
      }
    } else {
      msg._last = true;
      header += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te) {
    if (!msg._hasBody) {
      msg.chunkedEncoding = false;
    } else if (!msg.useChunkedEncodingByDefault) {
      msg._last = true;
    } else if (!state.trailer && !msg._removedContLen &&
               typeof msg._contentLength === 'number') {
      header += `Content-Length: ${msg._contentLength}\r\n`;
    } else if (!msg._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      msg.chunkedEncoding = true;
    } else {
      // Neither Content-Length nor Transfer-Encoding: the body runs to connection close.
      msg._last = true;
    }
  }
  if (msg.chunkedEncoding !== true && state.trailer) throw new ERR_HTTP_TRAILER_INVALID();
  msg._header = `${header}\r\n`;
  // Header bytes are Latin-1: a head with characters above 0x7f cannot share a UTF-8 write.
  msg._headerNonAscii = state.nonAscii;
  msg._headerSent = false;
  // Wait until the first body chunk, or close(), is sent to flush, UNLESS we're sending
  // Expect: 100-continue.
  if (state.expect) msg._send('');
}

module.exports = { storeHeaderBlock, utcDate };
