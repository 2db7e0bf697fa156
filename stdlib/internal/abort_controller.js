'use strict';
// AbortController and AbortSignal (nodejs.org/api/globals.html#class-abortsignal):
// signal.abort(reason) fires one trusted 'abort' event; AbortSignal.timeout() uses an
// unref'd timer so a pending timeout never keeps the process alive.

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_THIS,
} = require('internal/errors').codes;
const { validateAbortSignalArray, validateUint32 } = require('internal/validators');
const {
  EventTarget, Event, defineEventHandler, kTrustEvent, kResistStopPropagation,
} = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kCreate = Symbol('kCreate');

function abortError() {
  return new DOMException('This operation was aborted', 'AbortError');
}

function customInspect(self, fields, depth, options) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const { inspect } = require('internal/util/inspect');
  return `${name} ${inspect(fields, {
    ...options, depth: options.depth == null ? null : options.depth - 1,
  })}`;
}

// Symbol-keyed rather than #private, so that the accessors also work through a Proxy
// of a signal (as Node's do).
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');

class AbortSignal extends EventTarget {
  [kAborted] = false;
  [kReason] = undefined;
  #sources = undefined; // AbortSignal.any(): listeners kept alive with the signal

  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  static isAbortSignal(value) {
    return value !== null && typeof value === 'object' &&
      typeof value[kAborted] === 'boolean';
  }

  // Marks the signal aborted and dispatches 'abort' (once; later calls do nothing).
  static abortSignal(signal, reason) {
    if (signal[kAborted]) return;
    signal[kAborted] = true;
    signal[kReason] = reason;
    signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
  }

  static keepSources(signal, sources) {
    signal.#sources = sources;
  }

  get aborted() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this[kAborted];
  }

  get reason() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this[kReason];
  }

  throwIfAborted() {
    if (!isAbortSignal(this)) throw new ERR_INVALID_THIS('AbortSignal');
    if (this[kAborted]) throw this[kReason];
  }

  static abort(reason = abortError()) {
    const signal = new AbortSignal(kCreate);
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kCreate);
    const timer = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout',
        'TimeoutError'));
    }, delay);
    timer.unref();
    return signal;
  }

  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    for (const source of signals) {
      if (source.aborted) return AbortSignal.abort(source.reason);
    }
    const signal = new AbortSignal(kCreate);
    // Differs from Node 20: the sources hold the combined signal strongly (Node uses weak
    // references), so it lives as long as its longest-lived source.
    const sources = [];
    for (const source of signals) {
      const onAbort = () => {
        abortSignal(signal, source.reason);
        for (const { source: s, onAbort: l } of sources) s.removeEventListener('abort', l);
      };
      source.addEventListener('abort', onAbort, { [kResistStopPropagation]: true });
      sources.push({ source, onAbort });
    }
    keepSources(signal, sources);
    return signal;
  }

  [inspectCustom](depth, options) {
    return customInspect(this, { aborted: this[kAborted] }, depth, options);
  }
}

const isAbortSignal = AbortSignal.isAbortSignal;
const abortSignal = AbortSignal.abortSignal;
const keepSources = AbortSignal.keepSources;
delete AbortSignal.isAbortSignal;
delete AbortSignal.abortSignal;
delete AbortSignal.keepSources;

function newAbortSignal() {
  return new AbortSignal(kCreate);
}

defineEventHandler(AbortSignal.prototype, 'abort');

class AbortController {
  #signal = newAbortSignal();

  get signal() {
    if (!(this !== null && typeof this === 'object' && #signal in this)) {
      throw new ERR_INVALID_THIS('AbortController');
    }
    return this.#signal;
  }

  abort(reason = abortError()) {
    abortSignal(this.signal, reason);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

for (const [Class, name] of [[AbortSignal, 'AbortSignal'], [AbortController, 'AbortController']]) {
  for (const key of Object.getOwnPropertyNames(Class.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(Class.prototype, key);
    desc.enumerable = true;
    Object.defineProperty(Class.prototype, key, desc);
  }
  Object.defineProperty(Class.prototype, Symbol.toStringTag, {
    value: name, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = {
  AbortController,
  AbortSignal,
  isAbortSignal,
  abortSignal,
  newAbortSignal,
};
