'use strict';
// node:http2's tables and pure helpers: constants, settings packing and validation,
// header-object <-> header-list conversion, and the ERR_HTTP2_* codes.

const { Buffer } = require('buffer');
const { E, codes } = require('internal/errors');

function define(code, message, Base) {
  if (codes[code] === undefined) E(code, message, Base);
}
define('ERR_HTTP2_ALTSVC_INVALID_ORIGIN', 'HTTP/2 ALTSVC frames require a valid origin', TypeError);
define('ERR_HTTP2_ALTSVC_LENGTH', 'HTTP/2 ALTSVC frames are limited to 16382 bytes', TypeError);
define('ERR_HTTP2_CONNECT_AUTHORITY', ':authority header is required for CONNECT requests', Error);
define('ERR_HTTP2_CONNECT_PATH', 'The :path header is forbidden for CONNECT requests', Error);
define('ERR_HTTP2_CONNECT_SCHEME', 'The :scheme header is forbidden for CONNECT requests', Error);
define('ERR_HTTP2_ERROR', '%s', Error);
define('ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY', Error);
define('ERR_HTTP2_HEADERS_AFTER_RESPOND', 'Cannot specify additional headers after response initiated', Error);
define('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.', Error);
define('ERR_HTTP2_HEADER_SINGLE_VALUE', 'Header field "%s" must only have a single value', TypeError);
define('ERR_HTTP2_INFO_STATUS_NOT_ALLOWED', 'Informational status codes cannot be used', RangeError);
define('ERR_HTTP2_INVALID_CONNECTION_HEADERS', 'HTTP/1 Connection specific headers are forbidden: "%s"', TypeError);
define('ERR_HTTP2_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
define('ERR_HTTP2_INVALID_INFO_STATUS', 'Invalid informational status code: %s', RangeError);
define('ERR_HTTP2_INVALID_ORIGIN', 'HTTP/2 ORIGIN frames require a valid origin', TypeError);
define('ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH', 'Packed settings length must be a multiple of six', RangeError);
define('ERR_HTTP2_INVALID_PSEUDOHEADER', '"%s" is an invalid pseudoheader or is used incorrectly', TypeError);
define('ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed', Error);
define('ERR_HTTP2_INVALID_SETTING_VALUE',
  (name, value) => `Invalid value for setting "${name}": ${value}`, RangeError);
define('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed', Error);
define('ERR_HTTP2_MAX_PENDING_SETTINGS_ACK', 'Maximum number of pending settings acknowledgements', Error);
define('ERR_HTTP2_NESTED_PUSH', 'A push stream cannot initiate another push stream.', Error);
define('ERR_HTTP2_NO_SOCKET_MANIPULATION', 'HTTP/2 sockets should not be directly manipulated (e.g. read and written)', Error);
define('ERR_HTTP2_OUT_OF_STREAMS', 'No stream ID is available because maximum stream ID has been reached', Error);
define('ERR_HTTP2_PAYLOAD_FORBIDDEN', 'Responses with %s status must not have a payload', Error);
define('ERR_HTTP2_PING_CANCEL', 'HTTP2 ping cancelled', Error);
define('ERR_HTTP2_PING_LENGTH', 'HTTP2 ping payload must be 8 bytes', RangeError);
define('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', 'Cannot set HTTP/2 pseudo-headers', TypeError);
define('ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams', Error);
define('ERR_HTTP2_SEND_FILE', 'Directories cannot be sent', Error);
define('ERR_HTTP2_SEND_FILE_NOSEEK', 'Offset or length can only be specified for regular files', Error);
define('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code %s', Error);
define('ERR_HTTP2_SETTINGS_CANCEL', 'HTTP2 session settings canceled', Error);
define('ERR_HTTP2_SOCKET_BOUND', 'The socket is already bound to an Http2Session', Error);
define('ERR_HTTP2_SOCKET_UNBOUND', 'The socket has been disconnected from the Http2Session', Error);
define('ERR_HTTP2_STATUS_101', 'HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2', Error);
define('ERR_HTTP2_STATUS_INVALID', 'Invalid status code: %s', RangeError);
define('ERR_HTTP2_STREAM_CANCEL', (error) => {
  let message = 'The pending stream has been canceled';
  if (error) message += ` (caused by: ${error.message})`;
  return message;
}, Error);
define('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code %s', Error);
define('ERR_HTTP2_STREAM_SELF_DEPENDENCY', 'A stream cannot depend on itself', Error);
define('ERR_HTTP2_TOO_MANY_INVALID_FRAMES', 'Too many invalid HTTP/2 frames', Error);
define('ERR_HTTP2_TRAILERS_ALREADY_SENT', 'Trailing headers have already been sent', Error);
define('ERR_HTTP2_TRAILERS_NOT_READY', 'Trailing headers cannot be sent until after the wantTrailers event is emitted', Error);
define('ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "%s" is unsupported.', Error);

const errorNames = [
  'NGHTTP2_NO_ERROR', 'NGHTTP2_PROTOCOL_ERROR', 'NGHTTP2_INTERNAL_ERROR',
  'NGHTTP2_FLOW_CONTROL_ERROR', 'NGHTTP2_SETTINGS_TIMEOUT', 'NGHTTP2_STREAM_CLOSED',
  'NGHTTP2_FRAME_SIZE_ERROR', 'NGHTTP2_REFUSED_STREAM', 'NGHTTP2_CANCEL',
  'NGHTTP2_COMPRESSION_ERROR', 'NGHTTP2_CONNECT_ERROR', 'NGHTTP2_ENHANCE_YOUR_CALM',
  'NGHTTP2_INADEQUATE_SECURITY', 'NGHTTP2_HTTP_1_1_REQUIRED',
];

const headerNames = [
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol', 'accept-encoding',
  'accept-language', 'accept-ranges', 'accept', 'access-control-allow-credentials',
  'access-control-allow-headers', 'access-control-allow-methods',
  'access-control-allow-origin', 'access-control-expose-headers',
  'access-control-request-headers', 'access-control-request-method', 'age', 'authorization',
  'cache-control', 'connection', 'content-disposition', 'content-encoding', 'content-length',
  'content-type', 'cookie', 'date', 'etag', 'forwarded', 'host', 'if-modified-since',
  'if-none-match', 'if-range', 'last-modified', 'link', 'location', 'range', 'referer',
  'server', 'set-cookie', 'strict-transport-security', 'transfer-encoding', 'te',
  'upgrade-insecure-requests', 'upgrade', 'user-agent', 'vary', 'x-content-type-options',
  'x-frame-options', 'keep-alive', 'proxy-connection', 'x-xss-protection', 'alt-svc',
  'content-security-policy', 'early-data', 'expect-ct', 'origin', 'purpose', 'timing-allow-origin',
  'x-forwarded-for', 'priority', 'accept-charset', 'access-control-max-age', 'allow',
  'content-language', 'content-location', 'content-md5', 'content-range', 'dnt', 'expect',
  'expires', 'from', 'if-match', 'if-unmodified-since', 'max-forwards', 'prefer',
  'proxy-authenticate', 'proxy-authorization', 'refresh', 'retry-after', 'trailer', 'tk',
  'via', 'warning', 'www-authenticate', 'http2-settings',
];

const methods = [
  'ACL', 'BASELINE-CONTROL', 'BIND', 'CHECKIN', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE',
  'GET', 'HEAD', 'LABEL', 'LINK', 'LOCK', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL',
  'MKREDIRECTREF', 'MKWORKSPACE', 'MOVE', 'OPTIONS', 'ORDERPATCH', 'PATCH', 'POST', 'PRI',
  'PROPFIND', 'PROPPATCH', 'PUT', 'REBIND', 'REPORT', 'SEARCH', 'TRACE', 'UNBIND',
  'UNCHECKOUT', 'UNLINK', 'UNLOCK', 'UPDATE', 'UPDATEREDIRECTREF', 'VERSION-CONTROL',
];

const statuses = {
  CONTINUE: 100, SWITCHING_PROTOCOLS: 101, PROCESSING: 102, EARLY_HINTS: 103, OK: 200,
  CREATED: 201, ACCEPTED: 202, NON_AUTHORITATIVE_INFORMATION: 203, NO_CONTENT: 204,
  RESET_CONTENT: 205, PARTIAL_CONTENT: 206, MULTI_STATUS: 207, ALREADY_REPORTED: 208,
  IM_USED: 226, MULTIPLE_CHOICES: 300, MOVED_PERMANENTLY: 301, FOUND: 302, SEE_OTHER: 303,
  NOT_MODIFIED: 304, USE_PROXY: 305, TEMPORARY_REDIRECT: 307, PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400, UNAUTHORIZED: 401, PAYMENT_REQUIRED: 402, FORBIDDEN: 403,
  NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, NOT_ACCEPTABLE: 406,
  PROXY_AUTHENTICATION_REQUIRED: 407, REQUEST_TIMEOUT: 408, CONFLICT: 409, GONE: 410,
  LENGTH_REQUIRED: 411, PRECONDITION_FAILED: 412, PAYLOAD_TOO_LARGE: 413, URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415, RANGE_NOT_SATISFIABLE: 416, EXPECTATION_FAILED: 417,
  TEAPOT: 418, MISDIRECTED_REQUEST: 421, UNPROCESSABLE_ENTITY: 422, LOCKED: 423,
  FAILED_DEPENDENCY: 424, TOO_EARLY: 425, UPGRADE_REQUIRED: 426, PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429, REQUEST_HEADER_FIELDS_TOO_LARGE: 431,
  UNAVAILABLE_FOR_LEGAL_REASONS: 451, INTERNAL_SERVER_ERROR: 500, NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
  HTTP_VERSION_NOT_SUPPORTED: 505, VARIANT_ALSO_NEGOTIATES: 506, INSUFFICIENT_STORAGE: 507,
  LOOP_DETECTED: 508, BANDWIDTH_LIMIT_EXCEEDED: 509, NOT_EXTENDED: 510,
  NETWORK_AUTHENTICATION_REQUIRED: 511,
};

const constants = {
  NGHTTP2_ERR_FRAME_SIZE_ERROR: -522,
  NGHTTP2_SESSION_SERVER: 0,
  NGHTTP2_SESSION_CLIENT: 1,
  NGHTTP2_STREAM_STATE_IDLE: 1,
  NGHTTP2_STREAM_STATE_OPEN: 2,
  NGHTTP2_STREAM_STATE_RESERVED_LOCAL: 3,
  NGHTTP2_STREAM_STATE_RESERVED_REMOTE: 4,
  NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL: 5,
  NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE: 6,
  NGHTTP2_STREAM_STATE_CLOSED: 7,
  NGHTTP2_FLAG_NONE: 0,
  NGHTTP2_FLAG_END_STREAM: 1,
  NGHTTP2_FLAG_END_HEADERS: 4,
  NGHTTP2_FLAG_ACK: 1,
  NGHTTP2_FLAG_PADDED: 8,
  NGHTTP2_FLAG_PRIORITY: 32,
  DEFAULT_SETTINGS_HEADER_TABLE_SIZE: 4096,
  DEFAULT_SETTINGS_ENABLE_PUSH: 1,
  DEFAULT_SETTINGS_MAX_CONCURRENT_STREAMS: 4294967295,
  DEFAULT_SETTINGS_INITIAL_WINDOW_SIZE: 65535,
  DEFAULT_SETTINGS_MAX_FRAME_SIZE: 16384,
  DEFAULT_SETTINGS_MAX_HEADER_LIST_SIZE: 65535,
  DEFAULT_SETTINGS_ENABLE_CONNECT_PROTOCOL: 0,
  MAX_MAX_FRAME_SIZE: 16777215,
  MIN_MAX_FRAME_SIZE: 16384,
  MAX_INITIAL_WINDOW_SIZE: 2147483647,
  NGHTTP2_SETTINGS_HEADER_TABLE_SIZE: 1,
  NGHTTP2_SETTINGS_ENABLE_PUSH: 2,
  NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS: 3,
  NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE: 4,
  NGHTTP2_SETTINGS_MAX_FRAME_SIZE: 5,
  NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE: 6,
  NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL: 8,
  PADDING_STRATEGY_NONE: 0,
  PADDING_STRATEGY_ALIGNED: 1,
  PADDING_STRATEGY_MAX: 2,
  PADDING_STRATEGY_CALLBACK: 1,
};
errorNames.forEach((name, i) => { constants[name] = i; });
constants.NGHTTP2_DEFAULT_WEIGHT = 16;
for (const name of headerNames) {
  const key = name.startsWith(':') ? name.slice(1) : name;
  constants[`HTTP2_HEADER_${key.toUpperCase().replace(/-/g, '_')}`] = name;
}
for (const m of methods) constants[`HTTP2_METHOD_${m.replace(/-/g, '_')}`] = m;
for (const key of Object.keys(statuses)) constants[`HTTP_STATUS_${key}`] = statuses[key];

function errorCodeName(code) {
  return errorNames[code] || code;
}

// Setting name -> [id, min, max, isBoolean].
const settingInfo = {
  headerTableSize: [1, 0, 2 ** 32 - 1],
  enablePush: [2, 0, 1, true],
  maxConcurrentStreams: [3, 0, 2 ** 32 - 1],
  initialWindowSize: [4, 0, 2 ** 31 - 1],
  maxFrameSize: [5, 16384, 2 ** 24 - 1],
  maxHeaderListSize: [6, 0, 2 ** 32 - 1],
  maxHeaderSize: [6, 0, 2 ** 32 - 1],
  enableConnectProtocol: [8, 0, 1, true],
};

function getDefaultSettings() {
  return {
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderListSize: 65535,
    maxHeaderSize: 65535,
    enableConnectProtocol: false,
  };
}

function validateSettings(settings, name = 'settings') {
  const { ERR_INVALID_ARG_TYPE } = codes;
  if (settings === undefined) return;
  if (settings === null || typeof settings !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', settings);
  }
  for (const name of Object.keys(settingInfo)) {
    const value = settings[name];
    if (value === undefined) continue;
    const [, min, max, isBool] = settingInfo[name];
    if (isBool) {
      if (typeof value !== 'boolean') {
        const err = new codes.ERR_HTTP2_INVALID_SETTING_VALUE(name, value);
        Object.setPrototypeOf(err, TypeError.prototype);
        err.name = 'TypeError';
        throw err;
      }
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new codes.ERR_HTTP2_INVALID_SETTING_VALUE(name, value);
    }
  }
  if (settings.customSettings !== undefined && (settings.customSettings === null ||
      typeof settings.customSettings !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE('customSettings', 'object', settings.customSettings);
  }
}

// Settings object -> [id, value, ...] for the binding.
function settingsToList(settings) {
  const list = [];
  if (!settings) return list;
  const seen = new Set();
  for (const name of Object.keys(settingInfo)) {
    const value = settings[name];
    if (value === undefined) continue;
    const id = settingInfo[name][0];
    if (seen.has(id)) continue;
    seen.add(id);
    list.push(id, typeof value === 'boolean' ? Number(value) : value);
  }
  if (settings.customSettings) {
    for (const key of Object.keys(settings.customSettings)) {
      list.push(Number(key), settings.customSettings[key]);
    }
  }
  return list;
}

function getPackedSettings(settings = getDefaultSettings()) {
  validateSettings(settings);
  const list = settingsToList(settings);
  const buf = Buffer.alloc(list.length * 3);
  for (let i = 0; i < list.length; i += 2) {
    buf.writeUInt16BE(list[i], i * 3);
    buf.writeUInt32BE(list[i + 1] >>> 0, i * 3 + 2);
  }
  return buf;
}

function getUnpackedSettings(buf, options = {}) {
  const { isArrayBufferView } = require('internal/util/types');
  if (!isArrayBufferView(buf) && !(buf instanceof ArrayBuffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  const bytes = buf instanceof ArrayBuffer ? Buffer.from(buf) :
    Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (bytes.length % 6 !== 0) throw new codes.ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  const settings = {};
  for (let off = 0; off < bytes.length; off += 6) {
    const id = bytes.readUInt16BE(off);
    const value = bytes.readUInt32BE(off + 2);
    switch (id) {
      case 1: settings.headerTableSize = value; break;
      case 2: settings.enablePush = value !== 0; break;
      case 3: settings.maxConcurrentStreams = value; break;
      case 4: settings.initialWindowSize = value; break;
      case 5: settings.maxFrameSize = value; break;
      case 6: settings.maxHeaderListSize = settings.maxHeaderSize = value; break;
      case 8: settings.enableConnectProtocol = value !== 0; break;
      default:
        if (!settings.customSettings) settings.customSettings = {};
        settings.customSettings[id] = value;
    }
  }
  if (options != null && options.validate) validateSettings(settings);
  return settings;
}

// [values of settings 1..6 and 8] (binding.settingsOf) -> settings object.
function settingsFromValues(values) {
  return {
    headerTableSize: values[0],
    enablePush: values[1] === 1,
    maxConcurrentStreams: values[2],
    initialWindowSize: values[3],
    maxFrameSize: values[4],
    maxHeaderListSize: values[5],
    maxHeaderSize: values[5],
    enableConnectProtocol: values[6] === 1,
  };
}

const sensitiveHeaders = Symbol('nodejs.http2.sensitiveHeaders');

const connectionHeaders = new Set([
  'connection', 'upgrade', 'http2-settings', 'te', 'transfer-encoding', 'proxy-connection',
  'keep-alive',
]);
const singleValueHeaders = new Set([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol', 'access-control-allow-credentials',
  'access-control-max-age', 'access-control-request-method', 'age', 'authorization',
  'content-encoding', 'content-language', 'content-length', 'content-location',
  'content-md5', 'content-range', 'content-type', 'date', 'dnt', 'etag', 'expires', 'from',
  'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization',
  'range', 'referer', 'retry-after', 'tk', 'upgrade-insecure-requests', 'user-agent',
  'x-content-type-options',
]);
const kTokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const requestPseudo = new Set([':method', ':authority', ':scheme', ':path', ':protocol']);

// Header object -> flat [name, value, flags, ...]; pseudo-headers first. `kind` is
// 'request', 'response' or 'trailers' and decides which pseudo-headers are allowed.
function mapHeaders(headers, kind) {
  const pseudo = [];
  const regular = [];
  const sensitive = new Set();
  const listed = headers[sensitiveHeaders];
  if (Array.isArray(listed)) for (const n of listed) sensitive.add(String(n).toLowerCase());
  const seen = new Set();
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    if (value === undefined) continue;
    const name = key.toLowerCase();
    if (name.length === 0) continue;
    if (!kTokenRe.test(name[0] === ':' ? name.slice(1) : name)) {
      throw new codes.ERR_INVALID_HTTP_TOKEN('Header name', key);
    }
    const isArray = Array.isArray(value);
    if (seen.has(name) || (isArray && value.length > 1)) {
      if (singleValueHeaders.has(name)) throw new codes.ERR_HTTP2_HEADER_SINGLE_VALUE(name);
    }
    seen.add(name);
    if (name[0] === ':') {
      const ok = kind === 'response' ? name === ':status' :
        kind === 'request' ? requestPseudo.has(name) : false;
      if (!ok) throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name);
    } else if (connectionHeaders.has(name) &&
               !(name === 'te' && (value === 'trailers' || (isArray && value.length === 1 &&
                 value[0] === 'trailers')))) {
      throw new codes.ERR_HTTP2_INVALID_CONNECTION_HEADERS(name);
    }
    const flag = sensitive.has(name) ? 1 : 0;
    const target = name[0] === ':' ? pseudo : regular;
    if (isArray) {
      for (const v of value) target.push(name, String(v), flag);
    } else {
      target.push(name, String(value), flag);
    }
  }
  return pseudo.concat(regular);
}

// Flat [name, value, ...] from the binding -> a header object (Node's merge rules).
function toHeaderObject(list) {
  const obj = { __proto__: null };
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i];
    const value = name === ':status' ? Number(list[i + 1]) : list[i + 1];
    const existing = obj[name];
    if (existing === undefined) {
      obj[name] = name === 'set-cookie' ? [value] : value;
    } else if (name === 'set-cookie') {
      existing.push(value);
    } else if (singleValueHeaders.has(name)) {
      // The first value wins.
    } else if (name === 'cookie') {
      obj[name] = `${existing}; ${value}`;
    } else {
      obj[name] = `${existing}, ${value}`;
    }
  }
  obj[sensitiveHeaders] = [];
  return obj;
}

module.exports = {
  constants,
  errorCodeName,
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  mapHeaders,
  sensitiveHeaders,
  settingsFromValues,
  settingsToList,
  toHeaderObject,
  validateSettings,
};
