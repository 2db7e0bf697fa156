'use strict';
// The `events` module: EventEmitter. The module itself is the EventEmitter class, with the
// helpers (once, on, getEventListeners, ...) as static properties.
//
// Listeners live in `this._events`, a null-prototype object keyed by event name: a single
// listener is stored as the function itself, several as an array (copied before each emit
// so listeners may add or remove listeners while running).

const { ERR_UNHANDLED_ERROR } = require('internal/errors').codes;
const {
  validateBoolean,
  validateFunction,
  validateNumber,
} = require('internal/validators');

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kRejection = Symbol.for('nodejs.rejection');

let defaultMaxListeners = 10;

let inspect; // loaded on first use: internal/util/inspect needs more of the runtime
function lazyInspect() {
  if (inspect === undefined) inspect = require('internal/util/inspect').inspect;
  return inspect;
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts); // looked up each time: it may be replaced
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, {
  value: false, writable: true, enumerable: false, configurable: true,
});

function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    // A subclass pre-shaped `_events`: keep its keys, clear entries instead of deleting.
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // Inherit the current default, so later changes to it do not affect this emitter.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function maxListenersOf(emitter) {
  return emitter._maxListeners === undefined ? defaultMaxListeners : emitter._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

// captureRejections: a listener's rejected promise becomes an 'error' event (or a call to
// the emitter's Symbol.for('nodejs.rejection') method).
function watchResult(emitter, result, type, args) {
  try {
    const then = result.then;
    if (typeof then === 'function') {
      then.call(result, undefined, (err) => {
        process.nextTick(reportRejection, emitter, err, type, args);
      });
    }
  } catch (err) {
    emitter.emit('error', err);
  }
}

function reportRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, type, ...args);
    return;
  }
  // Turn capturing off meanwhile, or a rejecting 'error' listener would loop forever.
  const prev = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = prev;
  }
}

function unhandledError(er) {
  let err;
  try {
    if (er === undefined) throw er; // Node still shows '(undefined)'
    err = new ERR_UNHANDLED_ERROR(er);
  } catch {
    // Inspecting the value threw: describe it with String() instead.
    err = new ERR_UNHANDLED_ERROR();
    const message = `${err.message} (${er})`;
    err.stack = err.stack.replace(err.message, message);
    err.message = message;
  }
  err.context = er;
  return err;
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  let isError = type === 'error';
  if (events !== undefined) {
    if (isError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    isError = isError && events.error === undefined;
  } else if (!isError) {
    return false;
  }

  if (isError) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) throw er; // Unhandled 'error' event
    throw unhandledError(er);
  }

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result != null && this[kCapture]) watchResult(this, result, type, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; i++) {
      const result = Reflect.apply(listeners[i], this, args);
      if (result != null && this[kCapture]) watchResult(this, result, type, args);
    }
  }
  return true;
};

// Worded as Node 20.11 words it (later 20.x releases add "MaxListeners is N.").
function warnTooMany(target, type, list) {
  list.warned = true;
  const shown = lazyInspect()(target, { depth: -1 });
  const w = new Error('Possible EventEmitter memory leak detected. ' +
    `${list.length} ${String(type)} listeners added to ${shown}. ` +
    'Use emitter.setMaxListeners() to increase limit');
  w.name = 'MaxListenersExceededWarning';
  w.emitter = target;
  w.type = type;
  w.count = list.length;
  process.emitWarning(w);
}

function insertListener(target, type, listener, prepend) {
  validateFunction(listener, 'listener');
  let events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ?? listener);
      // The 'newListener' handler may have replaced _events.
      events = target._events;
    }
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
    return target;
  }
  let list;
  if (typeof existing === 'function') {
    list = events[type] = prepend ? [listener, existing] : [existing, listener];
  } else {
    list = existing;
    if (prepend) list.unshift(listener);
    else list.push(listener);
  }
  const max = maxListenersOf(target);
  if (max > 0 && list.length > max && !list.warned) warnTooMany(target, type, list);
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return insertListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return insertListener(this, type, listener, true);
};

