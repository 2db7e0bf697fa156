'use strict';
// WritableStream, WritableStreamDefaultWriter and WritableStreamDefaultController
// (streams.spec.whatwg.org §5).

const {
  ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE,
} = require('internal/errors').codes;
const {
  kState, kType, setState, isBranded, brandCheck, createDeferred, setHandled, resolved,
  rejected, promiseCall, dequeueValue, enqueueValueWithSize, peekQueueValue, resetQueue,
  extractHighWaterMark, extractSizeAlgorithm, toDictionary, getMethod, defineToStringTag,
  makeEnumerable, customInspect, inspectSymbol,
  setControllerErrorFunction, settleClosedPromise,
} = require('internal/webstreams/util');

const kCloseSentinel = Symbol('close');
const typeError = (msg) => new ERR_INVALID_STATE.TypeError(msg);

class WritableStream {
  constructor(underlyingSink = undefined, strategy = undefined) {
    if (underlyingSink === null) underlyingSink = undefined;
    const sink = toDictionary(underlyingSink, 'underlyingSink');
    strategy = toDictionary(strategy, 'strategy');
    if (sink.type !== undefined) throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    initializeWritableStream(this);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpControllerFromSink(this, sink, hwm, size);
  }

  get locked() {
    return brandCheck(this, 'WritableStream').writer !== undefined;
  }

  abort(reason = undefined) {
    if (!isBranded(this, 'WritableStream')) return rejected(new TypeError('Illegal invocation'));
    if (this[kState].writer !== undefined) return rejected(typeError('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isBranded(this, 'WritableStream')) return rejected(new TypeError('Illegal invocation'));
    if (this[kState].writer !== undefined) return rejected(typeError('WritableStream is locked'));
    if (closeQueuedOrInFlight(this[kState])) {
      return rejected(typeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    brandCheck(this, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { locked: this.locked, state: this[kState].state }, depth, options);
  }
}
makeEnumerable(WritableStream, ['locked', 'abort', 'close', 'getWriter']);
defineToStringTag(WritableStream, 'WritableStream');

function initializeWritableStream(stream) {
  return setState(stream, {
    [kType]: 'WritableStream', state: 'writable', storedError: undefined, writer: undefined,
    controller: undefined, inFlightWriteRequest: undefined, closeRequest: undefined,
    inFlightCloseRequest: undefined, pendingAbortRequest: undefined, writeRequests: [],
    backpressure: false,
  });
}

function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
                              hwm = 1, sizeAlgorithm = () => 1) {
  const stream = Object.create(WritableStream.prototype);
  initializeWritableStream(stream);
  const controller = Object.create(WritableStreamDefaultController.prototype);
  setUpController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
                  abortAlgorithm, hwm, sizeAlgorithm);
  return stream;
}

const closeQueuedOrInFlight = (s) =>
  s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;

function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return resolved(undefined);
  s.controller[kState].abortController.abort(reason);
  const state = s.state;
  if (state === 'closed' || state === 'errored') return resolved(undefined);
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.deferred.promise;
  let wasAlreadyErroring = false;
  if (state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const deferred = createDeferred();
  s.pendingAbortRequest = { deferred, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return deferred.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') {
    return rejected(typeError('WritableStream is closed or errored'));
  }
  const deferred = createDeferred();
  s.closeRequest = deferred;
  if (s.writer !== undefined && s.backpressure && s.state === 'writable') {
    s.writer[kState].ready.resolve(undefined);
  }
  const c = s.controller[kState];
  enqueueValueWithSize(c, kCloseSentinel, 0);
  controllerAdvanceQueueIfNeeded(c);
  return deferred.promise;
}

function dealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    startErroring(stream, error);
    return;
  }
  finishErroring(stream);
}

