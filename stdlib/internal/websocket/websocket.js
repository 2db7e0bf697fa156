'use strict';
// The global WebSocket client (WHATWG WebSockets, as Node 22 exposes it) over net/tls
// sockets: the RFC 6455 opening handshake, framing (internal/websocket/frames), the close
// handshake, and the spec's events, attributes and errors.

const { Buffer } = require('buffer');
const { createHash, randomBytes } = require('crypto');
const { EventTarget, Event } = require('internal/event_target');
const { defineEventHandler } = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const {
  FrameParser, encodeFrame, encodeClose, kOpText, kOpBinary, kOpPong,
} = require('internal/websocket/frames');

const kGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const kMaxHandshakeSize = 64 * 1024;
const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

// RFC 7230 token characters: what Sec-WebSocket-Protocol values may hold.
const kToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

class CloseEvent extends Event {
  #wasClean;
  #code;
  #reason;

  constructor(type, init = undefined) {
    super(type, init);
    this.#wasClean = !!init?.wasClean;
    this.#code = (init?.code ?? 0) & 0xffff;
    this.#reason = `${init?.reason ?? ''}`;
  }

  get wasClean() { return this.#wasClean; }
  get code() { return this.#code; }
  get reason() { return this.#reason; }
}

class ErrorEvent extends Event {
  #message;
  #error;

  constructor(type, init = undefined) {
    super(type, init);
    this.#message = `${init?.message ?? ''}`;
    this.#error = init?.error;
  }

  get message() { return this.#message; }
  get error() { return this.#error; }
  get filename() { return ''; }
  get lineno() { return 0; }
  get colno() { return 0; }
}

function parseUrl(input) {
  let url;
  try {
    url = new URL(`${input}`);
  } catch {
    throw new DOMException(`Invalid URL: ${input}`, 'SyntaxError');
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new DOMException(`Expected a ws: or wss: URL, got ${url.protocol}`, 'SyntaxError');
  }
  if (url.hash !== '' || url.href.endsWith('#')) {
    throw new DOMException('A WebSocket URL must not have a fragment', 'SyntaxError');
  }
  return url;
}

function parseProtocols(protocols) {
  if (protocols !== null && typeof protocols === 'object' && !Array.isArray(protocols) &&
      typeof protocols[Symbol.iterator] !== 'function') {
    protocols = protocols.protocols ?? [];  // WebSocketInit, as undici accepts.
  }
  const list = typeof protocols === 'string' ? [protocols] : Array.from(protocols, String);
  const seen = new Set();
  for (const protocol of list) {
    if (!kToken.test(protocol) || seen.has(protocol.toLowerCase())) {
      throw new DOMException(`Invalid or duplicate subprotocol: ${protocol}`, 'SyntaxError');
    }
    seen.add(protocol.toLowerCase());
  }
  return list;
}

// Validates the 101 answer; returns the chosen subprotocol or throws a message.
function checkHandshake(head, key, protocols) {
  const lines = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (status === null || status[1] !== '101') {
    throw new Error(`Unexpected server response: ${status ? status[1] : lines[0]}`);
  }
  const headers = new Map();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket') {
    throw new Error('Server did not upgrade to websocket');
  }
  if (!(headers.get('connection') ?? '').toLowerCase().split(/\s*,\s*/).includes('upgrade')) {
    throw new Error('Server response lacks "Connection: upgrade"');
  }
  const accept = createHash('sha1').update(key + kGuid).digest('base64');
  if (headers.get('sec-websocket-accept') !== accept) {
    throw new Error('Incorrect Sec-WebSocket-Accept header');
  }
  if (headers.get('sec-websocket-extensions')) {
    throw new Error('Server selected an extension that was not offered');
  }
  const protocol = headers.get('sec-websocket-protocol');
  if (protocol !== undefined && !protocols.includes(protocol)) {
    throw new Error('Server selected a subprotocol that was not offered');
  }
  return protocol ?? '';
}

function toPayload(data) {
  if (typeof data === 'string') return [kOpText, Buffer.from(data, 'utf8')];
  if (data instanceof ArrayBuffer) return [kOpBinary, Buffer.from(data)];
  if (ArrayBuffer.isView(data)) {
    return [kOpBinary, Buffer.from(data.buffer, data.byteOffset, data.byteLength)];
  }
  return [kOpText, Buffer.from(`${data}`, 'utf8')];
}

class WebSocket extends EventTarget {
  #url;
  #readyState = CONNECTING;
  #protocol = '';
  #binaryType = 'blob';
  #bufferedAmount = 0;
  #socket = null;
  #sentClose = false;
  #received = null;  // { code, reason } of the server's close frame.
  #failed = false;
  #closeFired = false;
  #pending = [];  // Sends waiting behind a Blob being read, in order.

  constructor(url, protocols = []) {
    super();
    if (arguments.length === 0) {
      throw new TypeError("Failed to construct 'WebSocket': 1 argument required");
    }
    this.#url = parseUrl(url);
    const list = parseProtocols(protocols);
    this.#connect(list);
  }

  get url() { return this.#url.href; }
  get readyState() { return this.#readyState; }
  get bufferedAmount() { return this.#bufferedAmount; }
  get extensions() { return ''; }
  get protocol() { return this.#protocol; }
  get binaryType() { return this.#binaryType; }
  set binaryType(type) {
    // Differs from Node 20: other values are ignored, as for any WebIDL enum attribute;
    // undici (Node 20's --experimental-websocket, Node 22) resets it to 'blob'.
    if (type === 'blob' || type === 'arraybuffer') this.#binaryType = type;
  }

  send(data) {
    if (arguments.length === 0) {
      throw new TypeError("Failed to execute 'send' on 'WebSocket': 1 argument required");
    }
    if (this.#readyState === CONNECTING) {
      throw new DOMException('WebSocket is still connecting', 'InvalidStateError');
    }
    const isBlob = typeof Blob === 'function' && data instanceof Blob;
    const [opcode, payload] = isBlob ? [kOpBinary, null] : toPayload(data);
    const size = isBlob ? data.size : payload.length;
    // Data sent after closing only counts towards bufferedAmount (spec).
    this.#bufferedAmount += size;
    if (this.#readyState !== OPEN || this.#sentClose) return;
    if (isBlob) {
      // Later sends queue behind the Blob's read, so frames keep their order.
      const entry = { frame: null, size };
      this.#pending.push(entry);
      data.arrayBuffer().then((buffer) => {
        entry.frame = encodeFrame(kOpBinary, Buffer.from(buffer));
        this.#flushPending();
      });
    } else if (this.#pending.length > 0) {
      this.#pending.push({ frame: encodeFrame(opcode, payload), size });
    } else {
      this.#write(encodeFrame(opcode, payload), size);
    }
  }

  close(code = undefined, reason = undefined) {
    if (code !== undefined) {
      code = Math.min(Math.max(Math.trunc(Number(code)) || 0, 0), 0xffff);  // [Clamp]
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException(`Invalid close code ${code}`, 'InvalidAccessError');
      }
    }
    if (reason !== undefined) {
      reason = `${reason}`;
      if (Buffer.byteLength(reason, 'utf8') > 123) {
        throw new DOMException('The close reason is longer than 123 bytes', 'SyntaxError');
      }
    }
    if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
    if (this.#readyState === CONNECTING) {
      this.#fail(undefined, 'WebSocket was closed before the connection was established');
      return;
    }
    this.#readyState = CLOSING;
    this.#sendClose(code ?? (reason !== undefined ? 1000 : undefined), reason);
  }

  #connect(protocols) {
    const url = this.#url;
    const secure = url.protocol === 'wss:';
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const port = Number(url.port) || (secure ? 443 : 80);
    let socket;
    if (secure) {
      const { isIP } = require('net');
      socket = require('tls').connect({
        host, port, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'],
      });
    } else {
      socket = require('net').connect({ host, port });
    }
    this.#socket = socket;
    const key = randomBytes(16).toString('base64');
    let request = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n`;
    if (protocols.length > 0) request += `Sec-WebSocket-Protocol: ${protocols.join(', ')}\r\n`;
    socket.write(`${request}\r\n`);

    let head = Buffer.alloc(0);
    const onHandshakeData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        if (head.length > kMaxHandshakeSize) this.#fail(undefined, 'Handshake response too large');
        return;
      }
      socket.removeListener('data', onHandshakeData);
      if (this.#readyState !== CONNECTING) return;
      try {
        this.#protocol = checkHandshake(head.toString('latin1', 0, end), key, protocols);
      } catch (err) {
        this.#fail(undefined, err.message);
        return;
      }
      this.#onOpen(head.subarray(end + 4));
    };
    socket.on('data', onHandshakeData);
    socket.on('error', (err) => {
      // A reset after both close frames changes nothing: the close was clean.
      if (this.#sentClose && this.#received !== null) return;
      this.#fail(undefined, err.message, err);
    });
    socket.on('close', () => this.#onSocketClose());
  }

  #onOpen(rest) {
    const parser = new FrameParser({
      message: (isText, data) => this.#onMessage(isText, data),
      ping: (payload) => {
        if (!this.#sentClose) this.#socket.write(encodeFrame(kOpPong, payload));
      },
      pong: () => {},
      close: (code, reason) => this.#onCloseFrame(code, reason),
      error: (closeCode, message) => this.#fail(closeCode, message),
    });
    this.#socket.on('data', (chunk) => parser.push(chunk));
    this.#readyState = OPEN;
    this.dispatchEvent(new Event('open'));
    if (rest.length > 0) parser.push(rest);
  }

  #onMessage(isText, data) {
    if (this.#readyState !== OPEN) return;
    let value = data;
    if (!isText) {
      value = this.#binaryType === 'arraybuffer' ?
        data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) :
        new Blob([data]);
    }
    const event = new MessageEvent('message', { data: value });
    Object.defineProperty(event, 'origin', { value: this.#url.origin, enumerable: true });
    this.dispatchEvent(event);
  }

  #onCloseFrame(code, reason) {
    this.#received = { code, reason };
    if (!this.#sentClose) {
      // Echo the status code, as RFC 6455 5.5.1 suggests; 1005 is never put on the wire.
      this.#sendClose(code === 1005 ? undefined : code, undefined);
    }
    this.#readyState = CLOSING;
    this.#endSocket();
  }

  #sendClose(code, reason) {
    this.#sentClose = true;
    this.#socket.write(encodeClose(code, reason));
    if (this.#received !== null) this.#endSocket();
  }

  #write(frame, size) {
    this.#socket.write(frame, () => {
      this.#bufferedAmount -= size;
    });
  }

  #flushPending() {
    while (this.#pending.length > 0 && this.#pending[0].frame !== null) {
      const { frame, size } = this.#pending.shift();
      if (this.#readyState === OPEN && !this.#sentClose) this.#write(frame, size);
    }
  }

  // Ends our side after the close handshake (or a failure) and drops the connection once
  // that is flushed, so a server that never closes cannot hold the socket open.
  #endSocket() {
    const socket = this.#socket;
    if (socket.writableEnded) return;
    socket.once('finish', () => socket.destroy());
    socket.end();
  }

  // "Fail the WebSocket connection": tell the server why when the protocol is up, fire
  // error now and close (1006, not clean) once the socket is gone.
  #fail(closeCode, message, cause = undefined) {
    if (this.#failed || this.#readyState === CLOSED) return;
    this.#failed = true;
    const established = this.#readyState === OPEN || this.#readyState === CLOSING;
    this.#readyState = CLOSING;
    const socket = this.#socket;
    if (established && closeCode !== undefined && !this.#sentClose && !socket.destroyed) {
      this.#sentClose = true;
      socket.write(encodeClose(closeCode, message.length <= 123 ? message : ''));
    }
    const error = cause ?? new Error(message);
    this.dispatchEvent(new ErrorEvent('error', { message, error }));
    if (socket.destroyed) this.#onSocketClose();
    else if (established && closeCode !== undefined) this.#endSocket();
    else socket.destroy();
  }

  #onSocketClose() {
    if (this.#closeFired) return;
    this.#closeFired = true;
    if (this.#readyState === CONNECTING && !this.#failed) {
      // Lost before the handshake finished: a failure (error, then close). Lost later
      // without a close frame is only an unclean close (1006), as in undici.
      this.#failed = true;
      const message = 'Connection closed before the handshake completed';
      this.dispatchEvent(new ErrorEvent('error', { message, error: new Error(message) }));
    }
    this.#readyState = CLOSED;
    const clean = !this.#failed && this.#sentClose && this.#received !== null;
    const received = this.#failed ? null : this.#received;
    this.dispatchEvent(new CloseEvent('close', {
      wasClean: clean,
      code: received ? received.code : 1006,
      reason: received ? received.reason : '',
    }));
  }
}

for (const [name, value] of Object.entries({ CONNECTING, OPEN, CLOSING, CLOSED })) {
  const descriptor = { value, enumerable: true, writable: false, configurable: false };
  Object.defineProperty(WebSocket, name, descriptor);
  Object.defineProperty(WebSocket.prototype, name, descriptor);
}
for (const type of ['open', 'message', 'error', 'close']) {
  defineEventHandler(WebSocket.prototype, type);
}

module.exports = { WebSocket, CloseEvent };
