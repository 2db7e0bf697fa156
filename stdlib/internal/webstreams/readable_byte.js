'use strict';
// Readable byte streams (streams.spec.whatwg.org §4.7-4.10): ReadableByteStreamController,
// ReadableStreamBYOBRequest and ReadableStreamBYOBReader.

const {
  ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE,
} = require('internal/errors').codes;
const {
  kState, kType, setState, isBranded, brandCheck, createDeferred, resolved, rejected,
  promiseCall, resetQueue, getMethod, isDetached, transferArrayBuffer, copyBytes,
  defineToStringTag, makeEnumerable, customInspect, inspectSymbol, toDictionary,
  setControllerErrorFunction,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const {
  isLocked, readableStreamClose, readableStreamError, fulfillReadRequest, getNumReadRequests,
  hasDefaultReader, readerGenericInitialize, readerGenericRelease, readerGenericCancel,
} = rs;

const kCreate = Symbol('kCreate');

function hasBYOBReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBranded(reader, 'ReadableStreamBYOBReader');
}
const getNumReadIntoRequests = (stream) => stream[kState].reader[kState].readIntoRequests.length;

function typeError(msg) {
  return new ERR_INVALID_STATE.TypeError(msg);
}

class ReadableByteStreamController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    return getBYOBRequest(brandCheck(this, 'ReadableByteStreamController'));
  }

  get desiredSize() {
    return getDesiredSize(brandCheck(this, 'ReadableByteStreamController'));
  }

  close() {
    const c = brandCheck(this, 'ReadableByteStreamController');
    if (c.closeRequested) throw typeError('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw typeError('ReadableStream is already closed');
    byteControllerClose(c);
  }

  enqueue(chunk) {
    const c = brandCheck(this, 'ReadableByteStreamController');
    if (!ArrayBuffer.isView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE('chunk', ['ArrayBuffer', 'ArrayBufferView'], chunk);
    }
    if (chunk.byteLength === 0) throw new ERR_INVALID_ARG_VALUE('chunk', chunk, 'cannot be empty');
    if (chunk.buffer.byteLength === 0) {
      throw new ERR_INVALID_ARG_VALUE('chunk', chunk, 'cannot have a detached buffer');
    }
    if (c.closeRequested) throw typeError('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw typeError('ReadableStream is already closed');
    byteControllerEnqueue(c, chunk);
  }

  error(e = undefined) {
    byteControllerError(brandCheck(this, 'ReadableByteStreamController'), e);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { stream: this[kState].stream }, depth, options);
  }
}
makeEnumerable(ReadableByteStreamController, ['byobRequest', 'desiredSize', 'close', 'enqueue',
  'error']);
defineToStringTag(ReadableByteStreamController, 'ReadableByteStreamController');

function toBytesWritten(value) {
  const n = +value;
  if (!Number.isFinite(n) || n < 0) {
    throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', value);
  }
  return Math.trunc(n);
}

