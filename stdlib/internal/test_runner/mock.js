'use strict';
// node:test mocking: mock.fn(), mock.method(), mock.getter()/setter(), reset and
// restoreAll. A mock function is a Proxy of the original that records each call.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/validators');

const kDefaultFunction = function() {};

class MockFunctionContext {
  #calls = [];
  #mocks = new Map();
  #implementation;
  #restore;
  #times;

  constructor(implementation, restore, times) {
    this.#implementation = implementation;
    this.#restore = restore;
    this.#times = times;
  }

  get calls() {
    return this.#calls.slice();
  }

  callCount() {
    return this.#calls.length;
  }

  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const nextCall = this.#calls.length;
    const call = onCall ?? nextCall;
    validateInteger(call, 'onCall', nextCall);
    this.#mocks.set(call, implementation);
  }

  restore() {
    const restore = this.#restore;
    if (restore !== undefined) {
      const { descriptor, object, original, methodName } = restore;
      if (typeof methodName === 'string' || typeof methodName === 'symbol') {
        Object.defineProperty(object, methodName, descriptor);
      } else {
        this.#implementation = original;
      }
    }
  }

  resetCalls() {
    this.#calls = [];
  }

  // Used by the proxy traps.
  nextImplementation() {
    const index = this.#calls.length;
    const once = this.#mocks.get(index);
    if (once !== undefined) {
      this.#mocks.delete(index);
      return once;
    }
    if (this.#times !== undefined && index >= this.#times) {
      return this.#restore?.original ?? this.#implementation;
    }
    return this.#implementation;
  }

  recordCall(call) {
    this.#calls.push(call);
  }
}

function makeMockFunction(original, implementation, restore, times) {
  const ctx = new MockFunctionContext(implementation, restore, times);
  const record = (thisArg, args, target, invoke) => {
    const impl = ctx.nextImplementation();
    let result;
    let error;
    try {
      result = invoke(impl);
    } catch (err) {
      error = err;
      throw err;
    } finally {
      // A construct call's `this` is the object it made.
      ctx.recordCall({
        arguments: args, error, result,
        // eslint-disable-next-line no-restricted-syntax
        stack: new Error(), target,
        this: target !== undefined && error === undefined ? result : thisArg,
      });
    }
    return result;
  };
  const proxy = new Proxy(original, {
    __proto__: null,
    apply(fn, thisArg, args) {
      return record(thisArg, args, undefined, (impl) => Reflect.apply(impl, thisArg, args));
    },
    construct(target, args, newTarget) {
      // Recorded against the original constructor, as Node does.
      const realTarget = newTarget === proxy ? original : newTarget;
      return record(undefined, args, realTarget,
        (impl) => Reflect.construct(impl, args, realTarget));
    },
    get(target, property, receiver) {
      if (property === 'mock') return ctx;
      return Reflect.get(target, property, receiver);
    },
  });
  return { proxy, ctx };
}

function checkTimes(options) {
  validateObject(options, 'options');
  const { times } = options;
  if (times !== undefined && times !== Infinity) validateInteger(times, 'options.times', 1);
  return times === Infinity ? undefined : times;
}

class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    const times = checkTimes(options);
    const { proxy, ctx } = makeMockFunction(original, implementation,
      { original, methodName: undefined }, times);
    this.#mocks.push(ctx);
    return proxy;
  }

  method(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'], methodName);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    }
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { getter = false, setter = false } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter,
        "cannot be used with 'options.getter'");
    }
    const times = checkTimes(options);
    const descriptor = findDescriptor(object, methodName);
    let original;
    if (getter) original = descriptor?.get;
    else if (setter) original = descriptor?.set;
    else original = descriptor?.value;
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original, 'must be a method');
    }
    const impl = implementation === kDefaultFunction ? original : implementation;
    const restore = { descriptor, object, original, methodName };
    const { proxy, ctx } = makeMockFunction(original, impl, restore, times);
    const mocked = { ...descriptor, configurable: true };
    if (getter) mocked.get = proxy;
    else if (setter) mocked.set = proxy;
    else mocked.value = proxy;
    Object.defineProperty(object, methodName, mocked);
    this.#mocks.push(ctx);
    return proxy;
  }

  getter(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    if (options.getter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.getter', false,
        'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }

  setter(object, methodName, implementation = kDefaultFunction, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefaultFunction;
    } else {
      validateObject(options, 'options');
    }
    if (options.setter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', false,
        'cannot be false');
    }
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }

  reset() {
    this.restoreAll();
    this.#mocks = [];
  }

  restoreAll() {
    for (const ctx of this.#mocks) ctx.restore();
  }
}

function findDescriptor(object, name) {
  for (let o = object; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor !== undefined) return descriptor;
  }
  return undefined;
}

module.exports = { MockTracker, MockFunctionContext };
