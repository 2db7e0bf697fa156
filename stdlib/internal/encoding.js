'use strict';
// The WHATWG Encoding API: TextEncoder (UTF-8) and TextDecoder for utf-8, utf-16le,
// utf-16be and windows-1252 (decoded as Latin-1, as Node 20 does),
// with fatal, ignoreBOM and streaming decode. Bytes are turned into strings by the
// `buffer` binding.
// Differs from Node 20: other legacy encodings (shift_jis, gbk, ...) are not supported.

const { decode, write, fromString, isUtf8 } = internalBinding('buffer');
const { kUtf8, kUcs2, kLatin1 } = require('internal/buffer/encodings');
const {
  ERR_ENCODING_INVALID_ENCODED_DATA, ERR_ENCODING_NOT_SUPPORTED, ERR_INVALID_ARG_TYPE,
  ERR_INVALID_THIS,
} = require('internal/errors').codes;
const { validateObject, kValidateObjectAllowObjectsAndNull } = require('internal/validators');

const labels = { __proto__: null };
function addLabels(name, list) {
  for (const label of list) labels[label] = name;
}
addLabels('utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8',
  'x-unicode20utf8']);
addLabels('utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff',
  'utf-16', 'utf-16le']);
addLabels('utf-16be', ['unicodefffe', 'utf-16be']);
addLabels('windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1',
  'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1',
  'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']);

// Label -> canonical name; only ASCII whitespace is trimmed (WHATWG "get an encoding").
function getEncoding(label) {
  return labels[`${label}`.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()];
}

const kLoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const kEmpty = new Uint8Array(0);

function toBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (input instanceof ArrayBuffer || input instanceof SharedArrayBuffer ||
      Object.prototype.toString.call(input) === '[object ArrayBuffer]') {
    return new Uint8Array(input);
  }
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
}

// Length of a UTF-8 tail that may still be completed by more bytes.
function utf8PendingTail(bytes) {
  const len = bytes.length;
  for (let back = 1; back <= 3 && back <= len; back++) {
    const b = bytes[len - back];
    if ((b & 0xC0) === 0x80) continue;
    const need = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

class TextEncoder {
  get encoding() {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  /**
   * @param {string} [input]
   * @returns {Uint8Array} the UTF-8 bytes (lone surrogates become U+FFFD)
   */
  encode(input = '') {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    return new Uint8Array(fromString(`${input}`, kUtf8));
  }

  /**
   * Writes as much of `src` as fits into `dest` without splitting a character.
   * @returns {{ read: number, written: number }}
   */
  encodeInto(src, dest) {
    if (!(this instanceof TextEncoder)) throw new ERR_INVALID_THIS('TextEncoder');
    src = `${src}`;
    if (!(dest instanceof Uint8Array)) throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const written = write(dest, src, 0, dest.length, kUtf8);
    let read = 0;
    for (let bytes = 0; bytes < written;) {
      const c = src.charCodeAt(read);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xD800 && c <= 0xDBFF && read + 1 < src.length &&
               (src.charCodeAt(read + 1) & 0xFC00) === 0xDC00) {
        bytes += 4;
        read++;
      } else {
        bytes += 3;
      }
      read++;
    }
    return { read, written };
  }
}

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #pending = kEmpty;  // Bytes held back while streaming.
  #bomChecked = false;

  /**
   * @param {string} [encoding] a WHATWG label, 'utf-8' by default
   * @param {{ fatal?: boolean, ignoreBOM?: boolean }} [options]
   */
  constructor(encoding = 'utf-8', options = {}) {
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const name = getEncoding(encoding);
    if (name === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this.#encoding = name;
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
  }

  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  /**
   * @param {ArrayBuffer|ArrayBufferView} [input]
   * @param {{ stream?: boolean }} [options]
   * @returns {string}
   */
  decode(input = kEmpty, options = {}) {
    let bytes = toBytes(input);
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const stream = Boolean(options?.stream);
    if (this.#pending.length > 0) {
      const all = new Uint8Array(this.#pending.length + bytes.length);
      all.set(this.#pending, 0);
      all.set(bytes, this.#pending.length);
      bytes = all;
    }
    let keep = 0;
    if (stream) keep = this.#pendingLength(bytes);
    this.#pending = keep > 0 ? bytes.slice(bytes.length - keep) : kEmpty;
    const body = keep > 0 ? bytes.subarray(0, bytes.length - keep) : bytes;
    let text;
    try {
      text = this.#decodeBytes(body);
    } catch (err) {
      this.#reset();
      throw err;
    }
    if (!this.#bomChecked && text.length > 0) {
      this.#bomChecked = true;
      if (!this.#ignoreBOM && text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
    }
    if (!stream) this.#reset();
    return text;
  }

  #reset() {
    this.#pending = kEmpty;
    this.#bomChecked = false;
  }

  #pendingLength(bytes) {
    switch (this.#encoding) {
      case 'utf-8': return utf8PendingTail(bytes);
      case 'utf-16le':
      case 'utf-16be': {
        let keep = bytes.length % 2;
        const end = bytes.length - keep;
        if (end >= 2) {
          const hi = this.#encoding === 'utf-16le' ? bytes[end - 1] : bytes[end - 2];
          if (hi >= 0xD8 && hi <= 0xDB) keep += 2;
        }
        return keep;
      }
      default: return 0;
    }
  }

  #invalid() {
    return new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding);
  }

  #decodeBytes(bytes) {
    switch (this.#encoding) {
      case 'utf-8':
        if (this.#fatal && !isUtf8(bytes)) throw this.#invalid();
        return decode(bytes, 0, bytes.length, kUtf8);
      case 'utf-16le':
      case 'utf-16be': {
        const even = bytes.length & ~1;
        let units = bytes;
        if (this.#encoding === 'utf-16be') {
          units = new Uint8Array(even);
          for (let i = 0; i < even; i += 2) {
            units[i] = bytes[i + 1];
            units[i + 1] = bytes[i];
          }
        }
        let text = decode(units, 0, even, kUcs2);
        kLoneSurrogate.lastIndex = 0;
        if (kLoneSurrogate.test(text)) {
          if (this.#fatal) throw this.#invalid();
          text = text.replace(kLoneSurrogate, '\uFFFD');
        }
        if (even !== bytes.length) {
          if (this.#fatal) throw this.#invalid();
          text += '\uFFFD';
        }
        return text;
      }
      default:
        // Differs from WHATWG, as Node 20 does: bytes 0x80-0x9F decode as Latin-1, not as
        // windows-1252's punctuation.
        return decode(bytes, 0, bytes.length, kLatin1);
    }
  }
}

for (const Cls of [TextEncoder, TextDecoder]) {
  Object.defineProperty(Cls.prototype, Symbol.toStringTag, {
    value: Cls.name, configurable: true,
  });
}

module.exports = { TextEncoder, TextDecoder, getEncoding };