class ReadableStreamBYOBRequest {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    return brandCheck(this, 'ReadableStreamBYOBRequest').view;
  }

  respond(bytesWritten) {
    const r = brandCheck(this, 'ReadableStreamBYOBRequest');
    bytesWritten = toBytesWritten(bytesWritten);
    if (r.controller === undefined) throw typeError('This BYOB request has been invalidated');
    if (isDetached(r.view.buffer)) throw typeError('Viewed ArrayBuffer is detached');
    respond(r.controller[kState], bytesWritten);
  }

  respondWithNewView(view) {
    const r = brandCheck(this, 'ReadableStreamBYOBRequest');
    if (!ArrayBuffer.isView(view)) {
      throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray', 'DataView'], view);
    }
    if (r.controller === undefined) throw typeError('This BYOB request has been invalidated');
    if (isDetached(view.buffer)) throw typeError('Viewed ArrayBuffer is detached');
    respondWithNewView(r.controller[kState], view);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { view: this[kState].view }, depth, options);
  }
}
makeEnumerable(ReadableStreamBYOBRequest, ['view', 'respond', 'respondWithNewView']);
defineToStringTag(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');

class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isBranded(stream, 'ReadableStream')) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    if (isLocked(stream[kState])) throw typeError('ReadableStream is locked');
    if (!isBranded(stream[kState].controller, 'ReadableByteStreamController')) {
      throw typeError('Cannot use a BYOB reader with a non-byte stream');
    }
    const state = setState(this, { [kType]: 'ReadableStreamBYOBReader', readIntoRequests: [] });
    readerGenericInitialize(this, stream, state);
  }

  read(view = undefined, options = undefined) {
    if (!isBranded(this, 'ReadableStreamBYOBReader')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    if (!ArrayBuffer.isView(view)) {
      return rejected(new ERR_INVALID_ARG_TYPE('view', ['TypedArray', 'DataView'], view));
    }
    try {
      toDictionary(options, 'options');
    } catch (err) {
      return rejected(err);
    }
    if (view.byteLength === 0) {
      return rejected(new ERR_INVALID_STATE.TypeError('View or ArrayBuffer cannot be empty'));
    }
    if (view.buffer.byteLength === 0) {
      return rejected(new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached'));
    }
    if (this[kState].stream === undefined) {
      return rejected(typeError('The reader is not attached to a stream'));
    }
    const d = createDeferred();
    byobReaderRead(this, view, {
      chunk: (value) => d.resolve({ value, done: false }),
      close: (value) => d.resolve({ value, done: true }),
      error: (e) => d.reject(e),
    });
    return d.promise;
  }

  releaseLock() {
    brandCheck(this, 'ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    byobReaderRelease(this);
  }

  get closed() {
    if (!isBranded(this, 'ReadableStreamBYOBReader')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isBranded(this, 'ReadableStreamBYOBReader')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    if (this[kState].stream === undefined) {
      return rejected(typeError('The reader is not attached to a stream'));
    }
    return readerGenericCancel(this, reason);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, {
      stream: this[kState].stream, requestCount: this[kState].readIntoRequests.length,
      close: this[kState].closed.promise,
    }, depth, options);
  }
}
makeEnumerable(ReadableStreamBYOBReader, ['read', 'releaseLock', 'closed', 'cancel']);
defineToStringTag(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');

function byobReaderRead(reader, view, req) {
  const stream = reader[kState].stream;
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') req.error(stream[kState].storedError);
  else pullInto(stream[kState].controller[kState], view, req);
}

function byobReaderRelease(reader) {
  readerGenericRelease(reader);
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  const e = typeError('Reader released');
  for (const req of requests) req.error(e);
}

// --- Set-up ---------------------------------------------------------------------------

function setUpByteControllerFromSource(stream, source, hwm) {
  const controller = Object.create(ReadableByteStreamController.prototype);
  const start = getMethod(source, 'start', 'source');
  const pull = getMethod(source, 'pull', 'source');
  const cancel = getMethod(source, 'cancel', 'source');
  let autoAllocate = source.autoAllocateChunkSize;
  if (autoAllocate !== undefined) {
    autoAllocate = +autoAllocate;
    if (!Number.isFinite(autoAllocate) || autoAllocate <= 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('source.autoAllocateChunkSize',
                                                 source.autoAllocateChunkSize);
    }
    autoAllocate = Math.trunc(autoAllocate);
  }
  setUpByteController(
    stream, controller,
    start ? () => Reflect.apply(start, source, [controller]) : () => undefined,
    pull ? () => promiseCall(pull, source, controller) : () => resolved(undefined),
    cancel ? (reason) => promiseCall(cancel, source, reason) : () => resolved(undefined),
    hwm, autoAllocate);
}

function setUpByteController(stream, controller, startAlgorithm, pullAlgorithm,
                             cancelAlgorithm, hwm, autoAllocateChunkSize) {
  const c = setState(controller, {
    [kType]: 'ReadableByteStreamController', self: controller, stream, queue: [],
    queueTotalSize: 0, started: false, closeRequested: false, pullAgain: false,
    pulling: false, byobRequest: null, pendingPullIntos: [], strategyHWM: hwm,
    pullAlgorithm, cancelAlgorithm, autoAllocateChunkSize,
  });
  setControllerErrorFunction(stream, (e) => byteControllerError(c, e));
  c.cancelSteps = (reason) => {
    clearPendingPullIntos(c);
    resetQueue(c);
    const result = c.cancelAlgorithm(reason);
    clearAlgorithms(c);
    return result;
  };
  c.pullSteps = (readRequest) => pullSteps(c, readRequest);
  c.releaseSteps = () => {
    if (c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos[0];
      first.readerType = 'none';
      c.pendingPullIntos = [first];
    }
  };
  stream[kState].controller = controller;
  Promise.resolve(startAlgorithm()).then(() => {
    c.started = true;
    callPullIfNeeded(c);
  }, (r) => byteControllerError(c, r));
}

// --- Abstract operations ---------------------------------------------------------------

function pullSteps(c, readRequest) {
  const stream = c.stream;
  if (c.queueTotalSize > 0) {
    fillReadRequestFromQueue(c, readRequest);
    return;
  }
  const size = c.autoAllocateChunkSize;
  if (size !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(size);
    } catch (e) {
      readRequest.error(e);
      return;
    }
    c.pendingPullIntos.push({
      buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
      minimumFill: 1, elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
    });
  }
  stream[kState].reader[kState].readRequests.push(readRequest);
  callPullIfNeeded(c);
}

function callPullIfNeeded(c) {
  if (!shouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm(c.self).then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      callPullIfNeeded(c);
    }
  }, (e) => byteControllerError(c, e));
}

