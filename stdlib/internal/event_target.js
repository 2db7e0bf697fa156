'use strict';
// EventTarget as Node 20 implements it: no tree, so a dispatch has only the AT_TARGET
// phase. Errors thrown by listeners (and rejections of promises they return) are reported
// as uncaught exceptions on a later tick, so the remaining listeners still run.
// NodeEventTarget adds an EventEmitter-like surface on top.

const {
  ERR_EVENT_RECURSION,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_THIS,
  ERR_MISSING_ARGS,
} = require('internal/errors').codes;
const { validateAbortSignal, validateString } = require('internal/validators');
const {
  Event, CustomEvent, isEvent, kTrustEvent, makeEnumerable, eventInternals,
} = require('internal/event_target/event');

const { setEventTarget, setCurrentTarget, isDispatching, isStopped } = eventInternals;

const kIsEventTarget = Symbol.for('nodejs.event_target');
// Listener option: the listener runs even after stopImmediatePropagation().
const kResistStopPropagation = Symbol('kResistStopPropagation');
// Listener option: the target holds the listener weakly (AbortSignal.any uses it).
const kWeakHandler = Symbol('kWeak');
// Listener option: a NodeEventTarget listener, called with emit()'s argument.
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

let eventsModule; // events loads this module lazily; return the favour
function events() {
  if (eventsModule === undefined) eventsModule = require('events');
  return eventsModule;
}

function reportError(err) {
  process.nextTick(() => { throw err; });
}

// One registration. `removed` stays set so a dispatch in progress skips it.
class Listener {
  constructor(listener, options) {
    this.weak = options.weak;
    this.listener = options.weak ? new WeakRef(listener) : listener;
    this.capture = options.capture;
    this.once = options.once;
    this.passive = options.passive;
    this.resistStop = options.resistStop;
    this.nodeStyle = options.nodeStyle;
    this.removed = false;
    this.removeAbort = undefined;
  }

  get value() {
    return this.weak ? this.listener.deref() : this.listener;
  }
}

function normalizeOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return {};
  return options;
}

function validateListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent may be added later
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

// Each target's listeners (type -> Listener[]). A WeakMap rather than a #private field so
// that an object made by native code (a MessagePort) can become an EventTarget too
// (initEventTarget).
const listenerMaps = new WeakMap();

function initEventTarget(target) {
  listenerMaps.set(target, new Map());
  target[events().kMaxEventTargetListeners] = events().defaultMaxListeners;
  target[events().kMaxEventTargetListenersWarned] = false;
}

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  static isEventTarget(value) {
    return value !== null && typeof value === 'object' && listenerMaps.has(value);
  }

  static getListeners(target, type) {
    return listenerMaps.get(target).get(type);
  }

  static eventNames(target) {
    return [...listenerMaps.get(target).keys()];
  }

  static emitNodeStyle(target, type, arg) {
    dispatch(target, listenerMaps.get(target), undefined, type, arg);
  }

  // DOM listeners get `event`, Node-style ones `nodeValue` (MessagePort's 'message').
  static emitHybrid(target, event, nodeValue) {
    dispatch(target, listenerMaps.get(target), event, event.type, nodeValue);
  }

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const opts = normalizeOptions(options);
    const signal = opts.signal;
    validateAbortSignal(signal, 'options.signal');
    if (!validateListener(listener)) {
      process.emitWarning(`addEventListener called with ${listener} which has no effect.`,
        'AddEventListenerArgumentTypeWarning');
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    if (signal?.aborted) return;
    const capture = !!opts.capture;
    const listeners = listenerMaps.get(this);
    let list = listeners.get(type);
    if (list === undefined) {
      list = [];
      listeners.set(type, list);
    }
    for (const entry of list) {
      if (entry.value === listener && entry.capture === capture) return;
    }
    const entry = new Listener(listener, {
      capture,
      once: !!opts.once,
      passive: !!opts.passive,
      weak: !!opts[kWeakHandler],
      resistStop: !!opts[kResistStopPropagation],
      nodeStyle: !!opts[kIsNodeStyleListener],
    });
    list.push(entry);
    if (signal) {
      const onAbort = () => this.removeEventListener(type, listener, options);
      signal.addEventListener('abort', onAbort, {
        __proto__: null, once: true, [kWeakHandler]: false, [kResistStopPropagation]: true,
      });
      entry.removeAbort = () => signal.removeEventListener('abort', onAbort);
    }
    checkMaxListeners(this, type, list.length);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = !!normalizeOptions(options).capture;
    const listeners = listenerMaps.get(this);
    const list = listeners.get(type);
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (entry.value === listener && entry.capture === capture) {
        removeAt(listeners, type, list, i);
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!isEvent(event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (isDispatching(event)) throw new ERR_EVENT_RECURSION(event.type);
    dispatch(this, listenerMaps.get(this), event, event.type, event);
    return event.defaultPrevented !== true;
  }

  [inspectCustom](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const { inspect } = require('internal/util/inspect');
    return `${name} ${inspect({}, options)}`;
  }
}

function checkMaxListeners(target, type, count) {
  const max = target[events().kMaxEventTargetListeners];
  const warnedKey = events().kMaxEventTargetListenersWarned;
  if (max > 0 && count > max && !target[warnedKey]) {
    target[warnedKey] = true;
    const w = new Error('Possible EventTarget memory leak detected. ' +
      `${count} ${String(type)} listeners added to ${target.constructor.name === 'EventTarget' ?
        'EventTarget' : target.constructor.name}. MaxListeners is ${max}. ` +
      'Use events.setMaxListeners() to increase limit');
    w.name = 'MaxListenersExceededWarning';
    w.target = target;
    w.type = type;
    w.count = count;
    process.emitWarning(w);
  }
}

function removeAt(map, type, list, index) {
  const entry = list[index];
  entry.removed = true;
  if (entry.removeAbort !== undefined) entry.removeAbort();
  list.splice(index, 1);
  if (list.length === 0) map.delete(type);
}

// Calls the listeners of `type`; Node-style listeners get `nodeValue`, the others `event`
// (created on first need when a NodeEventTarget emits without one).
function dispatch(target, map, event, type, nodeValue) {
  if (event !== undefined) setEventTarget(event, target, 2, true);
  const list = map.get(type);
  try {
    if (list === undefined) return;
    for (const entry of [...list]) {
      if (entry.removed) continue;
      if (event !== undefined && isStopped(event) && !entry.resistStop) break;
      const listener = entry.value;
      if (listener === undefined) continue; // a weak listener that was collected
      if (entry.once) {
        const index = list.indexOf(entry);
        if (index !== -1) removeAt(map, type, list, index);
      }
      let arg = nodeValue;
      if (!entry.nodeStyle) {
        if (event === undefined) {
          event = new CustomEvent(type, { detail: nodeValue });
          setEventTarget(event, target, 2, true);
        }
        arg = event;
      }
      if (event !== undefined) setCurrentTarget(event, target);
      try {
        let result;
        if (typeof listener === 'function') {
          result = listener.call(target, arg);
        } else if (typeof listener.handleEvent === 'function') {
          result = listener.handleEvent(arg);
        }
        if (result !== undefined && result !== null) watchPromise(result);
      } catch (err) {
        reportError(err);
      }
    }
  } finally {
    if (event !== undefined) {
      setCurrentTarget(event, null);
      setEventTarget(event, target, 0, false);
    }
  }
}

function watchPromise(result) {
  const then = result.then;
  if (typeof then === 'function') then.call(result, undefined, reportError);
}

const isEventTarget = EventTarget.isEventTarget;
const listenersOf = EventTarget.getListeners;
const eventNamesOf = EventTarget.eventNames;
const emitNodeStyle = EventTarget.emitNodeStyle;
const emitHybrid = EventTarget.emitHybrid;
delete EventTarget.emitNodeStyle;
delete EventTarget.emitHybrid;
delete EventTarget.isEventTarget;
delete EventTarget.getListeners;
delete EventTarget.eventNames;

makeEnumerable(EventTarget.prototype);
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: 'EventTarget', writable: false, enumerable: false, configurable: true,
});
Object.defineProperty(EventTarget, kIsEventTarget, { value: true });

