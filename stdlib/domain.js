'use strict';
// node:domain — groups I/O so that errors thrown or emitted in it reach one 'error'
// handler. A domain is entered explicitly (enter/run/bind: the `_stack` of entered
// domains) and travels with async work through the async context frame
// (internal/async_hooks.js): whatever is scheduled inside a domain (timers, ticks,
// promises, native I/O callbacks) runs with that domain active again. Uncaught exceptions
// reach the active domain through internal/process/execution's router; unhandled
// rejections through internal/process/promises. EventEmitters created inside a domain
// belong to it, and their unhandled 'error' events go to it.
// Differs from Node 20: a callback of native I/O sees its domain as process.domain without
// it being pushed on `_stack` (Node enters it from an async hook).

const EventEmitter = require('events');
const { codes, E } = require('internal/errors');
const asyncHooks = require('internal/async_hooks');
const { createHook } = require('async_hooks');
const { setDomainErrorHandler, setDomainCaptures } = require('internal/process/execution');

if (codes.ERR_DOMAIN_CALLBACK_NOT_AVAILABLE === undefined) {
  E('ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
    'A callback was registered through process.setUncaughtExceptionCaptureCallback(), ' +
    'which is mutually exclusive with using the `domain` module', Error);
  E('ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
    'The `domain` module is in use, which is mutually exclusive with calling ' +
    'process.setUncaughtExceptionCaptureCallback()', Error);
}

if (process.hasUncaughtExceptionCaptureCallback()) {
  throw new codes.ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}

// Where node:domain was first required: shown when setUncaughtExceptionCaptureCallback()
// is refused later.
const requireStack = new Error('require(`domain`) at this point').stack;

const { getFrame, setFrame, enableFrames } = asyncHooks;
asyncHooks.enableFrames();

// ---- The active domain ----------------------------------------------------------------

// The key of the domain in an async context frame (a Map shared with AsyncLocalStorage).
const kDomainKey = { name: 'domain' };
// Entered domains, innermost last, and for each the frame that was current before it.
let stack = [];
let outerFrames = [];
// What process.domain reads when no domain is active: null at first and after an
// uncaught exception cleared the stack, undefined after the last exit() (as in Node).
let idleValue = null;

function frameDomain() {
  const frame = getFrame();
  return frame === undefined ? undefined : frame.get(kDomainKey);
}

function setFrameDomain(domain) {
  const frame = new Map(getFrame());
  if (domain == null) frame.delete(kDomainKey);
  else frame.set(kDomainKey, domain);
  setFrame(frame.size === 0 ? undefined : frame);
}

function activeDomain() {
  if (stack.length > 0) return stack[stack.length - 1];
  const domain = frameDomain();
  return domain === undefined ? idleValue : domain;
}

function setActiveDomain(domain) {
  if (domain == null) idleValue = domain;
  setFrameDomain(domain);
}

Object.defineProperty(process, 'domain', {
  __proto__: null, enumerable: true, configurable: true,
  get: activeDomain, set: setActiveDomain,
});

// Empties the stack: after an uncaught exception no domain stays active.
function clearDomainStack() {
  stack.length = 0;
  outerFrames.length = 0;
  idleValue = null;
  setFrameDomain(null);
}

// ---- Uncaught exceptions --------------------------------------------------------------

function hasErrorListener(domain) {
  return domain != null && domain.listenerCount('error') > 0;
}

// Called by internal/process/execution for every uncaught exception.
function routeUncaughtException(error) {
  const domain = activeDomain();
  if (domain == null) return false;
  if (!hasErrorListener(domain) && !stack.some(hasErrorListener)) {
    // No domain can take it: the process' 'uncaughtException' listeners see no domain.
    clearDomainStack();
    return false;
  }
  domain._errorHandler(error);
  return true;
}

setDomainErrorHandler(routeUncaughtException);

// Domains with an 'error' listener. While there is one, --abort-on-uncaught-exception
// does not abort at a throw (a domain may take the exception); _errorHandler turns that
// off while the outermost domain's listener runs, whose throws are fatal.
// Differs from Node 20: Node asks whether a domain on the stack has a listener. The
// domain of an async callback is not on skua's stack: the async hook below narrows the
// answer to that domain for JS resources; in native I/O callbacks any armed domain counts.
const armedDomains = new WeakSet();
let armedCount = 0;

