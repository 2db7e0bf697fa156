'use strict';
// TransformStream and TransformStreamDefaultController (streams.spec.whatwg.org §6).

const {
  ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_ILLEGAL_CONSTRUCTOR,
} = require('internal/errors').codes;
const {
  kState, kType, setState, brandCheck, createDeferred, resolved, rejected, promiseCall,
  extractHighWaterMark, extractSizeAlgorithm, toDictionary, getMethod, defineToStringTag,
  makeEnumerable, customInspect, inspectSymbol,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const ws = require('internal/webstreams/writablestream');

const typeError = (msg) => new ERR_INVALID_STATE.TypeError(msg);

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined,
              readableStrategy = undefined) {
    if (transformer === null) transformer = undefined;
    const t = toDictionary(transformer, 'transformer');
    writableStrategy = toDictionary(writableStrategy, 'writableStrategy');
    readableStrategy = toDictionary(readableStrategy, 'readableStrategy');
    if (t.readableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', t.readableType);
    }
    if (t.writableType !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', t.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const startPromise = createDeferred();
    initializeTransformStream(this, startPromise.promise, writableHWM, writableSize,
                              readableHWM, readableSize);
    const start = setUpControllerFromTransformer(this, t);
    if (start) startPromise.resolve(Reflect.apply(start, t, [this[kState].controller]));
    else startPromise.resolve(undefined);
  }

  get readable() {
    return brandCheck(this, 'TransformStream').readable;
  }

  get writable() {
    return brandCheck(this, 'TransformStream').writable;
  }

  [inspectSymbol](depth, options) {
    const s = this[kState];
    return customInspect(this, {
      readable: s.readable, writable: s.writable, backpressure: s.backpressure,
    }, depth, options);
  }
}
makeEnumerable(TransformStream, ['readable', 'writable']);
defineToStringTag(TransformStream, 'TransformStream');

function initializeTransformStream(stream, startPromise, writableHWM, writableSize,
                                   readableHWM, readableSize) {
  const s = setState(stream, {
    [kType]: 'TransformStream', backpressure: undefined, backpressureChangePromise: undefined,
    controller: undefined, readable: undefined, writable: undefined,
  });
  const startAlgorithm = () => startPromise;
  s.writable = ws.createWritableStream(
    startAlgorithm,
    (chunk) => sinkWrite(stream, chunk),
    () => sinkClose(stream),
    (reason) => sinkAbort(stream, reason),
    writableHWM, writableSize);
  s.readable = rs.createReadableStream(
    startAlgorithm,
    () => sourcePull(stream),
    (reason) => sourceCancel(stream, reason),
    readableHWM, readableSize);
  s.backpressure = undefined;
  setBackpressure(stream, true);
}

function transformStreamError(stream, e) {
  rs.defaultControllerError(stream[kState].readable[kState].controller, e);
  errorWritableAndUnblockWrite(stream, e);
}

function errorWritableAndUnblockWrite(stream, e) {
  clearAlgorithms(stream[kState].controller[kState]);
  ws.controllerErrorIfNeededFor(stream[kState].writable, e);
  unblockWrite(stream);
}

function unblockWrite(stream) {
  if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  const s = stream[kState];
  if (s.backpressureChangePromise !== undefined) s.backpressureChangePromise.resolve(undefined);
  s.backpressureChangePromise = createDeferred();
  s.backpressure = backpressure;
}

class TransformStreamDefaultController {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    const c = brandCheck(this, 'TransformStreamDefaultController');
    const readableController = c.stream[kState].readable[kState].controller;
    return rs.defaultControllerGetDesiredSize(readableController[kState]);
  }

  enqueue(chunk = undefined) {
    controllerEnqueue(brandCheck(this, 'TransformStreamDefaultController'), chunk);
  }

  error(reason = undefined) {
    transformStreamError(brandCheck(this, 'TransformStreamDefaultController').stream, reason);
  }

  terminate() {
    controllerTerminate(brandCheck(this, 'TransformStreamDefaultController'));
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { stream: this[kState].stream }, depth, options);
  }
}
makeEnumerable(TransformStreamDefaultController, ['desiredSize', 'enqueue', 'error',
  'terminate']);
defineToStringTag(TransformStreamDefaultController, 'TransformStreamDefaultController');

