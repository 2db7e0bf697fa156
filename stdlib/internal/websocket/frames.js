'use strict';
// RFC 6455 framing for the WebSocket client: encoding masked frames, and an incremental
// parser of the server's frames that enforces the protocol (unmasked frames, no RSV bits
// without extensions, control frame limits, fragmentation order, UTF-8 text, close codes).

const { randomFillSync } = require('crypto');

const kOpContinuation = 0x0;
const kOpText = 0x1;
const kOpBinary = 0x2;
const kOpClose = 0x8;
const kOpPing = 0x9;
const kOpPong = 0xa;

// Close codes a peer may put on the wire (RFC 6455 7.4 and the IANA registry).
function isValidCloseCode(code) {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
    (code >= 3000 && code <= 4999);
}

// Differs from Node 20: its undici WebSocket (--experimental-websocket, and Node 22's)
// accepts frames up to 2^31 bytes; here a message larger than this fails the connection
// with 1009, so a hostile length cannot make the client buffer gigabytes.
const kMaxMessageSize = 2 ** 27;

// A client frame: FIN set, payload masked with a fresh random key.
function encodeFrame(opcode, payload) {
  const length = payload.length;
  const lengthBytes = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const frame = Buffer.allocUnsafe(2 + lengthBytes + 4 + length);
  frame[0] = 0x80 | opcode;
  if (lengthBytes === 0) {
    frame[1] = 0x80 | length;
  } else if (lengthBytes === 2) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  const maskAt = 2 + lengthBytes;
  randomFillSync(frame, maskAt, 4);
  for (let i = 0; i < length; i++) {
    frame[maskAt + 4 + i] = payload[i] ^ frame[maskAt + (i & 3)];
  }
  return frame;
}

function encodeClose(code, reason) {
  if (code === undefined) return encodeFrame(kOpClose, Buffer.alloc(0));
  const reasonBytes = Buffer.from(reason ?? '', 'utf8');
  const payload = Buffer.allocUnsafe(2 + reasonBytes.length);
  payload.writeUInt16BE(code, 0);
  reasonBytes.copy(payload, 2);
  return encodeFrame(kOpClose, payload);
}

class ProtocolError extends Error {
  constructor(code, message) {
    super(message);
    this.closeCode = code;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes) {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProtocolError(1007, 'Invalid UTF-8 in a text frame or close reason');
  }
}

// Feeds on socket chunks; calls handlers.message(isText, data), ping(payload),
// pong(payload), close(code, reason) and error(closeCode, message). After an error or a
// close frame it ignores further input.
class FrameParser {
  #handlers;
  #chunks = [];
  #buffered = 0;
  #fragments = null;  // Payloads of a fragmented message in progress.
  #fragmentOpcode = 0;
  #fragmentSize = 0;
  #done = false;

  constructor(handlers) {
    this.#handlers = handlers;
  }

  push(chunk) {
    if (this.#done) return;
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    try {
      while (!this.#done && this.#parseFrame());
    } catch (err) {
      if (!(err instanceof ProtocolError)) throw err;
      this.#done = true;
      this.#chunks = [];
      this.#handlers.error(err.closeCode, err.message);
    }
  }

  // The first n buffered bytes, without consuming them.
  #peek(n) {
    if (this.#chunks[0].length < n) this.#chunks = [Buffer.concat(this.#chunks)];
    return this.#chunks[0];
  }

  #consume(n) {
    if (n === 0) return Buffer.alloc(0);
    const head = this.#peek(n);
    const out = head.subarray(0, n);
    if (head.length === n) this.#chunks.shift();
    else this.#chunks[0] = head.subarray(n);
    this.#buffered -= n;
    return out;
  }

  #parseFrame() {
    if (this.#buffered < 2) return false;
    let head = this.#peek(2);
    const fin = (head[0] & 0x80) !== 0;
    const opcode = head[0] & 0x0f;
    const short = head[1] & 0x7f;
    if ((head[0] & 0x70) !== 0) throw new ProtocolError(1002, 'RSV bits set without an extension');
    if ((head[1] & 0x80) !== 0) throw new ProtocolError(1002, 'Server frames must not be masked');
    const control = (opcode & 0x8) !== 0;
    if (![kOpContinuation, kOpText, kOpBinary, kOpClose, kOpPing, kOpPong].includes(opcode)) {
      throw new ProtocolError(1002, `Invalid opcode ${opcode}`);
    }
    if (control && (!fin || short > 125)) {
      throw new ProtocolError(1002, 'Control frames must be final and at most 125 bytes');
    }
    const headerSize = 2 + (short === 126 ? 2 : short === 127 ? 8 : 0);
    if (this.#buffered < headerSize) return false;
    head = this.#peek(headerSize);
    let length = short;
    if (short === 126) {
      length = head.readUInt16BE(2);
    } else if (short === 127) {
      const high = head.readUInt32BE(2);
      if (high & 0x80000000) throw new ProtocolError(1002, 'Frame length has its top bit set');
      length = high * 2 ** 32 + head.readUInt32BE(6);
    }
    if (!control) {
      if (opcode === kOpContinuation && this.#fragments === null) {
        throw new ProtocolError(1002, 'Continuation frame without a message to continue');
      }
      if (opcode !== kOpContinuation && this.#fragments !== null) {
        throw new ProtocolError(1002, 'New message before the fragmented one ended');
      }
      if ((this.#fragments === null ? 0 : this.#fragmentSize) + length > kMaxMessageSize) {
        throw new ProtocolError(1009, 'Message too big');
      }
    }
    if (this.#buffered < headerSize + length) return false;
    this.#consume(headerSize);
    // Copy: the socket's chunk may be reused, and the payload outlives this call.
    const payload = Buffer.from(this.#consume(length));
    if (control) {
      this.#onControl(opcode, payload);
      return true;
    }
    if (this.#fragments === null) {
      this.#fragments = [];
      this.#fragmentOpcode = opcode;
      this.#fragmentSize = 0;
    }
    this.#fragments.push(payload);
    this.#fragmentSize += length;
    if (fin) {
      const data = this.#fragments.length === 1 ?
        this.#fragments[0] : Buffer.concat(this.#fragments, this.#fragmentSize);
      const isText = this.#fragmentOpcode === kOpText;
      this.#fragments = null;
      this.#handlers.message(isText, isText ? decodeUtf8(data) : data);
    }
    return true;
  }

  #onControl(opcode, payload) {
    if (opcode === kOpPing) return this.#handlers.ping(payload);
    if (opcode === kOpPong) return this.#handlers.pong(payload);
    // Close: no body means 1005 (no status received).
    let code = 1005;
    let reason = '';
    if (payload.length === 1) throw new ProtocolError(1002, 'Close frame with a 1-byte body');
    if (payload.length >= 2) {
      code = payload.readUInt16BE(0);
      if (!isValidCloseCode(code)) throw new ProtocolError(1002, `Invalid close code ${code}`);
      reason = decodeUtf8(payload.subarray(2));
    }
    this.#done = true;
    this.#handlers.close(code, reason);
  }
}

module.exports = {
  FrameParser,
  encodeFrame,
  encodeClose,
  kOpText,
  kOpBinary,
  kOpPong,
};