function syncArmed(domain) {
  const armed = domain.listenerCount('error') > 0;
  if (armed === armedDomains.has(domain)) return;
  if (armed) {
    armedDomains.add(domain);
    armedCount++;
  } else {
    armedDomains.delete(domain);
    armedCount--;
  }
  setDomainCaptures(armedCount > 0);
}

process.setUncaughtExceptionCaptureCallback = function setUncaughtExceptionCaptureCallback() {
  const err = new codes.ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  Error.captureStackTrace(err, setUncaughtExceptionCaptureCallback);
  err.stack = `${err.stack}\n${'-'.repeat(40)}\n${requireStack}`;
  throw err;
};

// A domain with an 'error' listener on the stack takes uncaught exceptions, as a capture
// callback would in Node.
const hasCaptureCallback = process.hasUncaughtExceptionCaptureCallback;
process.hasUncaughtExceptionCaptureCallback = function hasUncaughtExceptionCaptureCallback() {
  return hasCaptureCallback() || stack.some(hasErrorListener);
};

// ---- Async work started inside a domain -----------------------------------------------

function defineDomain(target, domain) {
  Object.defineProperty(target, 'domain', {
    __proto__: null, configurable: true, enumerable: false, writable: true, value: domain,
  });
}

// Runs fn inside `domain`. The domain is left only when fn returns: after a throw it stays
// active until the uncaught-exception path has routed the error to it.
function runInDomain(domain, fn, thisArg, args) {
  domain.enter();
  const result = Reflect.apply(fn, thisArg, args);
  domain.exit();
  return result;
}

function wrapCallback(domain, fn) {
  return function domainCallback(...args) {
    return runInDomain(domain, fn, this, args);
  };
}

// The callback property of each JS-scheduled resource type: wrapping it keeps the domain
// entered while an exception the callback throws is routed.
const callbackProperty = { Timeout: '_onTimeout', Immediate: '_onImmediate', TickObject: 'callback' };

const asyncHook = createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const domain = activeDomain();
    if (domain == null) return;
    if (type === 'PROMISE') {
      // Promises of other contexts (vm) are left alone.
      if (resource instanceof Promise) defineDomain(resource, domain);
      return;
    }
    defineDomain(resource, domain);
    const name = callbackProperty[type];
    if (name !== undefined && typeof resource[name] === 'function') {
      resource[name] = wrapCallback(domain, resource[name]);
    }
  },
  // Under --abort-on-uncaught-exception, the callback of a JS resource (timer, immediate,
  // tick) does not abort only when its own domain or an entered one would take the error.
  before() {
    if (armedCount === 0) return;
    const domain = asyncHooks.executionAsyncResource()?.domain;
    setDomainCaptures(hasErrorListener(domain) || stack.some(hasErrorListener));
  },
  after() {
    setDomainCaptures(armedCount > 0);
  },
});

