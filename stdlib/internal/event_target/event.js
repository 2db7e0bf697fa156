'use strict';
// Event and CustomEvent as Node 20 implements the DOM interfaces. internal/event_target
// dispatches them; it reaches the private state through `eventInternals`.

const { ERR_INVALID_THIS, ERR_MISSING_ARGS } = require('internal/errors').codes;
const { validateObject, kValidateObjectAllowObjectsAndNull } = require('internal/validators');
const { now } = require('internal/perf/utils');

// Event option: the event is trusted (made by the runtime, e.g. 'abort').
const kTrustEvent = Symbol('kTrustEvent');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

let setEventTarget; // (event, target, phase): set by Event's static block
let setCurrentTarget;
let isDispatching;
let isStopped;

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timeStamp = now();
  #stopped = false;
  #propagationStopped = false;
  #trusted = false;
  #target = null;
  #currentTarget = null;
  #phase = 0;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options !== undefined) {
      validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    }
    this.#type = `${type}`;
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    if (options?.[kTrustEvent]) this.#trusted = true;
  }

  static isEvent(value) {
    return value !== null && typeof value === 'object' && #type in value;
  }

  static {
    setEventTarget = (event, target, phase, dispatching) => {
      event.#target = target;
      event.#phase = phase;
      event.#dispatching = dispatching;
    };
    setCurrentTarget = (event, target) => { event.#currentTarget = target; };
    isDispatching = (event) => event.#dispatching;
    isStopped = (event) => event.#stopped;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    checkEvent(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [inspectCustom](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const { inspect } = require('internal/util/inspect');
    const fields = {
      type: this.#type,
      defaultPrevented: this.#cancelable && this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    };
    return `${name} ${inspect(fields, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.#stopped = true;
    this.#propagationStopped = true;
  }

  preventDefault() {
    checkEvent(this);
    this.#defaultPrevented = true;
  }

  get target() { checkEvent(this); return this.#target; }
  get currentTarget() { checkEvent(this); return this.#currentTarget; }
  get srcElement() { checkEvent(this); return this.#target; }
  get type() { checkEvent(this); return this.#type; }
  get cancelable() { checkEvent(this); return this.#cancelable; }
  get defaultPrevented() { checkEvent(this); return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { checkEvent(this); return this.#timeStamp; }

  composedPath() {
    checkEvent(this);
    return this.#dispatching ? [this.#currentTarget] : [];
  }

  get returnValue() { checkEvent(this); return !(this.#cancelable && this.#defaultPrevented); }
  get bubbles() { checkEvent(this); return this.#bubbles; }
  get composed() { checkEvent(this); return this.#composed; }
  get eventPhase() { checkEvent(this); return this.#phase; }
  get cancelBubble() { checkEvent(this); return this.#propagationStopped; }
  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
  }

  get isTrusted() { checkEvent(this); return this.#trusted; }
}

const isEvent = Event.isEvent;
delete Event.isEvent;

function checkEvent(value) {
  if (!isEvent(value)) throw new ERR_INVALID_THIS('Event');
}

const phases = { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 };
for (const [name, value] of Object.entries(phases)) {
  Object.defineProperty(Event, name, {
    value, writable: false, enumerable: true, configurable: false,
  });
}
makeEnumerable(Event.prototype);
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  value: 'Event', writable: false, enumerable: false, configurable: true,
});

// WebIDL attributes and operations are enumerable.
function makeEnumerable(proto) {
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (desc.configurable === false) continue;
    desc.enumerable = true;
    Object.defineProperty(proto, key, desc);
  }
}

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(this !== null && typeof this === 'object' && #detail in this)) {
      throw new ERR_INVALID_THIS('CustomEvent');
    }
    return this.#detail;
  }
}
makeEnumerable(CustomEvent.prototype);
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: 'CustomEvent', writable: false, enumerable: false, configurable: true,
});

module.exports = {
  Event,
  CustomEvent,
  isEvent,
  kTrustEvent,
  makeEnumerable,
  eventInternals: { setEventTarget, setCurrentTarget, isDispatching, isStopped },
};
