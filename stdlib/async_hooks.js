'use strict';
// node:async_hooks: AsyncLocalStorage, AsyncResource, createHook and the execution ids.
// The machinery is internal/async_hooks.js; runtime/README.md ("Async context") says which
// operations carry a context and what createHook reports.

const internal = require('internal/async_hooks');
const {
  state, kAsyncId, kTriggerAsyncId, getFrame, setFrame, enableFrames,
} = internal;
const {
  ERR_ASYNC_CALLBACK, ERR_ASYNC_TYPE, ERR_INVALID_ASYNC_ID,
} = require('internal/errors').codes;
const { validateFunction, validateString } = require('internal/validators');

state.tracking = true;

// ---- createHook -----------------------------------------------------------------------

const kEntry = Symbol('hookEntry');

class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    const entry = { owner: this };
    for (const [name, fn] of [['init', init], ['before', before], ['after', after],
      ['destroy', destroy], ['promiseResolve', promiseResolve]]) {
      if (fn === undefined) continue;
      if (typeof fn !== 'function') throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
      entry[name] = fn;
    }
    this[kEntry] = entry;
  }

  enable() {
    internal.addHook(this[kEntry]);
    return this;
  }

  disable() {
    internal.removeHook(this[kEntry]);
    return this;
  }
}

function createHook(callbacks) {
  return new AsyncHook(callbacks);
}

// ---- AsyncResource --------------------------------------------------------------------

const kDestroyed = Symbol('destroyed');
const resourceRegistry = new FinalizationRegistry((cell) => {
  if (!cell.destroyed) internal.emitDestroy(cell.asyncId);
});

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let trigger = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      trigger = opts.triggerAsyncId === undefined ?
        internal.getDefaultTriggerAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
    internal.initResource(this, type, trigger);
    const cell = { asyncId: this[kAsyncId], destroyed: false };
    this[kDestroyed] = cell;
    if (!requireManualDestroy) resourceRegistry.register(this, cell);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    return internal.runInResource(this, fn, thisArg, args);
  }

  emitDestroy() {
    this[kDestroyed].destroyed = true;
    internal.emitDestroy(this[kAsyncId]);
    return this;
  }

  asyncId() {
    return this[kAsyncId];
  }

  triggerAsyncId() {
    return this[kTriggerAsyncId];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    const resource = this;
    let bound;
    if (thisArg === undefined) {
      bound = function(...args) {
        return resource.runInAsyncScope(fn, this, ...args);
      };
    } else {
      bound = (...args) => resource.runInAsyncScope(fn, thisArg, ...args);
    }
    let self = resource;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true, enumerable: true, get() { return self; }, set(v) { self = v; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || 'bound-anonymous-fn';
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ----------------------------------------------------------------
// A store is an entry of the current frame (internal/async_hooks.js): run() and
// enterWith() make a new frame with the entry set; async operations started meanwhile
// keep that frame and make it current again for their callbacks.

function frameWith(als, store) {
  const frame = new Map(getFrame());
  frame.set(als, store);
  return frame;
}

class AsyncLocalStorage {
  #enabled = false;

  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  static snapshot() {
    const resource = new AsyncResource('AsyncLocalStorageSnapshot');
    return function runInAsyncScope(fn, ...args) {
      return resource.runInAsyncScope(fn, this, ...args);
    };
  }

  disable() {
    this.#enabled = false;
  }

  // Differs from Node 20: stores travel in frames, so nothing copies them resource by
  // resource; the method exists (and is never called) for code that checks for it.
  _propagate() {}

  getStore() {
    if (!this.#enabled) return undefined;
    const frame = getFrame();
    return frame === undefined ? undefined : frame.get(this);
  }

  enterWith(store) {
    enableFrames();
    this.#enabled = true;
    setFrame(frameWith(this, store));
  }

  run(store, callback, ...args) {
    enableFrames();
    this.#enabled = true;
    const outer = getFrame();
    if (outer !== undefined && outer.has(this) && Object.is(outer.get(this), store)) {
      return Reflect.apply(callback, null, args);
    }
    setFrame(frameWith(this, store));
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      setFrame(outer);
    }
  }

  exit(callback, ...args) {
    if (!this.#enabled) return Reflect.apply(callback, null, args);
    const outer = getFrame();
    if (outer === undefined || !outer.has(this)) return Reflect.apply(callback, null, args);
    const frame = new Map(outer);
    frame.delete(this);
    setFrame(frame.size === 0 ? undefined : frame);
    try {
      return Reflect.apply(callback, null, args);
    } finally {
      setFrame(outer);
    }
  }
}

// Node's provider numbers (AsyncWrap types); skua reports none of the native ones yet.
const providerNames = [
  'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ',
  'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING',
  'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP',
  'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE',
  'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
  'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP',
  'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB',
  'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST',
  'KEYEXPORTREQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST',
  'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP',
  'VERIFYREQUEST',
];
const asyncWrapProviders = Object.freeze({
  __proto__: null,
  ...Object.fromEntries(providerNames.map((name, i) => [name, i])),
});

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId: internal.executionAsyncId,
  triggerAsyncId: internal.triggerAsyncId,
  executionAsyncResource: internal.executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
