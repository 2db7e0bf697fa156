'use strict';
// Buffer's encodings: name normalisation and, per encoding, the id the `buffer` binding
// understands plus a byteLength function (how many bytes a string will need).

const { byteLengthUtf8 } = internalBinding('buffer');

// Must match `enum class Encoding` in runtime/bindings/buffer.cc.
const kUtf8 = 0;
const kUcs2 = 1;
const kLatin1 = 2;
const kAscii = 3;
const kBase64 = 4;
const kBase64Url = 5;
const kHex = 6;

// Byte count of base64 text: 3 bytes per 4 characters once trailing '=' are dropped.
// An upper bound when the text holds whitespace or other skipped characters.
function base64ByteLength(string) {
  let n = string.length;
  if (n > 0 && string.charCodeAt(n - 1) === 0x3d) n--;
  if (n > 1 && string.charCodeAt(n - 1) === 0x3d) n--;
  return (n * 3) >>> 2;
}

const oneByteLength = (string) => string.length;

const encodingOps = {
  utf8: { name: 'utf8', id: kUtf8, byteLength: byteLengthUtf8 },
  ucs2: { name: 'utf16le', id: kUcs2, byteLength: (string) => string.length * 2 },
  latin1: { name: 'latin1', id: kLatin1, byteLength: oneByteLength },
  ascii: { name: 'ascii', id: kAscii, byteLength: oneByteLength },
  base64: { name: 'base64', id: kBase64, byteLength: base64ByteLength },
  base64url: { name: 'base64url', id: kBase64Url, byteLength: base64ByteLength },
  hex: { name: 'hex', id: kHex, byteLength: (string) => string.length >>> 1 },
};
encodingOps.utf16le = encodingOps.ucs2;

// Every accepted spelling (after lower-casing) -> its canonical name.
const aliases = {
  __proto__: null,
  'utf8': 'utf8',
  'utf-8': 'utf8',
  'ucs2': 'utf16le',
  'ucs-2': 'utf16le',
  'utf16le': 'utf16le',
  'utf-16le': 'utf16le',
  'latin1': 'latin1',
  'binary': 'latin1',
  'ascii': 'ascii',
  'base64': 'base64',
  'base64url': 'base64url',
  'hex': 'hex',
};

// The canonical name of an encoding, or undefined if unknown. null, undefined and ''
// mean UTF-8, as everywhere in Node.
function normalizeEncoding(encoding) {
  if (encoding == null || encoding === 'utf8' || encoding === 'utf-8') return 'utf8';
  if (typeof encoding !== 'string') encoding = `${encoding}`;
  if (encoding === '') return 'utf8';
  const name = aliases[encoding];
  if (name !== undefined) return name;
  return aliases[encoding.toLowerCase()];
}

// The ops of a named encoding, or undefined (callers throw ERR_UNKNOWN_ENCODING).
// Unlike normalizeEncoding, '' and null are not UTF-8 here (buf.toString('') throws).
function getEncodingOps(encoding) {
  encoding = `${encoding}`;
  const name = aliases[encoding] ?? aliases[encoding.toLowerCase()];
  return name === undefined ? undefined : encodingOps[name];
}

module.exports = {
  encodingOps,
  getEncodingOps,
  normalizeEncoding,
  kUtf8, kUcs2, kLatin1, kAscii, kBase64, kBase64Url, kHex,
};