function startErroring(stream, reason) {
  const s = stream[kState];
  const c = s.controller[kState];
  s.state = 'erroring';
  s.storedError = reason;
  if (s.writer !== undefined) writerEnsureReadyPromiseRejected(s.writer, reason);
  if (s.inFlightWriteRequest === undefined && s.inFlightCloseRequest === undefined &&
      c.started) {
    finishErroring(stream);
  }
}

function finishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  s.controller[kState].errorSteps();
  const storedError = s.storedError;
  for (const req of s.writeRequests) req.reject(storedError);
  s.writeRequests = [];
  if (s.pendingAbortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const abortRequest = s.pendingAbortRequest;
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.deferred.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  s.controller[kState].abortSteps(abortRequest.reason).then(() => {
    abortRequest.deferred.resolve(undefined);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.deferred.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  settleClosedPromise(stream, true, s.storedError);
  if (s.closeRequest !== undefined) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  if (s.writer !== undefined) {
    const closed = s.writer[kState].closed;
    closed.reject(s.storedError);
    setHandled(closed.promise);
  }
}

function updateBackpressure(stream, backpressure) {
  const s = stream[kState];
  if (s.writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) {
      s.writer[kState].ready = createDeferred();
    } else {
      s.writer[kState].ready.resolve(undefined);
    }
  }
  s.backpressure = backpressure;
}

// --- Writer -----------------------------------------------------------------------------

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isBranded(stream, 'WritableStream')) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    const s = stream[kState];
    if (s.writer !== undefined) throw typeError('WritableStream is locked');
    const w = setState(this, { [kType]: 'WritableStreamDefaultWriter', stream });
    s.writer = this;
    const state = s.state;
    w.ready = createDeferred();
    w.closed = createDeferred();
    if (state === 'writable') {
      if (!closeQueuedOrInFlight(s) && s.backpressure) {
        // ready stays pending
      } else {
        w.ready.resolve(undefined);
      }
    } else if (state === 'erroring') {
      w.ready.reject(s.storedError);
      setHandled(w.ready.promise);
    } else if (state === 'closed') {
      w.ready.resolve(undefined);
      w.closed.resolve(undefined);
    } else {
      w.ready.reject(s.storedError);
      setHandled(w.ready.promise);
      w.closed.reject(s.storedError);
      setHandled(w.closed.promise);
    }
  }

  get closed() {
    if (!isBranded(this, 'WritableStreamDefaultWriter')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    return this[kState].closed.promise;
  }

  get desiredSize() {
    const w = brandCheck(this, 'WritableStreamDefaultWriter');
    if (w.stream === undefined) throw typeError('Writer is not bound to a WritableStream');
    return writerGetDesiredSize(this);
  }

  get ready() {
    if (!isBranded(this, 'WritableStreamDefaultWriter')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isBranded(this, 'WritableStreamDefaultWriter')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    if (this[kState].stream === undefined) return rejected(typeError('Writer is released'));
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    if (!isBranded(this, 'WritableStreamDefaultWriter')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) return rejected(typeError('Writer is released'));
    if (closeQueuedOrInFlight(stream[kState])) {
      return rejected(typeError('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    const w = brandCheck(this, 'WritableStreamDefaultWriter');
    if (w.stream === undefined) return;
    writerRelease(this);
  }

  write(chunk = undefined) {
    if (!isBranded(this, 'WritableStreamDefaultWriter')) {
      return rejected(new TypeError('Illegal invocation'));
    }
    if (this[kState].stream === undefined) return rejected(typeError('Writer is released'));
    return writerWrite(this, chunk);
  }

  [inspectSymbol](depth, options) {
    const w = this[kState];
    return customInspect(this, {
      stream: w.stream, close: w.closed.promise, ready: w.ready.promise,
      desiredSize: w.stream ? writerGetDesiredSize(this) : null,
    }, depth, options);
  }
}
makeEnumerable(WritableStreamDefaultWriter, ['closed', 'desiredSize', 'ready', 'abort', 'close',
  'releaseLock', 'write']);
defineToStringTag(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter');

function writerCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  if (closeQueuedOrInFlight(s) || s.state === 'closed') return resolved(undefined);
  if (s.state === 'errored') return rejected(s.storedError);
  return writableStreamClose(stream);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const w = writer[kState];
  if (!isPending(w.closed)) w.closed = createDeferred();
  w.closed.reject(error);
  setHandled(w.closed.promise);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const w = writer[kState];
  if (!isPending(w.ready)) w.ready = createDeferred();
  w.ready.reject(error);
  setHandled(w.ready.promise);
}

const isPending = (d) => !d.settled;

function writerGetDesiredSize(writer) {
  const s = writer[kState].stream[kState];
  if (s.state === 'errored' || s.state === 'erroring') return null;
  if (s.state === 'closed') return 0;
  const c = s.controller[kState];
  return c.strategyHWM - c.queueTotalSize;
}

function writerRelease(writer) {
  const stream = writer[kState].stream;
  const err = typeError('Writer was released');
  writerEnsureReadyPromiseRejected(writer, err);
  writerEnsureClosedPromiseRejected(writer, err);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const c = s.controller[kState];
  let chunkSize;
  try {
    chunkSize = c.strategySizeAlgorithm(chunk);
  } catch (err) {
    controllerErrorIfNeeded(c, err);
    chunkSize = 1;
  }
  if (stream !== writer[kState].stream) return rejected(typeError('Writer is released'));
  if (s.state === 'errored') return rejected(s.storedError);
  if (closeQueuedOrInFlight(s) || s.state === 'closed') {
    return rejected(typeError('WritableStream is closed'));
  }
  if (s.state === 'erroring') return rejected(s.storedError);
  const deferred = createDeferred();
  s.writeRequests.push(deferred);
  try {
    enqueueValueWithSize(c, chunk, chunkSize);
  } catch (err) {
    controllerErrorIfNeeded(c, err);
    return deferred.promise;
  }
  if (!closeQueuedOrInFlight(s) && s.state === 'writable') {
    updateBackpressure(stream, controllerGetBackpressure(c));
  }
  controllerAdvanceQueueIfNeeded(c);
  return deferred.promise;
}

// --- Controller -------------------------------------------------------------------------

class WritableStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    return brandCheck(this, 'WritableStreamDefaultController').abortController.signal;
  }

  error(e = undefined) {
    const c = brandCheck(this, 'WritableStreamDefaultController');
    if (c.stream[kState].state !== 'writable') return;
    controllerError(c, e);
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { stream: this[kState].stream }, depth, options);
  }
}
makeEnumerable(WritableStreamDefaultController, ['signal', 'error']);
defineToStringTag(WritableStreamDefaultController, 'WritableStreamDefaultController');

function setUpControllerFromSink(stream, sink, hwm, sizeAlgorithm) {
  const controller = Object.create(WritableStreamDefaultController.prototype);
  const start = getMethod(sink, 'start', 'sink');
  const write = getMethod(sink, 'write', 'sink');
  const close = getMethod(sink, 'close', 'sink');
  const abort = getMethod(sink, 'abort', 'sink');
  setUpController(
    stream, controller,
    start ? () => Reflect.apply(start, sink, [controller]) : () => undefined,
    write ? (chunk) => promiseCall(write, sink, chunk, controller) : () => resolved(undefined),
    close ? () => promiseCall(close, sink) : () => resolved(undefined),
    abort ? (reason) => promiseCall(abort, sink, reason) : () => resolved(undefined),
    hwm, sizeAlgorithm);
}

function setUpController(stream, controller, startAlgorithm, writeAlgorithm, closeAlgorithm,
                         abortAlgorithm, hwm, sizeAlgorithm) {
  const { AbortController } = require('internal/abort_controller');
  const c = setState(controller, {
    [kType]: 'WritableStreamDefaultController', stream, queue: [], queueTotalSize: 0,
    abortController: new AbortController(), started: false, strategySizeAlgorithm:
    sizeAlgorithm, strategyHWM: hwm, writeAlgorithm, closeAlgorithm, abortAlgorithm,
  });
  setControllerErrorFunction(stream, (e) => {
    if (stream[kState].state === 'writable') controllerError(c, e);
  });
  c.abortSteps = (reason) => {
    const result = c.abortAlgorithm(reason);
    clearAlgorithms(c);
    return result;
  };
  c.errorSteps = () => resetQueue(c);
  stream[kState].controller = controller;
  updateBackpressure(stream, controllerGetBackpressure(c));
  Promise.resolve(startAlgorithm()).then(() => {
    c.started = true;
    controllerAdvanceQueueIfNeeded(c);
  }, (r) => {
    c.started = true;
    dealWithRejection(stream, r);
  });
}

function clearAlgorithms(c) {
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function controllerGetBackpressure(c) {
  return c.strategyHWM - c.queueTotalSize <= 0;
}

function controllerErrorIfNeeded(c, error) {
  if (c.stream[kState].state === 'writable') controllerError(c, error);
}

function controllerError(c, error) {
  clearAlgorithms(c);
  startErroring(c.stream, error);
}

function controllerAdvanceQueueIfNeeded(c) {
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started || s.inFlightWriteRequest !== undefined) return;
  if (s.state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = peekQueueValue(c);
  if (value === kCloseSentinel) processClose(c);
  else processWrite(c, value);
}

function processClose(c) {
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightCloseRequest = s.closeRequest;
  s.closeRequest = undefined;
  dequeueValue(c);
  const sinkClosePromise = c.closeAlgorithm();
  clearAlgorithms(c);
  sinkClosePromise.then(() => {
    s.inFlightCloseRequest.resolve(undefined);
    s.inFlightCloseRequest = undefined;
    if (s.state === 'erroring') {
      s.storedError = undefined;
      if (s.pendingAbortRequest !== undefined) {
        s.pendingAbortRequest.deferred.resolve(undefined);
        s.pendingAbortRequest = undefined;
      }
    }
    s.state = 'closed';
    settleClosedPromise(stream, false);
    if (s.writer !== undefined) s.writer[kState].closed.resolve(undefined);
  }, (reason) => {
    s.inFlightCloseRequest.reject(reason);
    s.inFlightCloseRequest = undefined;
    if (s.pendingAbortRequest !== undefined) {
      s.pendingAbortRequest.deferred.reject(reason);
      s.pendingAbortRequest = undefined;
    }
    dealWithRejection(stream, reason);
  });
}

function processWrite(c, chunk) {
  const stream = c.stream;
  const s = stream[kState];
  s.inFlightWriteRequest = s.writeRequests.shift();
  c.writeAlgorithm(chunk).then(() => {
    s.inFlightWriteRequest.resolve(undefined);
    s.inFlightWriteRequest = undefined;
    const state = s.state;
    dequeueValue(c);
    if (!closeQueuedOrInFlight(s) && state === 'writable') {
      updateBackpressure(stream, controllerGetBackpressure(c));
    }
    controllerAdvanceQueueIfNeeded(c);
  }, (reason) => {
    if (s.state === 'writable') clearAlgorithms(c);
    s.inFlightWriteRequest.reject(reason);
    s.inFlightWriteRequest = undefined;
    dealWithRejection(stream, reason);
  });
}

// Used by TransformStream and pipeTo.
function controllerErrorIfNeededFor(stream, error) {
  controllerErrorIfNeeded(stream[kState].controller[kState], error);
}

const isWritableStream = (v) => isBranded(v, 'WritableStream');

module.exports = {
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
  createWritableStream, writableStreamAbort, writableStreamClose, closeQueuedOrInFlight,
  writerCloseWithErrorPropagation, writerRelease, writerWrite, writerGetDesiredSize,
  writerEnsureReadyPromiseRejected, controllerErrorIfNeededFor, isWritableStream,
  updateBackpressure, startErroring, finishErroring, isPending,
};
