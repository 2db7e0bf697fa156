'use strict';
// The JS half of StreamBase (runtime/core/stream_base.h): writing chunks to a handle with
// a WriteWrap, completing writes, and turning `onread` calls into pushes on the stream
// that owns the handle. Shared by net.Socket, tty streams and stdio.

const { WriteWrap, streamBaseState, kBytesWritten, kLastWriteWasAsync } =
  internalBinding('stream_wrap');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { errnoException } = require('internal/net/exceptions');

const kOwner = Symbol('owner');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kHandle = Symbol('kHandle');
const kBuffer = Symbol('kBuffer');
const kBufferCb = Symbol('kBufferCb');
const UV_EOF = -4095;

function writeChunk(handle, req, data, encoding) {
  if (typeof data !== 'string') return handle.writeBuffer(req, data);
  switch (encoding) {
    case undefined: case 'utf8': case 'utf-8': case 'buffer':
      return handle.writeUtf8String(req, data);
    case 'latin1': case 'binary':
      return handle.writeLatin1String(req, data);
    case 'ascii':
      return handle.writeAsciiString(req, data);
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
      return handle.writeUcs2String(req, data);
    default: {
      const buffer = require('buffer').Buffer.from(data, encoding);
      req.buffer = buffer;
      return handle.writeBuffer(req, buffer);
    }
  }
}

function createWriteWrap(handle, callback) {
  const req = new WriteWrap();
  req.handle = handle;
  req.oncomplete = onWriteComplete;
  req.async = false;
  req.bytes = 0;
  req.buffer = null;
  req.callback = callback;
  return req;
}

// Sets req.bytes/req.async from the shared state; a write that finished synchronously
// completes here, an asynchronous one in onWriteComplete.
function afterWriteDispatched(req, err, cb) {
  req.bytes = streamBaseState[kBytesWritten];
  req.async = streamBaseState[kLastWriteWasAsync] === 1;
  if (err !== 0) return cb(errnoException(err, 'write', req.error));
  if (!req.async && typeof req.callback === 'function') req.callback();
}

function writeGeneric(owner, data, encoding, cb) {
  const req = createWriteWrap(owner[kHandle], cb);
  if (typeof data !== 'string') req.buffer = data;  // Kept alive until written.
  const err = writeChunk(owner[kHandle], req, data, encoding);
  afterWriteDispatched(req, err, cb);
  return req;
}

// `data` is Writable's writev list of { chunk, encoding }. Empty chunks carry no bytes
// (http's end() adds one to hang its callback on), and a single remaining chunk is
// written as is: a string then goes to the handle without a Buffer copy.
function writevGeneric(owner, data, cb) {
  let nonEmpty = 0;
  let last = -1;
  for (let i = 0; i < data.length; i++) {
    if (data[i].chunk.length !== 0) {
      nonEmpty++;
      last = i;
    }
  }
  if (nonEmpty === 1) return writeGeneric(owner, data[last].chunk, data[last].encoding, cb);
  const req = createWriteWrap(owner[kHandle], cb);
  let allBuffers = true;
  for (let i = 0; i < data.length; i++) {
    if (typeof data[i].chunk === 'string') allBuffers = false;
  }
  const skipEmpty = nonEmpty !== 0;
  const count = skipEmpty ? nonEmpty : data.length;
  // Node's layout: views only, or [chunk, encoding, ...] with strings that the handle
  // encodes itself ('utf8' or 'latin1'; other encodings become Buffers here).
  const chunks = new Array(allBuffers ? count : count * 2);
  for (let i = 0, j = 0; i < data.length; i++) {
    const { chunk, encoding } = data[i];
    if (skipEmpty && chunk.length === 0) continue;
    if (allBuffers) {
      chunks[j++] = chunk;
    } else if (typeof chunk !== 'string') {
      chunks[j++] = chunk;
      chunks[j++] = 'buffer';
    } else {
      const fast = handleEncoding(encoding);
      chunks[j++] = fast === null ? require('buffer').Buffer.from(chunk, encoding) : chunk;
      chunks[j++] = fast === null ? 'buffer' : fast;
    }
  }
  req.chunks = chunks;
  const err = owner[kHandle].writev(req, chunks, allBuffers);
  afterWriteDispatched(req, err, cb);
  return req;
}