// ---- Domain ---------------------------------------------------------------------------

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    asyncHook.enable();
  }

  /**
   * Makes this domain the active one (pushes it on the domain stack).
   */
  enter() {
    outerFrames.push(getFrame());
    stack.push(this);
    setFrameDomain(this);
  }

  /**
   * Leaves this domain and every domain entered after it.
   */
  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) {
      // Active only through its async context: leave that.
      if (stack.length === 0 && frameDomain() === this) {
        idleValue = undefined;
        setFrameDomain(null);
      }
      return;
    }
    setFrame(outerFrames[index]);
    stack.length = index;
    outerFrames.length = index;
    if (index === 0 && frameDomain() === undefined) idleValue = undefined;
  }

  /**
   * Runs fn(...args) inside this domain.
   */
  run(fn, ...args) {
    return runInDomain(this, fn, this, args);
  }

  /**
   * Adds an EventEmitter (or timer) to this domain explicitly.
   */
  add(ee) {
    if (ee.domain === this) return;
    if (ee.domain) ee.domain.remove(ee);
    // A domain must not end up a member of itself through a chain of domains.
    if (this.domain && ee instanceof Domain) {
      for (let d = this.domain; d; d = d.domain) {
        if (ee === d) return;
      }
    }
    defineDomain(ee, this);
    this.members.push(ee);
  }

  /**
   * Removes an EventEmitter (or timer) from this domain.
   */
  remove(ee) {
    ee.domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  /**
   * Returns a function that runs `cb` inside this domain.
   */
  bind(cb) {
    const domain = this;
    function runBound(...args) {
      return runInDomain(domain, cb, this, args);
    }
    defineDomain(runBound, this);
    return runBound;
  }

  /**
   * Like bind(), but an error passed as the first argument goes to the domain's 'error'
   * event instead of to `cb`.
   */
  intercept(cb) {
    const domain = this;
    function runIntercepted(...args) {
      if (args.length > 0 && args[0]) {
        const er = args[0];
        if (typeof er === 'object' || typeof er === 'function') {
          er.domainBound = cb;
          er.domainThrown = false;
          defineDomain(er, domain);
        }
        domain.emit('error', er);
        return undefined;
      }
      return runInDomain(domain, cb, this, args.slice(1));
    }
    return runIntercepted;
  }

  // Handles an uncaught exception thrown while this domain was active; returns whether
  // an 'error' listener took it.
  _errorHandler(er) {
    let caught = false;
    if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
      defineDomain(er, this);
      er.domainThrown = true;
    }
    // The handler must not run inside this domain, or an error it throws would come back
    // to it.
    while (activeDomain() === this) this.exit();
    if (stack.length === 0) {
      // An error thrown by the listener of the outermost domain is a fatal one.
      if (this.listenerCount('error') > 0) {
        setDomainCaptures(false);
        try {
          caught = this.emit('error', er);
        } finally {
          setDomainCaptures(armedCount > 0);
        }
      }
    } else {
      try {
        caught = this.emit('error', er);
      } catch (er2) {
        // The listener threw (or there was none): the enclosing domain gets that error.
        if (stack.length === 0) throw er2;
        caught = stack[stack.length - 1]._errorHandler(er2);
      }
    }
    // An uncaught exception ends the current callback: no domain stays entered.
    clearDomainStack();
    return caught;
  }
}
Domain.prototype.members = undefined;

for (const name of ['addListener', 'on', 'prependListener', 'removeListener', 'off',
  'removeAllListeners']) {
  const method = EventEmitter.prototype[name];
  Object.defineProperty(Domain.prototype, name, {
    __proto__: null, configurable: true, enumerable: false, writable: true,
    value: { [name](...args) {
      const result = Reflect.apply(method, this, args);
      syncArmed(this);
      return result;
    } }[name],
  });
}

// ---- EventEmitters --------------------------------------------------------------------

EventEmitter.usingDomains = true;

const eventInit = EventEmitter.init;
EventEmitter.init = function init(opts) {
  defineDomain(this, null);
  const domain = activeDomain();
  if (domain != null && !(this instanceof Domain)) this.domain = domain;
  return Reflect.apply(eventInit, this, [opts]);
};

const eventEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if (domain == null || this === process ||
      (type === 'error' && this.listenerCount('error') > 0)) {
    return Reflect.apply(eventEmit, this, args);
  }
  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new codes.ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      defineDomain(er, domain);
      er.domainThrown = false;
    }
    // The domain's listener runs outside the domain (and the copies of it on top of the
    // stack), so that errors it causes do not come back to it; the stack is put back after.
    const savedStack = stack.slice();
    const savedFrames = outerFrames.slice();
    const savedFrame = getFrame();
    const active = activeDomain();
    let index = stack.length - 1;
    while (index > -1 && stack[index] === active) index--;
    stack.length = index + 1;
    outerFrames.length = index + 1;
    setFrameDomain(stack.length > 0 ? stack[stack.length - 1] : null);
    domain.emit('error', er);
    stack = savedStack;
    outerFrames = savedFrames;
    module.exports._stack = stack;
    setFrame(savedFrame);
    return false;
  }
  domain.enter();
  const result = Reflect.apply(eventEmit, this, args);
  domain.exit();
  return result;
};

module.exports = {
  _stack: stack,
  Domain,
  createDomain: create,
  create,
  active: null,
};

Object.defineProperty(module.exports, 'active', {
  __proto__: null, enumerable: true, configurable: true,
  get: activeDomain, set: setActiveDomain,
});

/**
 * Returns a new Domain.
 * @returns {Domain}
 */
function create() {
  return new Domain();
}
