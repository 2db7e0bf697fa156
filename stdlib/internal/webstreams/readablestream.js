'use strict';
// ReadableStream, ReadableStreamDefaultReader and ReadableStreamDefaultController
// (streams.spec.whatwg.org §4). Byte streams live in readable_byte.js, tee and pipeTo in
// readable_pipe.js, async iteration and ReadableStream.from in readable_iter.js.

const {
  ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE,
} = require('internal/errors').codes;
const {
  kState, kType, setState, isBranded, brandCheck, createDeferred, setHandled, resolved,
  rejected, promiseCall, dequeueValue, enqueueValueWithSize, resetQueue,
  extractHighWaterMark, extractSizeAlgorithm, toDictionary, getMethod, defineToStringTag,
  makeEnumerable, customInspect, inspectSymbol,
  setControllerErrorFunction, settleClosedPromise,
} = require('internal/webstreams/util');

const kCreate = Symbol('kCreate');
const byte = () => require('internal/webstreams/readable_byte');
const pipe = () => require('internal/webstreams/readable_pipe');
const iter = () => require('internal/webstreams/readable_iter');

class ReadableStream {
  constructor(underlyingSource = undefined, strategy = undefined) {
    if (underlyingSource === null) underlyingSource = undefined;
    const source = toDictionary(underlyingSource, 'underlyingSource');
    strategy = toDictionary(strategy, 'strategy');
    initializeReadableStream(this);
    const type = source.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy.size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size,
                                                    'must be undefined for byte streams');
      }
      const hwm = extractHighWaterMark(strategy, 0);
      byte().setUpByteControllerFromSource(this, source, hwm);
    } else if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    } else {
      const size = extractSizeAlgorithm(strategy);
      const hwm = extractHighWaterMark(strategy, 1);
      setUpDefaultControllerFromSource(this, source, hwm, size);
    }
  }

  get locked() {
    return isLocked(brandCheck(this, 'ReadableStream'));
  }

  cancel(reason = undefined) {
    if (!isBranded(this, 'ReadableStream')) return rejected(new TypeError('Illegal invocation'));
    if (isLocked(this[kState])) {
      return rejected(new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    brandCheck(this, 'ReadableStream');
    options = toDictionary(options, 'options');
    const mode = options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new (byte().ReadableStreamBYOBReader)(this);
  }

  pipeThrough(transform, options = undefined) {
    brandCheck(this, 'ReadableStream');
    return pipe().pipeThrough(this, transform, options);
  }

  pipeTo(destination, options = undefined) {
    if (!isBranded(this, 'ReadableStream')) return rejected(new TypeError('Illegal invocation'));
    return pipe().pipeTo(this, destination, options);
  }

  tee() {
    brandCheck(this, 'ReadableStream');
    return pipe().readableStreamTee(this, false);
  }

  values(options = undefined) {
    brandCheck(this, 'ReadableStream');
    return iter().createAsyncIterator(this, options);
  }

  static from(iterable) {
    return iter().readableStreamFromIterable(iterable);
  }

  [inspectSymbol](depth, options) {
    const s = this[kState];
    return customInspect(this, {
      locked: this.locked, state: s.state, supportsBYOB: isBranded(s.controller,
                                                                   'ReadableByteStreamController'),
    }, depth, options);
  }
}
makeEnumerable(ReadableStream, ['locked', 'cancel', 'getReader', 'pipeThrough', 'pipeTo',
  'tee', 'values']);
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});
defineToStringTag(ReadableStream, 'ReadableStream');

function initializeReadableStream(stream) {
  return setState(stream, {
    [kType]: 'ReadableStream', state: 'readable', reader: undefined, storedError: undefined,
    disturbed: false, controller: undefined,
  });
}

// A stream made by the spec's CreateReadableStream (no constructor validation).
function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, hwm = 1,
                              sizeAlgorithm = () => 1) {
  const stream = Object.create(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = Object.create(ReadableStreamDefaultController.prototype);
  setUpDefaultController(stream, controller, startAlgorithm, pullAlgorithm, cancelAlgorithm,
                         hwm, sizeAlgorithm);
  return stream;
}

const isLocked = (state) => state.reader !== undefined;

function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return resolved(undefined);
  if (s.state === 'errored') return rejected(s.storedError);
  readableStreamClose(stream);
  const reader = s.reader;
  if (reader !== undefined && isBranded(reader, 'ReadableStreamBYOBReader')) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const req of requests) req.close(undefined);
  }
  return s.controller[kState].cancelSteps(reason).then(() => undefined);
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  settleClosedPromise(stream, false);
  const reader = s.reader;
  if (reader === undefined) return;
  reader[kState].closed.resolve(undefined);
  if (isBranded(reader, 'ReadableStreamDefaultReader')) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const req of requests) req.close();
  }
}

