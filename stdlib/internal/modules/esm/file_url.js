'use strict';
// Conversions between absolute paths and file: URLs for the module loader.
// TODO(cleanup): use internal/url's fileURLToPath/pathToFileURL once that module exists.

const { codes: { ERR_INVALID_URL_SCHEME } } = require('internal/errors');

// Characters a path keeps as they are in a file URL's path.
const kUnreserved = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

function pathToFileURLString(filepath) {
  let out = 'file://';
  for (const ch of filepath) {
    if (kUnreserved.test(ch)) {
      out += ch;
    } else {
      for (const byte of new TextEncoderLite(ch)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

// UTF-8 bytes of one code point (no TextEncoder during early bootstrap).
function* TextEncoderLite(ch) {
  const code = ch.codePointAt(0);
  if (code < 0x80) {
    yield code;
  } else if (code < 0x800) {
    yield 0xC0 | (code >> 6);
    yield 0x80 | (code & 0x3F);
  } else if (code < 0x10000) {
    yield 0xE0 | (code >> 12);
    yield 0x80 | ((code >> 6) & 0x3F);
    yield 0x80 | (code & 0x3F);
  } else {
    yield 0xF0 | (code >> 18);
    yield 0x80 | ((code >> 12) & 0x3F);
    yield 0x80 | ((code >> 6) & 0x3F);
    yield 0x80 | (code & 0x3F);
  }
}

function fileURLToPath(url) {
  if (!url.startsWith('file:')) throw new ERR_INVALID_URL_SCHEME('file');
  let rest = url.slice(5);
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    rest = slash === -1 ? '/' : rest.slice(slash);
  }
  const end = rest.search(/[?#]/);
  if (end !== -1) rest = rest.slice(0, end);
  return decodeURIComponent(rest);
}

module.exports = { pathToFileURLString, fileURLToPath };