function shouldCallPull(c) {
  const stream = c.stream;
  if (stream[kState].state !== 'readable' || c.closeRequested || !c.started) return false;
  if (hasDefaultReader(stream) && getNumReadRequests(stream) > 0) return true;
  if (hasBYOBReader(stream) && getNumReadIntoRequests(stream) > 0) return true;
  return getDesiredSize(c) > 0;
}

function clearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function invalidateBYOBRequest(c) {
  if (c.byobRequest === null) return;
  c.byobRequest[kState].controller = undefined;
  c.byobRequest[kState].view = null;
  c.byobRequest = null;
}

function clearPendingPullIntos(c) {
  invalidateBYOBRequest(c);
  c.pendingPullIntos = [];
}

function getDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function getBYOBRequest(c) {
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
                                first.byteLength - first.bytesFilled);
    const request = Object.create(ReadableStreamBYOBRequest.prototype);
    setState(request, { [kType]: 'ReadableStreamBYOBRequest', controller: c.self, view });
    c.byobRequest = request;
  }
  return c.byobRequest;
}

function byteControllerClose(c) {
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const e = typeError('Insufficient bytes to fill the elements of the pending read');
      byteControllerError(c, e);
      throw e;
    }
  }
  clearAlgorithms(c);
  readableStreamClose(stream);
}

function byteControllerError(c, e) {
  const stream = c.stream;
  if (stream[kState].state !== 'readable') return;
  clearPendingPullIntos(c);
  resetQueue(c);
  clearAlgorithms(c);
  readableStreamError(stream, e);
}

function byteControllerEnqueue(c, chunk) {
  const stream = c.stream;
  if (c.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (isDetached(buffer)) throw typeError('Chunk\'s buffer is detached');
  const transferred = transferArrayBuffer(buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (isDetached(first.buffer)) throw typeError('The BYOB request\'s buffer is detached');
    invalidateBYOBRequest(c);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') enqueueDetachedPullIntoToQueue(c, first);
  }
  if (hasDefaultReader(stream)) {
    processReadRequestsUsingQueue(c);
    if (getNumReadRequests(stream) === 0) {
      enqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) c.pendingPullIntos.shift();
      fulfillReadRequest(stream, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (hasBYOBReader(stream)) {
    enqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    for (const d of processPullIntoDescriptorsUsingQueue(c)) commitPullIntoDescriptor(stream, d);
  } else {
    enqueueChunkToQueue(c, transferred, byteOffset, byteLength);
  }
  callPullIfNeeded(c);
}

function enqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (e) {
    byteControllerError(c, e);
    throw e;
  }
  enqueueChunkToQueue(c, clone, 0, byteLength);
}

function enqueueDetachedPullIntoToQueue(c, d) {
  if (d.bytesFilled > 0) enqueueClonedChunkToQueue(c, d.buffer, d.byteOffset, d.bytesFilled);
  c.pendingPullIntos.shift();
}

function processReadRequestsUsingQueue(c) {
  const reader = c.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (c.queueTotalSize === 0) return;
    fillReadRequestFromQueue(c, reader[kState].readRequests.shift());
  }
}

function fillReadRequestFromQueue(c, readRequest) {
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  handleQueueDrain(c);
  readRequest.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function handleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    clearAlgorithms(c);
    readableStreamClose(c.stream);
  } else {
    callPullIfNeeded(c);
  }
}

function processPullIntoDescriptorsUsingQueue(c) {
  const filled = [];
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) break;
    const d = c.pendingPullIntos[0];
    if (fillPullIntoDescriptorFromQueue(c, d)) {
      c.pendingPullIntos.shift();
      filled.push(d);
    }
  }
  return filled;
}