// events.getEventListeners(target, type): the registered functions (or handleEvent objects).
function getEventListeners(target, type) {
  const list = listenersOf(target, type);
  if (list === undefined) return [];
  const out = [];
  for (const entry of list) {
    const value = entry.value;
    if (value !== undefined) out.push(value);
  }
  return out;
}

// An `on<type>` attribute: assigning replaces the previous handler's registration.
function defineEventHandler(proto, type) {
  const handlers = new WeakMap(); // target -> { handler, wrapper }
  Object.defineProperty(proto, `on${type}`, {
    get() {
      return handlers.get(this)?.handler ?? null;
    },
    set(value) {
      const old = handlers.get(this);
      if (old !== undefined) {
        this.removeEventListener(type, old.wrapper);
        handlers.delete(this);
      }
      if (typeof value === 'function' || (typeof value === 'object' && value !== null)) {
        const wrapper = function(event) {
          if (typeof value === 'function') return value.call(this, event);
          return undefined;
        };
        handlers.set(this, { handler: value, wrapper });
        this.addEventListener(type, wrapper);
      }
    },
    enumerable: true,
    configurable: true,
  });
}

// An EventTarget with the EventEmitter methods Node's MessagePort-like objects use.
class NodeEventTarget extends EventTarget {
  setMaxListeners(n) {
    events().setMaxListeners(n, this);
  }

  getMaxListeners() {
    return this[events().kMaxEventTargetListeners];
  }

  eventNames() {
    return eventNamesOf(this);
  }

  listenerCount(type) {
    return listenersOf(this, type)?.length ?? 0;
  }

  off(type, listener, options) {
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    return this.on(type, listener);
  }

  once(type, listener) {
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    validateString(type, 'type');
    const had = this.listenerCount(type) > 0;
    emitNodeStyle(this, type, arg);
    return had;
  }

  removeAllListeners(type) {
    const names = type === undefined ? eventNamesOf(this) : [type];
    for (const name of names) {
      for (const listener of getEventListeners(this, name)) {
        this.removeEventListener(name, listener);
        this.removeEventListener(name, listener, true);
      }
    }
    return this;
  }
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  emitHybrid,
  getEventListeners,
  initEventTarget,
  isEvent,
  isEventTarget,
  kIsEventTarget,
  kIsNodeStyleListener,
  kResistStopPropagation,
  kTrustEvent,
  kWeakHandler,
};
