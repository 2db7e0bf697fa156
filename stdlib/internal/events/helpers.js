'use strict';
// The static helpers of `events`: once(), on(), addAbortListener(), getEventListeners(),
// getMaxListeners() and setMaxListeners(). They accept EventEmitters and EventTargets.
// events.js calls this module's export with the pieces of EventEmitter they need.

const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const {
  validateAbortSignal,
  validateFunction,
  validateInteger,
  validateNumber,
} = require('internal/validators');

const kDispose = Symbol.dispose || Symbol.for('nodejs.dispose');

class FallbackAbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}
const AbortError = require('internal/errors').AbortError || FallbackAbortError;

// EventTarget support comes from internal/event_target when that module exists: it may
// export isEventTarget(value), getEventListeners(target, type) and the
// kResistStopPropagation listener-option key.
let eventTargetModule;
function eventTargetSupport() {
  if (eventTargetModule === undefined) {
    try {
      eventTargetModule = require('internal/event_target');
    } catch {
      eventTargetModule = null;
    }
  }
  return eventTargetModule;
}

// The EventTarget option that keeps a listener running after stopImmediatePropagation().
function resistStopPropagation() {
  const mod = eventTargetSupport();
  return mod ? mod.kResistStopPropagation : undefined;
}

function abortListenerFlags() {
  const flags = { __proto__: null, once: true };
  const key = resistStopPropagation();
  if (key !== undefined) flags[key] = true;
  return flags;
}

function isEventTarget(value) {
  if (value === null || typeof value !== 'object') return false;
  const mod = eventTargetSupport();
  if (mod && typeof mod.isEventTarget === 'function') return mod.isEventTarget(value);
  return typeof globalThis.EventTarget === 'function' && value instanceof globalThis.EventTarget;
}

function addAnyListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function removeAnyListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
  }
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, abortListenerFlags());
    remove = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [kDispose]() {
      if (remove !== undefined) remove();
    },
  };
}

const emptyOptions = Object.freeze({ __proto__: null });

async function once(emitter, name, options = emptyOptions) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      removeAnyListener(emitter, name, onEvent);
      if (disposable !== undefined) disposable[kDispose]();
      reject(err);
    };
    const onEvent = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', onError);
      if (disposable !== undefined) disposable[kDispose]();
      resolve(args);
    };
    let disposable;
    addAnyListener(emitter, name, onEvent, { __proto__: null, once: true });
    if (name !== 'error' && typeof emitter.on === 'function') {
      addAnyListener(emitter, 'error', onError, { __proto__: null, once: true });
    }
    if (signal != null) {
      disposable = addAbortListener(signal, () => {
        removeAnyListener(emitter, name, onEvent);
        removeAnyListener(emitter, 'error', onError);
        reject(new AbortError(undefined, { cause: signal?.reason }));
      });
    }
  });
}

const kWatermarkData = Symbol.for('nodejs.watermarkData');
const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

function iterResult(value, done) {
  return { value, done };
}

// on(emitter, event): an async iterator over the event's argument lists. Events that
// arrive before they are asked for are queued; with highWaterMark the emitter is paused
// while the queue is longer than that, and resumed below lowWaterMark.
function on(emitter, event, options = emptyOptions) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  const highWaterMark = options?.highWaterMark ?? options?.highWatermark ??
    Number.MAX_SAFE_INTEGER;
  validateInteger(highWaterMark, 'options.highWaterMark', 1);
  const lowWaterMark = options?.lowWaterMark ?? options?.lowWatermark ?? 1;
  validateInteger(lowWaterMark, 'options.lowWaterMark', 1);

  const events = []; // argument lists not yet consumed
  const waiting = []; // { resolve, reject } of next() calls not yet answered
  let paused = false;
  let error = null;
  let finished = false;

  const iterator = Object.setPrototypeOf({
    next() {
      if (events.length > 0) {
        const value = events.shift();
        if (paused && events.length < lowWaterMark) {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve(iterResult(value, false));
      }
      if (error) {
        const p = Promise.reject(error);
        error = null; // only the first next() rejects
        return p;
      }
      if (finished) return close();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      return close();
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      }
      onError(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [kWatermarkData]: {
      get size() { return events.length; },
      get low() { return lowWaterMark; },
      get high() { return highWaterMark; },
      get isPaused() { return paused; },
    },
  }, AsyncIteratorPrototype);

  const onEvent = (...args) => {
    if (waiting.length > 0) {
      waiting.shift().resolve(iterResult(args, false));
      return;
    }
    events.push(args);
    if (!paused && events.length > highWaterMark) {
      paused = true;
      emitter.pause();
    }
  };
  const onError = (err) => {
    if (waiting.length > 0) waiting.shift().reject(err);
    else error = err;
    close();
  };
  const onAbort = () => onError(new AbortError(undefined, { cause: signal?.reason }));

  addAnyListener(emitter, event, onEvent);
  if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', onError);
  const closeEvents = options?.close;
  if (closeEvents?.length) {
    for (let i = 0; i < closeEvents.length; i++) addAnyListener(emitter, closeEvents[i], close);
  }
  const disposable = signal ? addAbortListener(signal, onAbort) : null;

  function close() {
    if (!finished) {
      removeAnyListener(emitter, event, onEvent);
      removeAnyListener(emitter, 'error', onError);
      if (closeEvents?.length) {
        for (let i = 0; i < closeEvents.length; i++) {
          removeAnyListener(emitter, closeEvents[i], close);
        }
      }
      if (disposable) disposable[kDispose]();
      finished = true;
    }
    const done = iterResult(undefined, true);
    while (waiting.length > 0) waiting.shift().resolve(done);
    return Promise.resolve(done);
  }

  return iterator;
}

module.exports = function makeHelpers(shared) {
  const {
    EventEmitter,
    kMaxEventTargetListeners,
    kMaxEventTargetListenersWarned,
    maxListenersOf,
    getDefaultMaxListeners,
  } = shared;

  function badEmitter(name, value) {
    return new ERR_INVALID_ARG_TYPE(name, ['EventEmitter', 'EventTarget'], value);
  }

  function getEventListeners(emitterOrTarget, type) {
    if (typeof emitterOrTarget?.listeners === 'function') return emitterOrTarget.listeners(type);
    if (isEventTarget(emitterOrTarget)) {
      const mod = eventTargetSupport();
      if (mod && typeof mod.getEventListeners === 'function') {
        return mod.getEventListeners(emitterOrTarget, type);
      }
      return [];
    }
    throw badEmitter('emitter', emitterOrTarget);
  }

  function getMaxListeners(emitterOrTarget) {
    if (typeof emitterOrTarget?.getMaxListeners === 'function') {
      return maxListenersOf(emitterOrTarget);
    }
    if (isEventTarget(emitterOrTarget)) {
      return emitterOrTarget[kMaxEventTargetListeners] ?? getDefaultMaxListeners();
    }
    throw badEmitter('emitter', emitterOrTarget);
  }

  function setMaxListeners(n = getDefaultMaxListeners(), ...eventTargets) {
    validateNumber(n, 'setMaxListeners', 0);
    if (eventTargets.length === 0) {
      EventEmitter.defaultMaxListeners = n;
      return;
    }
    for (let i = 0; i < eventTargets.length; i++) {
      const target = eventTargets[i];
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target?.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw badEmitter('eventTargets', target);
      }
    }
  }

  return {
    addAbortListener,
    getEventListeners,
    getMaxListeners,
    on,
    once,
    setMaxListeners,
    AbortError,
  };
};