function setUpControllerFromTransformer(stream, t) {
  const controller = Object.create(TransformStreamDefaultController.prototype);
  const start = getMethod(t, 'start', 'transformer');
  const transform = getMethod(t, 'transform', 'transformer');
  const flush = getMethod(t, 'flush', 'transformer');
  const cancel = getMethod(t, 'cancel', 'transformer');
  const transformAlgorithm = transform ?
    (chunk) => promiseCall(transform, t, chunk, controller) :
    (chunk) => {
      try {
        controllerEnqueue(controller[kState], chunk);
        return resolved(undefined);
      } catch (err) {
        return rejected(err);
      }
    };
  setUpController(stream, controller, transformAlgorithm,
                  flush ? () => promiseCall(flush, t, controller) : () => resolved(undefined),
                  cancel ? (r) => promiseCall(cancel, t, r) : () => resolved(undefined));
  return start;
}

function setUpController(stream, controller, transformAlgorithm, flushAlgorithm,
                         cancelAlgorithm) {
  setState(controller, {
    [kType]: 'TransformStreamDefaultController', stream, transformAlgorithm, flushAlgorithm,
    cancelAlgorithm, finishPromise: undefined,
  });
  stream[kState].controller = controller;
}

function clearAlgorithms(c) {
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
}

function controllerEnqueue(c, chunk) {
  const stream = c.stream;
  const readableController = stream[kState].readable[kState].controller;
  if (!rs.defaultControllerCanCloseOrEnqueue(readableController[kState])) {
    throw typeError('Unable to enqueue');
  }
  try {
    rs.defaultControllerEnqueue(readableController, chunk);
  } catch (e) {
    errorWritableAndUnblockWrite(stream, e);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = rs.defaultControllerHasBackpressure(readableController[kState]);
  if (backpressure !== stream[kState].backpressure) setBackpressure(stream, true);
}

function controllerTerminate(c) {
  const stream = c.stream;
  rs.defaultControllerClose(stream[kState].readable[kState].controller);
  errorWritableAndUnblockWrite(stream, typeError('TransformStream terminated'));
}

function performTransform(c, chunk) {
  return c.transformAlgorithm(chunk).then(undefined, (r) => {
    transformStreamError(c.stream, r);
    throw r;
  });
}

function sinkWrite(stream, chunk) {
  const c = stream[kState].controller[kState];
  if (stream[kState].backpressure) {
    return stream[kState].backpressureChangePromise.promise.then(() => {
      const writable = stream[kState].writable[kState];
      if (writable.state === 'erroring') throw writable.storedError;
      return performTransform(c, chunk);
    });
  }
  return performTransform(c, chunk);
}

function sinkAbort(stream, reason) {
  const c = stream[kState].controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = stream[kState].readable;
  c.finishPromise = createDeferred();
  const cancelPromise = c.cancelAlgorithm(reason);
  clearAlgorithms(c);
  cancelPromise.then(() => {
    if (readable[kState].state === 'errored') {
      c.finishPromise.reject(readable[kState].storedError);
    } else {
      rs.defaultControllerError(readable[kState].controller, reason);
      c.finishPromise.resolve(undefined);
    }
  }, (r) => {
    rs.defaultControllerError(readable[kState].controller, r);
    c.finishPromise.reject(r);
  });
  return c.finishPromise.promise;
}

function sinkClose(stream) {
  const c = stream[kState].controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = stream[kState].readable;
  c.finishPromise = createDeferred();
  const flushPromise = c.flushAlgorithm();
  clearAlgorithms(c);
  flushPromise.then(() => {
    if (readable[kState].state === 'errored') {
      c.finishPromise.reject(readable[kState].storedError);
    } else {
      rs.defaultControllerClose(readable[kState].controller);
      c.finishPromise.resolve(undefined);
    }
  }, (r) => {
    rs.defaultControllerError(readable[kState].controller, r);
    c.finishPromise.reject(r);
  });
  return c.finishPromise.promise;
}

function sourcePull(stream) {
  setBackpressure(stream, false);
  return stream[kState].backpressureChangePromise.promise;
}

function sourceCancel(stream, reason) {
  const c = stream[kState].controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const writable = stream[kState].writable;
  c.finishPromise = createDeferred();
  const cancelPromise = c.cancelAlgorithm(reason);
  clearAlgorithms(c);
  cancelPromise.then(() => {
    if (writable[kState].state === 'errored') {
      c.finishPromise.reject(writable[kState].storedError);
    } else {
      ws.controllerErrorIfNeededFor(writable, reason);
      unblockWrite(stream);
      c.finishPromise.resolve(undefined);
    }
  }, (r) => {
    ws.controllerErrorIfNeededFor(writable, r);
    unblockWrite(stream);
    c.finishPromise.reject(r);
  });
  return c.finishPromise.promise;
}

module.exports = { TransformStream, TransformStreamDefaultController };
