'use strict';
// A small StringDecoder for Readable#setEncoding, used while the public string_decoder
// module does not exist. It keeps the bytes of a character split across chunks.
// Differs from Node 20: invalid UTF-8 inside a chunk is replaced the way
// Buffer#toString does it, which may group bad bytes differently than Node's decoder.

const { getBuffer } = require('internal/streams/utils');
const { ERR_UNKNOWN_ENCODING } = require('internal/errors').codes;

function normalizeEncoding(enc) {
  const e = `${enc == null ? 'utf8' : enc}`.toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': case '': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': case 'base64url': case 'hex': case 'ascii': return e;
    default: return undefined;
  }
}

// Number of bytes at the end of `buf` that start an incomplete UTF-8 sequence.
function utf8Tail(buf) {
  const len = buf.length;
  for (let back = 1; back <= Math.min(3, len); back++) {
    const byte = buf[len - back];
    if ((byte & 0xC0) === 0x80) continue; // continuation byte
    let need = 0;
    if ((byte & 0xE0) === 0xC0) need = 2;
    else if ((byte & 0xF0) === 0xE0) need = 3;
    else if ((byte & 0xF8) === 0xF0) need = 4;
    return need > back ? back : 0;
  }
  return 0;
}

class StringDecoder {
  constructor(encoding) {
    const enc = normalizeEncoding(encoding);
    if (enc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    this.encoding = enc;
    this.pending = null;
  }

  write(buf) {
    const Buffer = getBuffer();
    if (typeof buf === 'string') return buf;
    if (!Buffer.isBuffer(buf)) buf = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this.pending) {
      buf = Buffer.concat([this.pending, buf]);
      this.pending = null;
    }
    const keep = this._incomplete(buf);
    if (keep > 0) {
      this.pending = Buffer.from(buf.slice(buf.length - keep));
      buf = buf.slice(0, buf.length - keep);
    }
    return buf.toString(this.encoding);
  }

  end(buf) {
    let out = buf && buf.length ? this.write(buf) : '';
    if (this.pending) {
      const rest = this.pending;
      this.pending = null;
      out += this.encoding === 'utf8' ? '\ufffd' : rest.toString(this.encoding);
    }
    return out;
  }

  _incomplete(buf) {
    switch (this.encoding) {
      case 'utf8': return utf8Tail(buf);
      case 'utf16le': {
        let keep = buf.length % 2;
        const end = buf.length - keep;
        if (end >= 2) {
          const unit = buf[end - 2] | (buf[end - 1] << 8);
          if (unit >= 0xD800 && unit <= 0xDBFF) keep += 2; // lone high surrogate
        }
        return keep;
      }
      case 'base64': case 'base64url': return buf.length % 3;
      default: return 0;
    }
  }
}

module.exports = { StringDecoder };
