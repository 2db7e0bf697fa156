'use strict';
// assert.CallTracker: wraps functions to count their calls, then reports (or throws for)
// those not called the expected number of times.

const { AssertionError } = require('internal/assert/assertion_error');
const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
const { validateUint32 } = require('internal/validators');

const noop = () => {};

class CallTracker {
  #tracked = new WeakMap();  // Wrapper -> its record.
  #records = new Set();

  /**
   * @param {Function|number} [fn] the function to wrap (a no-op by default)
   * @param {number} [exact] expected number of calls, 1 by default
   * @returns {Function} the wrapper to call instead of fn
   */
  calls(fn, exact = 1) {
    if (typeof fn === 'number') {
      exact = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(exact, 'exact', true);
    const record = { fn, name: fn.name, exact, calls: [], stack: new Error() };
    const wrapper = new Proxy(fn, {
      apply(target, thisArg, args) {
        // Frozen, as Node records them: getCalls() hands out read-only history.
        record.calls.push(Object.freeze({ thisArg, arguments: Object.freeze([...args]) }));
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#tracked.set(wrapper, record);
    this.#records.add(record);
    return wrapper;
  }

  #recordOf(fn) {
    const record = this.#tracked.get(fn);
    if (record === undefined) throw new ERR_INVALID_ARG_VALUE('fn', fn, 'is not a tracked function');
    return record;
  }

  /** @returns {{ thisArg: any, arguments: any[] }[]} the calls of a wrapper so far */
  getCalls(fn) {
    return Object.freeze(this.#recordOf(fn).calls.slice());
  }

  /** Forgets the calls of one wrapper, or of all when `fn` is omitted. */
  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#records) record.calls = [];
    } else {
      this.#recordOf(fn).calls = [];
    }
  }

  /** @returns {object[]} one entry per wrapper not called exactly as expected */
  report() {
    const errors = [];
    for (const record of this.#records) {
      const actual = record.calls.length;
      if (actual === record.exact) continue;
      errors.push({
        message: `Expected the ${record.name} function to be executed ${record.exact} time(s) ` +
          `but was executed ${actual} time(s).`,
        actual,
        expected: record.exact,
        operator: record.name,
        stack: record.stack,
      });
    }
    return errors;
  }

  /** Throws an AssertionError when report() is not empty. */
  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0].message :
      'Functions were not called the expected number of times';
    const error = new AssertionError({ message, stackStartFn: this.verify });
    error.details = errors;
    throw error;
  }
}

module.exports = { CallTracker };
