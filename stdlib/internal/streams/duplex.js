'use strict';
// stream.Duplex: a Readable that is also a Writable (both states on one object).

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  require('internal/streams/legacy').Stream.call(this, options);
  destroyImpl.construct(this, () => {
    const r = this._readableState;
    if (r.needReadable) Readable._maybeReadMore(this, r);
    const w = this._writableState;
    if (!w.writing) Writable._clearBuffer(this, w);
    Writable._finishMaybe(this, w);
  });
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Borrow Writable's methods that Readable does not define.
for (const method of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[method]) Duplex.prototype[method] = Writable.prototype[method];
}

function fromWritable(name) {
  return Object.getOwnPropertyDescriptor(Writable.prototype, name);
}

Object.defineProperties(Duplex.prototype, {
  writable: { __proto__: null, ...fromWritable('writable') },
  writableHighWaterMark: { __proto__: null, ...fromWritable('writableHighWaterMark') },
  writableObjectMode: { __proto__: null, ...fromWritable('writableObjectMode') },
  writableBuffer: { __proto__: null, ...fromWritable('writableBuffer') },
  writableLength: { __proto__: null, ...fromWritable('writableLength') },
  writableFinished: { __proto__: null, ...fromWritable('writableFinished') },
  writableCorked: { __proto__: null, ...fromWritable('writableCorked') },
  writableEnded: { __proto__: null, ...fromWritable('writableEnded') },
  writableNeedDrain: { __proto__: null, ...fromWritable('writableNeedDrain') },
  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) return false;
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

let webStreamsAdapters;
let duplexify;
Duplex.from = function(body) {
  duplexify = duplexify || require('internal/streams/duplexify');
  return duplexify(body, 'body');
};

// Differs from Node 20: Duplex.fromWeb/toWeb need web streams, which skua lacks so far.
Duplex.fromWeb = function() {
  webStreamsAdapters = webStreamsAdapters || require('internal/webstreams/adapters');
  return webStreamsAdapters.newStreamDuplexFromReadableWritablePair(...arguments);
};
Duplex.toWeb = function(duplex) {
  webStreamsAdapters = webStreamsAdapters || require('internal/webstreams/adapters');
  return webStreamsAdapters.newReadableWritablePairFromDuplex(duplex);
};

module.exports = Duplex;
