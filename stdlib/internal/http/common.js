'use strict';
// What the HTTP server and client share: the pool of HTTPParser objects (http_parser
// binding) and the parser callbacks that turn llhttp's events into IncomingMessages,
// header token/value checks, and the protocol constants.

const { HTTPParser, methods, allMethods, setBufferConstructor } =
  internalBinding('http_parser');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { IncomingMessage, readStart, readStop } = require('internal/http/incoming');

setBufferConstructor(FastBuffer);

const { kOnMessageBegin, kOnHeaders, kOnHeadersComplete, kOnBody, kOnMessageComplete } =
  HTTPParser;

const kIncomingMessage = Symbol('IncomingMessage');
const kRequestTimeout = Symbol('RequestTimeout');
const CRLF = '\r\n';
const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;
const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
const kMaxHeaderPairs = 2000;

// Header names already found valid, so that the names a server sends with every
// response are matched once rather than per response. Bounded: short names only, and
// none added once full. (Values are not kept: they may be secrets, and vary more.)
const knownTokens = new Set();
const kMaxKnownTokens = 256;
const kMaxKnownTokenLength = 64;

// Verifies that the given value is a valid HTTP token per RFC 9110.
function checkIsHttpToken(val) {
  if (knownTokens.has(val)) return true;
  if (!tokenRegExp.test(val)) return false;
  if (typeof val === 'string' && val.length <= kMaxKnownTokenLength &&
      knownTokens.size < kMaxKnownTokens) {
    knownTokens.add(val);
  }
  return true;
}

// True when the value has a character not allowed in a header value. A number's
// string form never has one (digits, '-', '.', 'e', '+', 'Infinity', 'NaN').
function checkInvalidHeaderChar(val) {
  return typeof val !== 'number' && headerCharRegex.test(val);
}

// Trailers (and, in Node, headers flushed early) arrive here before message complete.
function parserOnHeaders(headers, url) {
  if (this.maxHeaderPairs <= 0 || this._headers.length < this.maxHeaderPairs) {
    this._headers = this._headers.concat(headers);
  }
  this._url += url;
}

function parserOnHeadersComplete(versionMajor, versionMinor, headers, method, url,
                                 statusCode, statusMessage, upgrade, shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;
  if (headers === undefined) {
    headers = parser._headers;
    parser._headers = [];
  }
  if (url === undefined) {
    url = parser._url;
    parser._url = '';
  }
  const Incoming = (socket && socket.server && socket.server[kIncomingMessage]) ||
    IncomingMessage;
  const incoming = parser.incoming = new Incoming(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = versionMajor === 1 && versionMinor === 1 ? '1.1' :
    `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = (socket && socket.server &&
    socket.server.joinDuplicateHeaders) || parser.joinDuplicateHeaders;
  incoming.url = url;
  incoming.upgrade = upgrade;
  let n = headers.length;
  if (parser.maxHeaderPairs > 0) n = Math.min(n, parser.maxHeaderPairs);
  incoming._setRawHeaders(headers, n);
  if (typeof method === 'number') {
    incoming.method = allMethods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

function parserOnBody(chunk) {
  const stream = this.incoming;
  if (stream === null || stream._dumped) return;
  if (!stream.push(chunk)) readStop(this.socket);
}

function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null) {
    stream.complete = true;
    const headers = parser._headers;
    if (headers.length) {
      stream._addTrailers(headers, headers.length);
      parser._headers = [];
      parser._url = '';
    }
    stream.push(null);
  }
  // For emit end event.
  readStart(parser.socket);
}

// A small pool: creating an HTTPParser (a C++ object with llhttp state) per connection
// costs more than resetting one.
const freeParsers = [];
const kMaxFreeParsers = 1000;

function newParser() {
  const parser = new HTTPParser();
  parser._headers = [];
  parser._url = '';
  parser._consumed = false;
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = kMaxHeaderPairs;
  // The parser tracks message starts itself (activeAge()): no callback per message.
  parser[kOnMessageBegin] = null;
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  return parser;
}

const parsers = {
  alloc() { return freeParsers.length > 0 ? freeParsers.pop() : newParser(); },
  free(parser) {
    if (freeParsers.length < kMaxFreeParsers) freeParsers.push(parser);
  },
};

function cleanParser(parser) {
  parser._headers = [];
  parser._url = '';
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = kMaxHeaderPairs;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
  parser[HTTPParser.kOnTimeout] = null;
}

function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    cleanParser(parser);
    parser.remove();
    parsers.free(parser);
    parser.free();
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

// Adds what Node attaches to parse errors: the bytes that failed.
function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || null;
  if (typeof err.reason === 'string') err.message = `Parse Error: ${err.reason}`;
}

if (/(^|,)\s*http\s*(,|$)/i.test(process.env.NODE_DEBUG || '')) {
  process.emitWarning('Setting the NODE_DEBUG environment variable to \'http\' can expose ' +
                      'sensitive data (such as passwords, tokens and authentication headers) ' +
                      'in the resulting log.');
}

let warnedLenient = false;

function isLenient() {
  if (process.execArgv.includes('--insecure-http-parser') && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return process.execArgv.includes('--insecure-http-parser');
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression,
  continueExpression,
  CRLF,
  freeParser,
  HTTPParser,
  isLenient,
  kIncomingMessage,
  kRequestTimeout,
  methods,
  allMethods,
  parsers,
  prepareError,
};
