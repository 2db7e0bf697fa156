'use strict';
// The `string_decoder` module (nodejs.org/api/string_decoder.html): decodes a byte
// stream chunk by chunk, holding back the bytes of a character split across chunks
// so that the concatenated output equals decoding all bytes at once.

const { Buffer } = require('buffer');
const { decode } = internalBinding('buffer');
const { encodingOps, normalizeEncoding } = require('internal/buffer/encodings');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING } =
  require('internal/errors').codes;

const kState = Symbol('kState');

// Bytes the UTF-8 sequence led by `byte` takes by its bit pattern (0: continuation),
// as Node's decoder counts; invalid sequences are left to the full decoder.
function utf8SequenceLength(byte) {
  if (byte < 0x80) return 1;
  if (byte < 0xC0) return 0;
  if (byte < 0xE0) return 2;
  if (byte < 0xF0) return 3;
  if (byte < 0xF8) return 4;
  return 1;
}

// [kept, total]: the incomplete character at the end of bytes[0, len), if any.
function incompleteTail(encoding, bytes, len) {
  switch (encoding) {
    case 'utf8':
      for (let back = 1; back <= 3 && back <= len; back++) {
        const total = utf8SequenceLength(bytes[len - back]);
        if (total === 0) continue;
        return total > back ? [back, total] : [0, 0];
      }
      return [0, 0];
    case 'utf16le': {
      if (len % 2 === 1) return [1, 2];
      const unit = len >= 2 ? bytes[len - 2] | (bytes[len - 1] << 8) : 0;
      return unit >= 0xD800 && unit <= 0xDBFF ? [2, 4] : [0, 0];
    }
    case 'base64':
    case 'base64url':
      return len % 3 === 0 ? [0, 0] : [len % 3, 3];
    default:
      return [0, 0];
  }
}

function toBytes(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

function stateOf(self) {
  const state = self == null ? undefined : self[kState];
  if (state === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  return state;
}

/**
 * @param {string} [encoding] 'utf8' by default
 */
function StringDecoder(encoding) {
  const name = normalizeEncoding(encoding);
  if (name === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = name;
  // lastChar holds the pending bytes; lastNeed/lastTotal describe the character.
  this[kState] = { id: encodingOps[name].id, lastChar: Buffer.alloc(4), lastNeed: 0, lastTotal: 0 };
}

// Decodes `bytes` after any pending bytes; keeps a new incomplete tail.
function decodeChunk(self, state, bytes) {
  if (state.lastNeed > 0 && self.encoding === 'utf16le') return fillUtf16(self, state, bytes);
  const pending = state.lastTotal - state.lastNeed;
  let all = bytes;
  if (pending > 0) {
    all = new Uint8Array(pending + bytes.length);
    all.set(state.lastChar.subarray(0, pending), 0);
    all.set(bytes, pending);
  }
  const [kept, total] = incompleteTail(self.encoding, all, all.length);
  const end = all.length - kept;
  if (kept > 0) state.lastChar.set(all.subarray(end), 0);
  state.lastNeed = total - kept;
  state.lastTotal = total;
  return end > 0 ? decode(all, 0, end, state.id) : '';
}

// UTF-16 completes the pending code unit (or surrogate pair) first, as Node's decoder
// does, so a lone high surrogate is held back only while more bytes are expected.
function fillUtf16(self, state, bytes) {
  const have = state.lastTotal - state.lastNeed;
  const n = Math.min(state.lastNeed, bytes.length);
  state.lastChar.set(bytes.subarray(0, n), have);
  state.lastNeed -= n;
  if (state.lastNeed > 0) return '';
  if (state.lastTotal === 2) {
    const unit = state.lastChar[0] | (state.lastChar[1] << 8);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      state.lastTotal = 4;
      state.lastNeed = 2;
      return fillUtf16(self, state, bytes.subarray(n));
    }
  }
  const head = decode(state.lastChar, 0, state.lastTotal, state.id);
  state.lastTotal = 0;
  return head + decodeChunk(self, state, bytes.subarray(n));
}

/**
 * Decodes a chunk; the bytes of an unfinished character are kept for the next call.
 * @param {Buffer|TypedArray|DataView|string} buf
 * @returns {string}
 */
StringDecoder.prototype.write = function write(buf) {
  const state = stateOf(this);
  if (typeof buf === 'string') return buf;
  return decodeChunk(this, state, toBytes(buf));
};

/**
 * Decodes `buf` (if given) and flushes what is pending, as decoding it alone would.
 * @param {Buffer|TypedArray|DataView|string} [buf]
 * @returns {string}
 */
StringDecoder.prototype.end = function end(buf) {
  const state = stateOf(this);
  let out = buf === undefined ? '' : this.write(buf);
  const pending = state.lastTotal - state.lastNeed;
  if (pending > 0) {
    const len = this.encoding === 'utf16le' ? pending & ~1 : pending;
    out += decode(state.lastChar, 0, len, state.id);
  }
  state.lastNeed = 0;
  state.lastTotal = 0;
  return out;
};

// Legacy: decodes buf from `offset`, dropping any pending bytes.
StringDecoder.prototype.text = function text(buf, offset) {
  const state = stateOf(this);
  state.lastNeed = 0;
  state.lastTotal = 0;
  return this.write(toBytes(buf).subarray(offset));
};

for (const key of ['lastChar', 'lastNeed', 'lastTotal']) {
  Object.defineProperty(StringDecoder.prototype, key, {
    get() { return stateOf(this)[key]; },
    enumerable: true,
    configurable: true,
  });
}

module.exports = { StringDecoder };