function readableStreamError(stream, e) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = e;
  settleClosedPromise(stream, true, e);
  const reader = s.reader;
  if (reader === undefined) return;
  reader[kState].closed.reject(e);
  setHandled(reader[kState].closed.promise);
  if (isBranded(reader, 'ReadableStreamDefaultReader')) {
    errorReadRequests(reader, e);
  } else {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const req of requests) req.error(e);
  }
}

function errorReadRequests(reader, e) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const req of requests) req.error(e);
}

function fulfillReadRequest(stream, chunk, done) {
  const reader = stream[kState].reader;
  const req = reader[kState].readRequests.shift();
  if (done) req.close();
  else req.chunk(chunk);
}

function getNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function hasDefaultReader(stream) {
  const reader = stream[kState].reader;
  return reader !== undefined && isBranded(reader, 'ReadableStreamDefaultReader');
}

// --- Readers --------------------------------------------------------------------------

function readerGenericInitialize(reader, stream, state) {
  state.stream = stream;
  state.closed = createDeferred();
  const s = stream[kState];
  s.reader = reader;
  if (s.state === 'closed') {
    state.closed.resolve(undefined);
  } else if (s.state === 'errored') {
    state.closed.reject(s.storedError);
    setHandled(state.closed.promise);
  }
}

function readerGenericRelease(reader) {
  const state = reader[kState];
  const stream = state.stream;
  const err = new ERR_INVALID_STATE.TypeError('Reader released');
  if (stream[kState].state === 'readable') {
    state.closed.reject(err);
  } else {
    state.closed = createDeferred();
    state.closed.reject(err);
  }
  setHandled(state.closed.promise);
  stream[kState].controller[kState].releaseSteps();
  stream[kState].reader = undefined;
  state.stream = undefined;
}

function readerGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isBranded(stream, 'ReadableStream')) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    if (isLocked(stream[kState])) throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
    const state = setState(this, { [kType]: 'ReadableStreamDefaultReader', readRequests: [] });
    readerGenericInitialize(this, stream, state);
  }

  read() {
    if (!isBranded(this, 'ReadableStreamDefaultReader')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    if (this[kState].stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const d = createDeferred();
    defaultReaderRead(this, {
      chunk: (value) => d.resolve({ value, done: false }),
      close: () => d.resolve({ value: undefined, done: true }),
      error: (e) => d.reject(e),
    });
    return d.promise;
  }

  releaseLock() {
    brandCheck(this, 'ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    defaultReaderRelease(this);
  }

  get closed() {
    if (!isBranded(this, 'ReadableStreamDefaultReader')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    return this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    if (!isBranded(this, 'ReadableStreamDefaultReader')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    if (this[kState].stream === undefined) {
      return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    return readerGenericCancel(this, reason);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, {
      stream: this[kState].stream, readRequests: this[kState].readRequests.length,
      close: this[kState].closed.promise,
    }, depth, options);
  }
}
makeEnumerable(ReadableStreamDefaultReader, ['read', 'releaseLock', 'closed', 'cancel']);
defineToStringTag(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');

function defaultReaderRead(reader, readRequest) {
  const stream = reader[kState].stream;
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') readRequest.close();
  else if (s.state === 'errored') readRequest.error(s.storedError);
  else s.controller[kState].pullSteps(readRequest);
}

function defaultReaderRelease(reader) {
  readerGenericRelease(reader);
  errorReadRequests(reader, new ERR_INVALID_STATE.TypeError('Reader released'));
}

// --- Default controller ---------------------------------------------------------------

class ReadableStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    return defaultControllerGetDesiredSize(brandCheck(this, 'ReadableStreamDefaultController'));
  }

  close() {
    const c = brandCheck(this, 'ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(c)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    defaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    const c = brandCheck(this, 'ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(c)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    defaultControllerEnqueue(this, chunk);
  }

  error(e = undefined) {
    brandCheck(this, 'ReadableStreamDefaultController');
    defaultControllerError(this, e);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { stream: this[kState].stream }, depth, options);
  }
}
makeEnumerable(ReadableStreamDefaultController, ['desiredSize', 'close', 'enqueue', 'error']);
defineToStringTag(ReadableStreamDefaultController, 'ReadableStreamDefaultController');

function setUpDefaultControllerFromSource(stream, source, hwm, sizeAlgorithm) {
  const controller = Object.create(ReadableStreamDefaultController.prototype);
  const start = getMethod(source, 'start', 'source');
  const pull = getMethod(source, 'pull', 'source');
  const cancel = getMethod(source, 'cancel', 'source');
  setUpDefaultController(
    stream, controller,
    start ? () => Reflect.apply(start, source, [controller]) : () => undefined,
    pull ? () => promiseCall(pull, source, controller) : () => resolved(undefined),
    cancel ? (reason) => promiseCall(cancel, source, reason) : () => resolved(undefined),
    hwm, sizeAlgorithm);
}

function setUpDefaultController(stream, controller, startAlgorithm, pullAlgorithm,
                                cancelAlgorithm, hwm, sizeAlgorithm) {
  const c = setState(controller, {
    [kType]: 'ReadableStreamDefaultController', stream, queue: [], queueTotalSize: 0,
    started: false, closeRequested: false, pullAgain: false, pulling: false,
    strategySizeAlgorithm: sizeAlgorithm, strategyHWM: hwm, pullAlgorithm, cancelAlgorithm,
  });
  setControllerErrorFunction(stream, (e) => defaultControllerError(controller, e));
  c.cancelSteps = (reason) => {
    resetQueue(c);
    const result = c.cancelAlgorithm(reason);
    defaultControllerClearAlgorithms(c);
    return result;
  };
  c.pullSteps = (readRequest) => {
    if (c.queue.length > 0) {
      const chunk = dequeueValue(c);
      if (c.closeRequested && c.queue.length === 0) {
        defaultControllerClearAlgorithms(c);
        readableStreamClose(stream);
      } else {
        defaultControllerCallPullIfNeeded(controller);
      }
      readRequest.chunk(chunk);
    } else {
      stream[kState].reader[kState].readRequests.push(readRequest);
      defaultControllerCallPullIfNeeded(controller);
    }
  };
  c.releaseSteps = () => {};
  stream[kState].controller = controller;
  const startResult = startAlgorithm();
  Promise.resolve(startResult).then(() => {
    c.started = true;
    defaultControllerCallPullIfNeeded(controller);
  }, (r) => defaultControllerError(controller, r));
}

function defaultControllerCallPullIfNeeded(controller) {
  const c = controller[kState];
  if (!defaultControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm(controller).then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      defaultControllerCallPullIfNeeded(controller);
    }
  }, (e) => defaultControllerError(controller, e));
}

function defaultControllerShouldCallPull(c) {
  if (!defaultControllerCanCloseOrEnqueue(c) || !c.started) return false;
  const stream = c.stream;
  if (isLocked(stream[kState]) && getNumReadRequests(stream) > 0) return true;
  return defaultControllerGetDesiredSize(c) > 0;
}

function defaultControllerClearAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function defaultControllerClose(controller) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    defaultControllerClearAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function defaultControllerEnqueue(controller, chunk) {
  const c = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(c)) return;
  const stream = c.stream;
  if (isLocked(stream[kState]) && getNumReadRequests(stream) > 0) {
    fulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = c.strategySizeAlgorithm(chunk);
      enqueueValueWithSize(c, chunk, size);
    } catch (err) {
      defaultControllerError(controller, err);
      throw err;
    }
  }
  defaultControllerCallPullIfNeeded(controller);
}

function defaultControllerError(controller, e) {
  const c = controller[kState];
  if (c.stream[kState].state !== 'readable') return;
  resetQueue(c);
  defaultControllerClearAlgorithms(c);
  readableStreamError(c.stream, e);
}

function defaultControllerGetDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function defaultControllerHasBackpressure(c) {
  return !defaultControllerShouldCallPull(c);
}

function defaultControllerCanCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

const isReadableStream = (v) => isBranded(v, 'ReadableStream');
const isDisturbed = (stream) => stream[kState].disturbed;

module.exports = {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController, kCreate,
  createReadableStream, initializeReadableStream, isLocked, readableStreamCancel,
  readableStreamClose, readableStreamError, fulfillReadRequest, getNumReadRequests,
  hasDefaultReader, readerGenericInitialize, readerGenericRelease, readerGenericCancel,
  defaultReaderRead, defaultReaderRelease, defaultControllerClose, defaultControllerEnqueue,
  defaultControllerError, defaultControllerGetDesiredSize, defaultControllerHasBackpressure,
  defaultControllerCanCloseOrEnqueue, isReadableStream, isDisturbed, setUpDefaultController,
};
