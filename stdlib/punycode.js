'use strict';
// node:punycode — Punycode (RFC 3492) and the IDNA label helpers toASCII/toUnicode, with
// the API of the punycode.js package Node bundles. Deprecated (DEP0040): in Node 20 the
// warning is pending, shown only with --pending-deprecation.

if (process.execArgv.includes('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1' ||
    /(^|\s)--pending-deprecation(\s|$)/.test(process.env.NODE_OPTIONS || '')) {
  process.emitWarning('The `punycode` module is deprecated. Please use a userland ' +
    'alternative instead.', 'DeprecationWarning', 'DEP0040');
}

// Bootstring parameters for Punycode (RFC 3492, section 5).
const kBase = 36;
const kTMin = 1;
const kTMax = 26;
const kSkew = 38;
const kDamp = 700;
const kInitialBias = 72;
const kInitialN = 0x80;
const kDelimiter = '-';
const kMaxInt = 0x7FFFFFFF;

function fail(kind) {
  if (kind === 'overflow') throw new RangeError('Overflow: input needs wider integers to process');
  if (kind === 'not-basic') throw new RangeError('Illegal input >= 0x80 (not a basic code point)');
  throw new RangeError('Invalid input');
}

// RFC 3492 section 6.1: the bias for the next delta.
function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / kDamp) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  const limit = ((kBase - kTMin) * kTMax) >> 1;
  while (delta > limit) {
    delta = Math.floor(delta / (kBase - kTMin));
    k += kBase;
  }
  return k + Math.floor(((kBase - kTMin + 1) * delta) / (delta + kSkew));
}

// The threshold t(k) of the generalized variable-length integers.
function threshold(k, bias) {
  if (k <= bias) return kTMin;
  if (k >= bias + kTMax) return kTMax;
  return k - bias;
}

// 0..25 -> 'a'..'z', 26..35 -> '0'..'9'.
function digitToBasic(digit) {
  return digit < 26 ? 0x61 + digit : 0x30 + digit - 26;
}

// A basic code point's digit value, or kBase when it is not a digit.
function basicToDigit(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5A) return code - 0x41;
  if (code >= 0x61 && code <= 0x7A) return code - 0x61;
  return kBase;
}

// The code points of a string; an unpaired surrogate stays one code point.
function ucs2decode(string) {
  const output = [];
  for (let i = 0; i < string.length; i++) {
    const value = string.charCodeAt(i);
    if (value >= 0xD800 && value <= 0xDBFF && i + 1 < string.length) {
      const next = string.charCodeAt(i + 1);
      if ((next & 0xFC00) === 0xDC00) {
        output.push(((value & 0x3FF) << 10) + (next & 0x3FF) + 0x10000);
        i++;
        continue;
      }
    }
    output.push(value);
  }
  return output;
}

// The string of an array of code points.
function ucs2encode(codePoints) {
  let out = '';
  // Chunks keep the argument count of fromCodePoint bounded.
  for (let i = 0; i < codePoints.length; i += 4096) {
    out += String.fromCodePoint(...codePoints.slice(i, i + 4096));
  }
  return out;
}

/**
 * Decodes a Punycode string of ASCII symbols to a string of Unicode symbols.
 * @param {string} input
 * @returns {string}
 */
function decode(input) {
  const output = [];
  const length = input.length;
  let basic = input.lastIndexOf(kDelimiter);
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) fail('not-basic');
    output.push(code);
  }
  let n = kInitialN;
  let bias = kInitialBias;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < length;) {
    const oldI = i;
    for (let w = 1, k = kBase; ; k += kBase) {
      if (index >= length) fail('invalid-input');
      const digit = basicToDigit(input.charCodeAt(index++));
      if (digit >= kBase) fail('invalid-input');
      if (digit > Math.floor((kMaxInt - i) / w)) fail('overflow');
      i += digit * w;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (w > Math.floor(kMaxInt / (kBase - t))) fail('overflow');
      w *= kBase - t;
    }
    const count = output.length + 1;
    bias = adapt(i - oldI, count, oldI === 0);
    if (Math.floor(i / count) > kMaxInt - n) fail('overflow');
    n += Math.floor(i / count);
    i %= count;
    output.splice(i++, 0, n);
  }
  return ucs2encode(output);
}

/**
 * Encodes a string of Unicode symbols to a Punycode string of ASCII symbols.
 * @param {string} input
 * @returns {string}
 */
function encode(input) {
  const codePoints = ucs2decode(input);
  const output = [];
  for (const c of codePoints) {
    if (c < 0x80) output.push(String.fromCharCode(c));
  }
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength > 0) output.push(kDelimiter);
  let n = kInitialN;
  let delta = 0;
  let bias = kInitialBias;
  while (handled < codePoints.length) {
    // The smallest code point not yet handled.
    let m = kMaxInt;
    for (const c of codePoints) {
      if (c >= n && c < m) m = c;
    }
    if (m - n > Math.floor((kMaxInt - delta) / (handled + 1))) fail('overflow');
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of codePoints) {
      if (c < n && ++delta > kMaxInt) fail('overflow');
      if (c !== n) continue;
      let q = delta;
      for (let k = kBase; ; k += kBase) {
        const t = threshold(k, bias);
        if (q < t) break;
        output.push(String.fromCharCode(digitToBasic(t + (q - t) % (kBase - t))));
        q = Math.floor((q - t) / (kBase - t));
      }
      output.push(String.fromCharCode(digitToBasic(q)));
      bias = adapt(delta, handled + 1, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output.join('');
}

// Applies fn to each label of a domain name (or of the domain part of an email address),
// after turning the IDNA full stops (U+3002, U+FF0E, U+FF61) into '.'.
function mapDomain(domain, fn) {
  let prefix = '';
  const parts = domain.split('@');
  if (parts.length > 1) {
    // Text after a second '@' is dropped, as punycode.js does.
    prefix = `${parts[0]}@`;
    domain = parts[1];
  }
  const labels = domain.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.');
  return prefix + labels.map(fn).join('.');
}

/**
 * Converts a domain name (or email address) to its ASCII form: each non-ASCII label
 * becomes `xn--` followed by its Punycode.
 * @param {string} input
 * @returns {string}
 */
function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7F]/.test(label) ? `xn--${encode(label)}` : label));
}

/**
 * Converts a domain name (or email address) in ASCII form to Unicode: each `xn--` label is
 * decoded from Punycode.
 * @param {string} input
 * @returns {string}
 */
function toUnicode(input) {
  return mapDomain(input, (label) => (/^xn--/.test(label) ?
    decode(label.slice(4).toLowerCase()) : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
