'use strict';
// The `t` of a test (TestContext), the `this` of a describe() body (SuiteContext), and
// hook registration and running.

const { validateFunction, validateBoolean } = require('internal/validators');
const {
  parseArgs, callerLocation, checkOptions, testFailure,
  kFailureTypes: { kTestTimeoutFailure },
} = require('internal/test_runner/utils');

const kTest = Symbol('kTest');

function isPromiseLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') &&
    typeof value.then === 'function';
}

// A hook: its function and options ({ timeout, signal }).
function createHook(owner, kind, fn, options) {
  validateFunction(fn, 'fn');
  options = checkOptions(options);
  const hook = { fn, timeout: options.timeout ?? Infinity, kind };
  owner.hooks[kind].push(hook);
  return hook;
}

// Runs one hook with `ctx` as `this` and first argument; a second parameter is a `done`.
async function runHookFn(hook, ctx) {
  const { fn } = hook;
  let promise;
  if (fn.length >= 2) {
    promise = new Promise((resolve, reject) => {
      const ret = Reflect.apply(fn, ctx, [ctx, (err) => (err ? reject(err) : resolve())]);
      if (isPromiseLike(ret)) ret.then(undefined, reject);
    });
  } else {
    promise = Promise.resolve(Reflect.apply(fn, ctx, [ctx]));
  }
  if (hook.timeout === Infinity || hook.timeout === null) return promise;
  const { setTimeout, clearTimeout } = require('timers');
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      reject(testFailure(`${hook.kind} hook timed out after ${hook.timeout}ms`,
        kTestTimeoutFailure));
    }, hook.timeout);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

class TestContext {
  constructor(test) {
    Object.defineProperty(this, kTest, { value: test });
  }

  get signal() { return this[kTest].signal; }

  get name() { return this[kTest].name; }

  get mock() {
    const test = this[kTest];
    if (test.mockTracker === undefined) {
      const { MockTracker } = require('internal/test_runner/mock');
      test.mockTracker = new MockTracker();
    }
    return test.mockTracker;
  }

  diagnostic(message) {
    this[kTest].diagnostic(message);
  }

  runOnly(value) {
    validateBoolean(value, 'value');
    const test = this[kTest];
    test.runOnlySubtests = value;
    if (value && !test.harness.testOnly) {
      test.diagnostic('\'only\' and \'runOnly\' require the --test-only command-line option.');
    }
  }

  skip(message) {
    const test = this[kTest];
    test.skipped = true;
    test.skipMessage = message === undefined ? undefined : `${message}`;
  }

  todo(message) {
    const test = this[kTest];
    test.isTodo = true;
    test.todoMessage = message === undefined ? undefined : `${message}`;
  }

  test(name, options, fn) {
    const loc = callerLocation(TestContext.prototype.test);
    const args = parseArgs(name, options, fn);
    const { Test } = require('internal/test_runner/test');
    const subtest = this[kTest].createSubtest(Test, args.name, args.options, args.fn, loc);
    return subtest.donePromise.then(() => undefined);
  }

  before(fn, options) {
    const test = this[kTest];
    createHook(test, 'before', fn, options);
    // A hook added after the subtests began would never run: run it now.
    if (test.beforePromise !== null) {
      const previous = test.beforePromise;
      test.beforePromise = previous.then(() => runHookFn(test.hooks.before.at(-1),
        test.context));
      test.beforePromise.catch(() => {});
    }
  }

  after(fn, options) { createHook(this[kTest], 'after', fn, options); }

  beforeEach(fn, options) { createHook(this[kTest], 'beforeEach', fn, options); }

  afterEach(fn, options) { createHook(this[kTest], 'afterEach', fn, options); }
}

class SuiteContext {
  constructor(suite) {
    Object.defineProperty(this, kTest, { value: suite });
  }

  get signal() { return this[kTest].signal; }

  get name() { return this[kTest].name; }
}

module.exports = { TestContext, SuiteContext, createHook, runHookFn, kTest };