// The encoding a handle's writev takes a string in, or null when it must be a Buffer.
function handleEncoding(encoding) {
  switch (encoding) {
    case undefined: case null: case 'utf8': case 'utf-8': case 'buffer':
      return 'utf8';
    case 'latin1': case 'binary': case 'ascii':
      return 'latin1';
    default:
      return null;
  }
}

function onWriteComplete(status) {
  const stream = this.handle[kOwner];
  if (stream === undefined || stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  if (status < 0) {
    const error = errnoException(status, 'write', this.error);
    if (typeof this.callback === 'function') this.callback(error);
    else stream.destroy(error);
    return;
  }
  if (stream[kUpdateTimer]) stream[kUpdateTimer]();
  if (stream[kAfterAsyncWrite]) stream[kAfterAsyncWrite]();
  if (typeof this.callback === 'function') this.callback(null);
}

// onread: { buffer, callback }: the bytes are copied into the caller's buffer (or the
// one buffer() returns), as many times as needed. Pausing (pause() or callback returning
// false) keeps the rest for drainUserBuffer on resume, and holds back the end.
// Differs from Node 20: Node reads straight into that buffer; this copies once.
const kPending = Symbol('kPendingRead');
const kPendingEOF = Symbol('kPendingEOF');

function drainUserBuffer(stream) {
  const handle = stream._handle;
  let bytes = stream[kPending];
  while (bytes && bytes.length > 0 && handle && handle.reading && !stream.destroyed) {
    const target = typeof stream[kBuffer] === 'function' ? stream[kBuffer]() : stream[kBuffer];
    const n = Math.min(target.length, bytes.length);
    target.set(bytes.subarray(0, n));
    bytes = bytes.subarray(n);
    stream[kPending] = bytes.length > 0 ? bytes : null;
    if (stream[kBufferCb].call(stream, n, target) === false && handle.reading) {
      handle.reading = false;
      handle.readStop();
    }
  }
  if (!stream[kPending] && stream[kPendingEOF]) {
    stream[kPendingEOF] = false;
    stream.push(null);
    stream.read(0);
  }
}

function deliverToUserBuffer(stream, bytes) {
  const pending = stream[kPending];
  if (pending) {
    const joined = new Uint8Array(pending.length + bytes.length);
    joined.set(pending);
    joined.set(bytes, pending.length);
    bytes = joined;
  }
  stream[kPending] = bytes;
  drainUserBuffer(stream);
}

// handle.onread: `this` is the handle.
function onStreamRead(nread, arrayBuffer) {
  const handle = this;
  const stream = handle[kOwner];
  if (stream === undefined) return;
  if (stream[kUpdateTimer]) stream[kUpdateTimer]();
  if (nread > 0 && !stream.destroyed && stream[kBuffer]) {
    deliverToUserBuffer(stream, new Uint8Array(arrayBuffer, 0, nread));
    return;
  }
  if (nread > 0 && !stream.destroyed) {
    const ret = stream.push(new FastBuffer(arrayBuffer, 0, nread));
    if (!ret && handle.reading) {
      handle.reading = false;
      const err = handle.readStop();
      if (err) stream.destroy(errnoException(err, 'read'));
    }
    return;
  }
  if (nread === 0) return;
  if (nread !== UV_EOF) {
    stream.destroy(errnoException(nread, 'read'));
    return;
  }
  if (stream[kPending]) {
    stream[kPendingEOF] = true;
    return;
  }
  if (!stream._readableState.endEmitted) {
    stream.push(null);
    stream.read(0);
  }
}

module.exports = {
  kOwner,
  kUpdateTimer,
  kAfterAsyncWrite,
  kHandle,
  kBuffer,
  kBufferCb,
  kPending,
  drainUserBuffer,
  UV_EOF,
  writeGeneric,
  writevGeneric,
  onStreamRead,
};
