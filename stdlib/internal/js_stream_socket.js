'use strict';
// JSStreamSocket: a net.Socket whose bytes come from and go to any Duplex stream instead of
// a libuv handle (node:_stream_wrap exports it; TLS or HTTP/2 over an arbitrary stream
// needs a Socket-shaped object). Reads follow the Duplex's 'data'/'end' with backpressure,
// writes and end() are forwarded to it.
// Differs from Node 20: there is no JSStream native handle behind it, so `_handle` is null.

const net = require('net');
const { codes, E } = require('internal/errors');

if (codes.ERR_STREAM_WRAP === undefined) {
  E('ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode', Error);
}

const kListeners = Symbol('kListeners');

class JSStreamSocket extends net.Socket {
  constructor(stream) {
    super({ allowHalfOpen: false });
    this.stream = stream;
    const listeners = {
      data: (chunk) => {
        if (typeof chunk === 'string' || stream.readableObjectMode === true) {
          // Not bytes (a string decoder or object mode): stop reading and report it.
          stream.pause();
          stream.removeListener('data', listeners.data);
          this.emit('error', new codes.ERR_STREAM_WRAP());
          return;
        }
        if (!this.push(chunk)) stream.pause();
      },
      end: () => this.push(null),
      error: (err) => this.destroy(err),
      // A stream that closes without ending its readable side takes the socket with it.
      close: () => {
        if (!this.destroyed && !stream.readableEnded) this.destroy();
      },
    };
    this[kListeners] = listeners;
    for (const name of Object.keys(listeners)) stream.on(name, listeners[name]);
    // Reading starts when the socket's consumer asks (_read), not before.
    stream.pause();
  }

  _read() {
    if (this.stream.isPaused()) this.stream.resume();
  }

  _write(chunk, encoding, cb) {
    this.stream.write(chunk, encoding, (err) => cb(err));
  }

  _writev(chunks, cb) {
    const last = chunks.length - 1;
    for (let i = 0; i < last; i++) this.stream.write(chunks[i].chunk, chunks[i].encoding);
    this._write(chunks[last].chunk, chunks[last].encoding, cb);
  }

  _final(cb) {
    if (this.stream.writableEnded) {
      cb();
      return;
    }
    this.stream.end((err) => cb(err));
  }

  _destroy(err, cb) {
    const listeners = this[kListeners];
    for (const name of Object.keys(listeners)) {
      // The error listener stays: a late error of the stream must not become uncaught.
      if (name !== 'error') this.stream.removeListener(name, listeners[name]);
    }
    super._destroy(err, cb);
  }
}

module.exports = { JSStreamSocket };