// A once-listener is a wrapper that removes itself, then calls the original; the original
// is reachable as `wrapper.listener` (what listeners() and removeListener() look at).
function onceWrapper(target, type, listener) {
  let fired = false;
  // Named through the property key, as Node's wrapper shows up: 'bound onceWrapper'.
  const wrapper = {
    'bound onceWrapper'(...args) {
      if (fired) return undefined;
      fired = true;
      target.removeListener(type, wrapper);
      return Reflect.apply(listener, target, args);
    },
  }['bound onceWrapper'];
  wrapper.listener = listener;
  return wrapper;
}

EventEmitter.prototype.once = function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, onceWrapper(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, onceWrapper(this, type, listener));
  return this;
};

function dropType(emitter, events, type) {
  if (emitter[kShapeMode]) events[type] = undefined;
  else if (emitter._eventsCount === 0) emitter._events = { __proto__: null };
  else delete events[type];
}

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  validateFunction(listener, 'listener');
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    dropType(this, events, type);
    if (this._eventsCount > 0 && events.removeListener !== undefined) {
      this.emit('removeListener', type, list.listener || listener);
    }
    return this;
  }
  if (typeof list === 'function') return this;

  // The most recently added match goes first.
  let position = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      position = i;
      break;
    }
  }
  if (position < 0) return this;
  if (position === 0) list.shift();
  else list.splice(position, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;

  // Without 'removeListener' listeners there is nobody to tell: just drop the entries.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      this._eventsCount -= 1;
      dropType(this, events, type);
    }
    return this;
  }

  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // Last in, first out.
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const entry = events[type];
  if (entry === undefined) return [];
  if (typeof entry === 'function') return [unwrap ? entry.listener || entry : entry];
  if (!unwrap) return entry.slice();
  const out = new Array(entry.length);
  for (let i = 0; i < entry.length; i++) out[i] = entry[i].listener || entry[i];
  return out;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const entry = events[type];
  if (typeof entry === 'function') {
    if (listener != null) return listener === entry || listener === entry.listener ? 1 : 0;
    return 1;
  }
  if (entry === undefined) return 0;
  if (listener == null) return entry.length;
  let n = 0;
  for (let i = 0; i < entry.length; i++) {
    if (entry[i] === listener || entry[i].listener === listener) n++;
  }
  return n;
}
EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// Deprecated static form of emitter.listenerCount(type).
function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
}
Object.defineProperty(staticListenerCount, 'name', { value: 'listenerCount' });

module.exports = EventEmitter;

// The static helpers live in internal/events/*; they get what they need through `shared`.
const shared = {
  EventEmitter,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  maxListenersOf,
  getDefaultMaxListeners: () => defaultMaxListeners,
};
const helpers = require('internal/events/helpers')(shared);

// The statics, in the order Node defines them.
const plain = (value) => ({ value, writable: true, enumerable: true, configurable: true });
Object.defineProperties(EventEmitter, {
  addAbortListener: plain(helpers.addAbortListener),
  once: plain(helpers.once),
  on: plain(helpers.on),
  getEventListeners: plain(helpers.getEventListeners),
  getMaxListeners: plain(helpers.getMaxListeners),
  EventEmitter: plain(EventEmitter),
  usingDomains: plain(false),
  captureRejectionSymbol: plain(kRejection),
  captureRejections: {
    get() { return EventEmitter.prototype[kCapture]; },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
  },
  EventEmitterAsyncResource: {
    get: function lazyEventEmitterAsyncResource() {
      return require('internal/events/async_resource');
    },
    enumerable: true,
    configurable: true,
  },
  errorMonitor: plain(kErrorMonitor),
  defaultMaxListeners: {
    get() { return defaultMaxListeners; },
    set(value) {
      validateNumber(value, 'defaultMaxListeners', 0);
      defaultMaxListeners = value;
    },
    enumerable: true,
  },
  kMaxEventTargetListeners: { value: kMaxEventTargetListeners },
  kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned },
  setMaxListeners: plain(helpers.setMaxListeners),
  init: plain(init),
  listenerCount: plain(staticListenerCount),
});
