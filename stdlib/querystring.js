'use strict';
// The `querystring` module (nodejs.org/api/querystring.html): the legacy
// application/x-www-form-urlencoded parser and serializer, with Node's tolerant
// decoding (malformed escapes stay as written) and its `maxKeys` limit.

const { Buffer } = require('buffer');
const { ERR_INVALID_URI } = require('internal/errors').codes;

const kHexDigits = '0123456789ABCDEF';

// Value of one hex digit, or -1.
function hexValue(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Decodes %XX escapes of `s` into bytes; a malformed escape is kept as written.
 * @param {string} s
 * @param {boolean} [decodeSpaces] also turn '+' into a space
 * @returns {Buffer}
 */
function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 /* % */ && i + 2 < s.length) {
      const hi = hexValue(s.charCodeAt(i + 1));
      const lo = hi === -1 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (lo !== -1) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c === 0x2B /* + */ && decodeSpaces ? 0x20 : c;
  }
  return out.slice(0, n);
}

/**
 * decodeURIComponent, falling back to a byte-wise decode for malformed input.
 * @param {string} s
 * @param {boolean} [decodeSpaces]
 * @returns {string}
 */
function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return module.exports.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// Characters escape() leaves alone: A-Z a-z 0-9 - . _ ~ ! ' ( ) *
function isUnreserved(c) {
  return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2D || c === 0x2E || c === 0x5F || c === 0x7E || c === 0x21 ||
    (c >= 0x27 && c <= 0x2A);
}

function pct(byte) {
  return `%${kHexDigits[byte >> 4]}${kHexDigits[byte & 15]}`;
}

/**
 * Percent-encodes like encodeURIComponent (same unreserved set as Node).
 * @param {any} str
 * @returns {string}
 */
function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80 && isUnreserved(c)) continue;
    if (i > last) out += str.slice(last, i);
    if (c < 0x80) {
      out += pct(c);
    } else if (c < 0x800) {
      out += pct(0xC0 | (c >> 6)) + pct(0x80 | (c & 0x3F));
    } else if (c < 0xD800 || c >= 0xE000) {
      out += pct(0xE0 | (c >> 12)) + pct(0x80 | ((c >> 6) & 0x3F)) + pct(0x80 | (c & 0x3F));
    } else {
      const c2 = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
      if (c >= 0xDC00 || c2 < 0xDC00 || c2 > 0xDFFF) throw new ERR_INVALID_URI();
      i++;
      c = 0x10000 + (((c & 0x3FF) << 10) | (c2 & 0x3FF));
      out += pct(0xF0 | (c >> 18)) + pct(0x80 | ((c >> 12) & 0x3F)) +
        pct(0x80 | ((c >> 6) & 0x3F)) + pct(0x80 | (c & 0x3F));
    }
    last = i + 1;
  }
  if (last === 0) return str;
  return last < str.length ? out + str.slice(last) : out;
}

function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

// The default encoder skips work for values that never need escaping.
function encodeWithEscape(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && Number.isFinite(v)) {
    return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  }
  return stringifyPrimitive(v);
}

/**
 * Serializes the own enumerable properties of `obj`; arrays repeat the key.
 * @param {object} obj
 * @param {string} [sep]
 * @param {string} [eq]
 * @param {{ encodeURIComponent?: Function }} [options]
 * @returns {string}
 */
function stringify(obj, sep, eq, options) {
  sep ||= '&';
  eq ||= '=';
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = encode === escape ?
    encodeWithEscape : (v, enc) => enc(stringifyPrimitive(v));
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      for (let j = 0; j < v.length; j++) fields.push(ks + convert(v[j], encode));
    } else {
      fields.push(ks + convert(v, encode));
    }
  }
  return fields.join(sep);
}

const kEscapedByte = /%[0-9a-fA-F]{2}/;

// Decodes one key or value: '+' is a space; the default decoder runs only when there
// is something to decode, a custom one always.
function decodePart(s, decode, custom) {
  const hasPlus = s.includes('+');
  if (hasPlus) s = s.replace(/\+/g, '%20');
  if (!custom && !hasPlus && !kEscapedByte.test(s)) return s;
  try {
    return decode(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function addPair(obj, key, value) {
  const current = obj[key];
  if (current === undefined) obj[key] = value;
  else if (Array.isArray(current)) current.push(value);
  else obj[key] = [current, value];
}

/**
 * Parses a query string into a null-prototype object; repeated keys become arrays.
 * @param {string} qs
 * @param {string} [sep]
 * @param {string} [eq]
 * @param {{ maxKeys?: number, decodeURIComponent?: Function }} [options]
 * @returns {object}
 */
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  // Zero, negative or NaN means no limit.
  let pairs = maxKeys > 0 ? maxKeys : Infinity;
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  const custom = decode !== unescape;

  let start = 0;
  while (start <= qs.length && pairs > 0) {
    let end = sep.length ? qs.indexOf(sep, start) : -1;
    if (end === -1) end = qs.length;
    if (end > start) {
      const pair = qs.slice(start, end);
      const at = eq.length ? pair.indexOf(eq) : 0;
      const key = at === -1 ? pair : pair.slice(0, at);
      const value = at === -1 ? '' : pair.slice(at + eq.length);
      addPair(obj, decodePart(key, decode, custom), decodePart(value, decode, custom));
    }
    pairs--;
    start = end + sep.length;
    if (end === qs.length) break;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