function fillPullIntoDescriptorFromQueue(c, d) {
  const maxBytesToCopy = Math.min(c.queueTotalSize, d.byteLength - d.bytesFilled);
  const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % d.elementSize);
  if (maxAlignedBytes >= d.minimumFill) {
    remaining = maxAlignedBytes - d.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = c.queue[0];
    const n = Math.min(remaining, head.byteLength);
    copyBytes(d.buffer, d.byteOffset + d.bytesFilled, head.buffer, head.byteOffset, n);
    if (head.byteLength === n) {
      c.queue.shift();
    } else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    c.queueTotalSize -= n;
    invalidateBYOBRequest(c);
    d.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function convertPullIntoDescriptor(d) {
  const buffer = transferArrayBuffer(d.buffer);
  return new d.viewConstructor(buffer, d.byteOffset, d.bytesFilled / d.elementSize);
}

function commitPullIntoDescriptor(stream, d) {
  const done = stream[kState].state === 'closed';
  const view = convertPullIntoDescriptor(d);
  if (d.readerType === 'default') {
    fulfillReadRequest(stream, view, done);
  } else {
    const req = stream[kState].reader[kState].readIntoRequests.shift();
    if (done) req.close(view);
    else req.chunk(view);
  }
}

function pullInto(c, view, req) {
  const stream = c.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (!(view instanceof DataView)) {
    elementSize = view.BYTES_PER_ELEMENT;
    ctor = view.constructor;
  }
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (e) {
    req.error(e);
    return;
  }
  const d = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0, minimumFill: elementSize, elementSize,
    viewConstructor: ctor, readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(d);
    stream[kState].reader[kState].readIntoRequests.push(req);
    return;
  }
  if (stream[kState].state === 'closed') {
    req.close(new ctor(d.buffer, d.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (fillPullIntoDescriptorFromQueue(c, d)) {
      const filled = convertPullIntoDescriptor(d);
      handleQueueDrain(c);
      req.chunk(filled);
      return;
    }
    if (c.closeRequested) {
      const e = typeError('Insufficient bytes to fill the elements of the read');
      byteControllerError(c, e);
      req.error(e);
      return;
    }
  }
  c.pendingPullIntos.push(d);
  stream[kState].reader[kState].readIntoRequests.push(req);
  callPullIfNeeded(c);
}

function respond(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  if (c.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten,
                                                 'must be 0 for a closed stream');
    }
  } else {
    if (bytesWritten === 0) {
      throw new ERR_INVALID_ARG_VALUE.TypeError('bytesWritten', bytesWritten,
                                                 'must be non-zero for a readable stream');
    }
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferArrayBuffer(first.buffer);
  respondInternal(c, bytesWritten);
}

function respondWithNewView(c, view) {
  const first = c.pendingPullIntos[0];
  if (c.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) throw typeError('The view\'s length must be 0 when closed');
  } else if (view.byteLength === 0) {
    throw typeError('The view\'s length must be non-zero when readable');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'has an invalid byteOffset');
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'has an invalid buffer length');
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view, 'is too long');
  }
  const n = view.byteLength;
  first.buffer = transferArrayBuffer(view.buffer);
  respondInternal(c, n);
}

function respondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  invalidateBYOBRequest(c);
  if (c.stream[kState].state === 'closed') {
    if (first.readerType === 'none') c.pendingPullIntos.shift();
    const stream = c.stream;
    if (hasBYOBReader(stream)) {
      while (getNumReadIntoRequests(stream) > 0) {
        commitPullIntoDescriptor(stream, c.pendingPullIntos.shift());
      }
    }
  } else {
    respondInReadableState(c, bytesWritten, first);
  }
  callPullIfNeeded(c);
}

function respondInReadableState(c, bytesWritten, d) {
  d.bytesFilled += bytesWritten;
  if (d.readerType === 'none') {
    enqueueDetachedPullIntoToQueue(c, d);
    for (const f of processPullIntoDescriptorsUsingQueue(c)) commitPullIntoDescriptor(c.stream, f);
    return;
  }
  if (d.bytesFilled < d.minimumFill) return;
  c.pendingPullIntos.shift();
  const remainder = d.bytesFilled % d.elementSize;
  if (remainder > 0) {
    const end = d.byteOffset + d.bytesFilled;
    enqueueClonedChunkToQueue(c, d.buffer, end - remainder, remainder);
  }
  d.bytesFilled -= remainder;
  commitPullIntoDescriptor(c.stream, d);
  for (const f of processPullIntoDescriptorsUsingQueue(c)) commitPullIntoDescriptor(c.stream, f);
}

module.exports = {
  ReadableByteStreamController, ReadableStreamBYOBRequest, ReadableStreamBYOBReader,
  setUpByteControllerFromSource, setUpByteController, byteControllerEnqueue,
  byteControllerClose, byteControllerError, getBYOBRequest, respond, respondWithNewView,
  byobReaderRead, byobReaderRelease, getDesiredSize, kCreate,
};
