'use strict';
// Bridges between Node streams and web streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb (nodejs.org/api/stream.html).

const { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE } = require('internal/errors').codes;
const { validateBoolean, validateObject } = require('internal/validators');
const { isBranded } = require('internal/webstreams/util');
const { ReadableStream } = require('internal/webstreams/readablestream');
const { WritableStream } = require('internal/webstreams/writablestream');
const { CountQueuingStrategy } = require('internal/webstreams/queuingstrategies');
const { Buffer } = require('buffer');

const lazy = {
  get eos() { return require('internal/streams/end-of-stream'); },
  get destroyer() { return require('internal/streams/destroy').destroyer; },
  get utils() { return require('internal/streams/utils'); },
  get Readable() { return require('internal/streams/readable'); },
  get Writable() { return require('internal/streams/writable'); },
  get Duplex() { return require('internal/streams/duplex'); },
};

function destroy(stream, err) {
  if (typeof stream.destroy === 'function') stream.destroy(err);
}

function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (!lazy.utils.isReadableNodeStream(streamReadable)) {
    throw new ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  if (lazy.utils.isDestroyed(streamReadable) || !lazy.utils.isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  let strategy = options.strategy;
  if (strategy === undefined) {
    strategy = objectMode ? new CountQueuingStrategy({ highWaterMark }) :
      { highWaterMark, size(chunk) { return chunk.byteLength ?? chunk.length ?? 1; } };
  }
  let controller;
  let closed = false;
  const onData = (chunk) => {
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  };
  const cleanup = lazy.eos(streamReadable, (error) => {
    if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      error = new (require('internal/errors').AbortError)(undefined, { cause: error });
    }
    cleanup();
    streamReadable.on('error', () => {});
    streamReadable.removeListener('data', onData);
    if (closed) return;
    closed = true;
    if (error) controller.error(error);
    else controller.close();
  });
  streamReadable.on('data', onData);
  return new ReadableStream({
    start(c) { controller = c; },
    pull() { streamReadable.resume(); },
    cancel(reason) {
      closed = true;
      destroy(streamReadable, reason);
    },
  }, strategy);
}

function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!isBranded(readableStream, 'ReadableStream')) {
    throw new ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new (lazy.Readable)({
    objectMode, highWaterMark, encoding, signal,
    read() {
      reader.read().then(({ value, done }) => {
        if (done) readable.push(null);
        else readable.push(value);
      }, (error) => destroy(readable, error));
    },
    destroy(error, callback) {
      const done = () => queueMicrotask(() => callback(error));
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(() => { closed = true; }, (error) => {
    closed = true;
    destroy(readable, error);
  });
  return readable;
}

function newWritableStreamFromStreamWritable(streamWritable) {
  if (!lazy.utils.isWritableNodeStream(streamWritable)) {
    throw new ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  if (lazy.utils.isDestroyed(streamWritable) || !lazy.utils.isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }
  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy = streamWritable.writableObjectMode ?
    new CountQueuingStrategy({ highWaterMark }) :
    { highWaterMark, size(chunk) { return chunk.byteLength ?? chunk.length ?? 1; } };
  let controller;
  let backpressure;
  let closed;
  const onDrain = () => {
    if (backpressure !== undefined) backpressure.resolve();
  };
  const cleanup = lazy.eos(streamWritable, { readable: false }, (error) => {
    cleanup();
    streamWritable.on('error', () => {});
    streamWritable.removeListener('drain', onDrain);
    if (error) {
      if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
        error = new (require('internal/errors').AbortError)(undefined, { cause: error });
      }
      if (backpressure !== undefined) backpressure.reject(error);
      if (closed !== undefined) closed.reject(error);
      controller.error(error);
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      return;
    }
    controller.error(new ERR_STREAM_PREMATURE_CLOSE());
  });
  streamWritable.on('drain', onDrain);
  const deferred = () => {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
  return new WritableStream({
    start(c) { controller = c; },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressure = deferred();
        return backpressure.promise.finally(() => { backpressure = undefined; });
      }
    },
    abort(reason) { destroy(streamWritable, reason); },
    close() {
      if (closed === undefined && !lazy.utils.isWritableEnded(streamWritable)) {
        closed = deferred();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, strategy);
}

function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!isBranded(writableStream, 'WritableStream')) {
    throw new ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new (lazy.Writable)({
    highWaterMark, objectMode, decodeStrings, signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((c) => writer.write(c.chunk))))
        .then(() => callback(), callback);
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = Buffer.from(chunk, encoding);
      }
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    destroy(error, callback) {
      const done = () => queueMicrotask(() => callback(error));
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      if (!closed) {
        writer.close().then(() => { closed = true; callback(); }, callback);
      } else {
        callback();
      }
    },
  });
  writer.closed.then(() => {
    closed = true;
    if (!lazy.utils.isWritableEnded(writable)) destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    closed = true;
    destroy(writable, error);
  });
  return writable;
}

function newReadableWritablePairFromDuplex(duplex) {
  if (!lazy.utils.isDuplexNodeStream(duplex)) {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!isBranded(readableStream, 'ReadableStream')) {
    throw new ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!isBranded(writableStream, 'WritableStream')) {
    throw new ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true,
          highWaterMark, signal } = options;
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const duplex = new (lazy.Duplex)({
    allowHalfOpen, highWaterMark, objectMode, encoding, decodeStrings, signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((c) => writer.write(c.chunk))))
        .then(() => callback(), callback);
    },
    write(chunk, enc, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) chunk = Buffer.from(chunk, enc);
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), callback);
    },
    final(callback) {
      if (writableClosed) {
        callback();
        return;
      }
      writer.close().then(() => { writableClosed = true; callback(); }, callback);
    },
    read() {
      reader.read().then(({ value, done }) => {
        if (done) duplex.push(null);
        else duplex.push(value);
      }, (error) => destroy(duplex, error));
    },
    destroy(error, callback) {
      const jobs = [];
      if (!writableClosed) jobs.push(error != null ? writer.abort(error) : writer.close());
      if (!readableClosed) jobs.push(reader.cancel(error));
      const done = () => queueMicrotask(() => callback(error));
      Promise.all(jobs.map((p) => p.catch(() => {}))).then(done);
    },
  });
  writer.closed.then(() => {
    writableClosed = true;
    if (!lazy.utils.isWritableEnded(duplex)) destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  reader.closed.then(() => { readableClosed = true; }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroy(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable, newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable, newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex, newStreamDuplexFromReadableWritablePair,
};
