'use strict';
// Shared pieces of the WHATWG Streams implementation (streams.spec.whatwg.org): internal
// slots kept under one symbol, queue-with-sizes, promise helpers, strategy extraction.

const {
  ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS,
} = require('internal/errors').codes;

const kState = Symbol('kState');
const kType = Symbol('kType');

// Internal slots live in a non-enumerable property so util.inspect and own-key checks
// see only the public surface.
function setState(obj, state) {
  Object.defineProperty(obj, kState, { value: state, writable: true, configurable: true });
  return state;
}

function isBranded(value, type) {
  return value !== null && typeof value === 'object' && value[kState] !== undefined &&
    value[kState][kType] === type;
}

function brandCheck(value, type) {
  if (!isBranded(value, type)) throw new ERR_INVALID_THIS(type);
  return value[kState];
}

function createDeferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  d.promise = new Promise((res, rej) => {
    d.resolve = (v) => { d.settled = true; res(v); };
    d.reject = (e) => { d.settled = true; rej(e); };
  });
  return d;
}

// Marks a promise as handled so a rejection that nobody observes is not reported.
function setHandled(promise) {
  promise.then(undefined, () => {});
  return promise;
}

const resolved = (v) => Promise.resolve(v);
const rejected = (e) => Promise.reject(e);

// Calls `fn` and turns its result (or throw) into a promise.
function promiseCall(fn, thisArg, ...args) {
  try {
    return Promise.resolve(Reflect.apply(fn, thisArg, args));
  } catch (err) {
    return Promise.reject(err);
  }
}

function dequeueValue(container) {
  const pair = container.queue.shift();
  container.queueTotalSize -= pair.size;
  if (container.queueTotalSize < 0) container.queueTotalSize = 0;
  return pair.value;
}

function enqueueValueWithSize(container, value, size) {
  size = +size;
  if (Number.isNaN(size) || size < 0 || size === Infinity) {
    throw new RangeError(`Invalid chunk size ${size}`);
  }
  container.queue.push({ value, size });
  container.queueTotalSize += size;
}

function peekQueueValue(container) {
  return container.queue[0].value;
}

function resetQueue(container) {
  container.queue = [];
  container.queueTotalSize = 0;
}

function extractHighWaterMark(strategy, defaultHWM) {
  const hwm = strategy?.highWaterMark;
  if (hwm === undefined) return defaultHWM;
  const n = +hwm;
  if (Number.isNaN(n) || n < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
  }
  return n;
}

function extractSizeAlgorithm(strategy) {
  const size = strategy?.size;
  if (size === undefined) return () => 1;
  if (typeof size !== 'function') throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

// Dictionary conversion: undefined/null become {}, other non-objects are a TypeError.
function toDictionary(value, name) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
  return value;
}

// A member of an underlying source/sink: undefined or a function, bound to its object.
function getMethod(obj, name, dictName) {
  const fn = obj[name];
  if (fn === undefined) return undefined;
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE(`${dictName}.${name}`, 'Function', fn);
  return fn;
}

function isDetached(buffer) {
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

// TransferArrayBuffer: hands the bytes to a fresh ArrayBuffer and detaches the old one
// (V8 10.2 has no ArrayBuffer#transfer; posting it in a transfer list detaches it).
let channel;
function transferArrayBuffer(buffer) {
  const copy = buffer.slice(0);
  if (!channel) {
    const { MessageChannel } = require('internal/worker/io');
    channel = new MessageChannel();
    channel.port2.onmessage = () => {}; // drain, releasing the transferred bytes
    channel.port1.unref();
    channel.port2.unref();
  }
  channel.port1.postMessage(null, [buffer]);
  return copy;
}

function canTransfer(buffer) {
  return !isDetached(buffer) && !(typeof SharedArrayBuffer === 'function' &&
    buffer instanceof SharedArrayBuffer);
}

function copyBytes(dest, destOffset, src, srcOffset, n) {
  new Uint8Array(dest, destOffset, n).set(new Uint8Array(src, srcOffset, n));
}

function defineToStringTag(cls, tag) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

// WebIDL makes attributes and operations enumerable.
function makeEnumerable(cls, names) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(cls.prototype, name);
    if (!desc) continue;
    desc.enumerable = true;
    Object.defineProperty(cls.prototype, name, desc);
  }
}

function customInspect(self, fields, depth, options) {
  const name = self.constructor?.name ?? 'Object';
  if (depth < 0) return self;
  const { inspect } = require('internal/util/inspect');
  return `${name} ${inspect(fields, {
    ...options, depth: options.depth == null ? null : options.depth - 1,
  })}`;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// The hooks node:stream uses on web streams (Node's shared symbols): addAbortSignal()
// errors a stream through its error function, finished() waits on its closed promise,
// settled by settleClosedPromise(). Non-enumerable, to stay out of inspect output.
const kControllerErrorFunction = Symbol.for('nodejs.webstream.controllerErrorFunction');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
function setControllerErrorFunction(stream, errorFunction) {
  Object.defineProperty(stream, kControllerErrorFunction,
                        { value: errorFunction, writable: true, configurable: true });
  if (stream[kIsClosedPromise] === undefined) {
    Object.defineProperty(stream, kIsClosedPromise,
                          { value: createDeferred(), writable: true, configurable: true });
  }
}

// Resolves the stream's closed promise, or rejects it (marked handled) when `errored`.
function settleClosedPromise(stream, errored, error) {
  const closed = stream[kIsClosedPromise];
  if (closed === undefined || closed.settled) return;
  if (!errored) return closed.resolve(undefined);
  closed.reject(error);
  setHandled(closed.promise);
}

module.exports = {
  setControllerErrorFunction, settleClosedPromise, kState, kType, setState, isBranded, brandCheck, createDeferred, setHandled, resolved,
  rejected, promiseCall, dequeueValue, enqueueValueWithSize, peekQueueValue, resetQueue,
  extractHighWaterMark, extractSizeAlgorithm, toDictionary, getMethod, isDetached,
  transferArrayBuffer, canTransfer, copyBytes, defineToStringTag, makeEnumerable,
  customInspect, inspectSymbol,
};
