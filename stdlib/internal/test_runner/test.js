'use strict';
// Test and Suite: one node of the test tree each. A test runs its function, its hooks
// and its subtests (queued up to its concurrency), then reports to its parent. Reports go
// through an ordered list of items per test (events and child tests), so that output
// comes out in declaration order even when tests run concurrently.

const { AbortController } = require('internal/abort_controller');
const {
  kFailureTypes: {
    kCallbackAndPromisePresent, kCancelledByParent, kHookFailure,
    kMultipleCallbackInvocations, kSubtestsFailed, kTestCodeFailure, kTestTimeoutFailure,
  },
  testFailure, wrapFailure, now,
} = require('internal/test_runner/utils');
const { TestContext, SuiteContext, runHookFn } = require('internal/test_runner/context');

const kCancelMessage = 'test did not finish before its parent and was cancelled';

function isPromiseLike(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') &&
    typeof value.then === 'function';
}

class Test {
  constructor({ name, fn, options = {}, parent = null, loc, harness }) {
    this.name = name;
    this.fn = typeof fn === 'function' ? fn : () => {};
    this.parent = parent;
    this.harness = parent ? parent.harness : harness;
    this.nesting = parent ? parent.nesting + 1 : -1;
    this.loc = loc;
    this.isSuite = false;
    const { concurrency, only, skip, todo, timeout, signal } = options;
    if (concurrency === true) this.concurrency = Infinity;
    else if (typeof concurrency === 'number') this.concurrency = concurrency;
    else if (concurrency === false) this.concurrency = 1;
    else this.concurrency = parent ? parent.concurrency : 1;
    this.timeout = typeof timeout === 'number' ? timeout : (parent ? parent.timeout : Infinity);
    this.only = Boolean(only);
    this.runOnlySubtests = parent ? false : this.harness.testOnly;
    this.skipped = Boolean(skip);
    this.skipMessage = typeof skip === 'string' ? skip : undefined;
    this.isTodo = Boolean(todo);
    this.todoMessage = typeof todo === 'string' ? todo : undefined;
    if (parent !== null) {
      if (parent.runOnlySubtests && !this.only && !this.skipped) {
        this.skipped = true;
        this.skipMessage = '\'only\' option not set';
      }
      if (!this.harness.testOnly && this.only) {
        this.diagnostic('\'only\' and \'runOnly\' require the --test-only command-line option.');
      }
    }
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    if (signal !== undefined) {
      const onAbort = () => this.cancel(signal.reason ?? new Error('aborted'));
      if (signal.aborted) this.abortedBeforeStart = signal;
      else signal.addEventListener('abort', onAbort, { once: true });
    }
    this.subtests = [];
    this.pending = [];
    this.activeSubtests = 0;
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.beforePromise = null;
    this.diagnostics = [];
    this.error = null;
    this.passed = false;
    this.cancelled = false;
    this.started = false;
    this.finished = false;
    this.closing = false;
    this.startTime = null;
    this.endTime = null;
    this.stopRun = null;
    this.items = [];
    this.itemIndex = 0;
    this.closed = false;
    this.donePromise = new Promise((resolve) => { this.resolveDone = resolve; });
    this.context = this.isSuiteClass ? null : new TestContext(this);
    if (parent !== null) {
      this.testNumber = parent.subtests.push(this);
      parent.items.push(this);
      this.items.push({ type: 'test:start', data: this.eventData() });
    }
  }

  eventData() {
    const data = { nesting: this.nesting, name: this.name };
    if (this.loc) Object.assign(data, this.loc);
    return data;
  }

  diagnostic(message) {
    this.diagnostics.push(`${message}`);
  }

  createSubtest(Kind, name, options, fn, loc) {
    let parent = this;
    let lateError = null;
    if (this.finished || this.closing) {
      // Differs from Node 20: the late subtest is reported under the root test.
      parent = this.harness.root;
      lateError = testFailure('test could not be started because its parent finished',
        'parentAlreadyFinished');
    }
    const subtest = new Kind({ name, fn, options, parent, loc });
    if (lateError !== null) {
      subtest.fail(lateError);
      subtest.complete();
      return subtest;
    }
    parent.pending.push(subtest);
    if (parent.started || parent.parent === null) parent.schedulePending();
    return subtest;
  }

  schedulePending() {
    if (this.parent === null) {
      // Top-level tests start after the code that declared them has run.
      if (!this.pendingScheduled) {
        this.pendingScheduled = true;
        process.nextTick(() => {
          this.pendingScheduled = false;
          this.processPending();
        });
      }
      return;
    }
    this.processPending();
  }

  processPending() {
    if (this.finished || this.closing) return;
    while (this.pending.length > 0 && this.activeSubtests < this.concurrency) {
      const subtest = this.pending.shift();
      this.activeSubtests++;
      subtest.run();
    }
  }

  subtestDone() {
    this.activeSubtests--;
    this.processPending();
    if (this.activeSubtests === 0 && this.pending.length === 0) {
      if (this.resolveDrain) this.resolveDrain();
      if (this.parent === null) this.harness.rootDrained();
    }
  }

  // Resolves once no subtest is queued or running.
  drain() {
    if (this.activeSubtests === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => { this.resolveDrain = resolve; });
  }

  fail(error) {
    if (this.error === null) this.error = wrapFailure(error, kTestCodeFailure);
  }

  // Ends a running test from outside (timeout, abort, uncaught error, parent ending).
  stopWith(error) {
    this.fail(error);
    if (this.stopRun !== null) this.stopRun(this.error);
  }

  cancel(error) {
    if (this.finished) return;
    this.cancelled = true;
    const failure = wrapFailure(error ?? testFailure(kCancelMessage, kCancelledByParent),
      kCancelledByParent);
    if (failure.failureType === kTestCodeFailure) failure.failureType = kCancelledByParent;
    this.fail(failure);
    this.controller.abort();
    if (!this.started) {
      const index = this.parent.pending.indexOf(this);
      if (index !== -1) this.parent.pending.splice(index, 1);
      this.startTime = now();
      this.complete(false);
      return;
    }
    if (this.stopRun !== null) this.stopRun(this.error);
    this.complete(true);
  }

  // Cancels what is left of this test's subtests when it ends.
  cancelSubtests(error) {
    this.closing = true;
    for (const subtest of this.subtests) {
      if (!subtest.finished) subtest.cancel(error);
    }
  }

  // The parent's `before` hooks, run once, before its first subtest.
  runBeforeOnce() {
    if (this.beforePromise === null) {
      const ctx = this.isSuite ? this.suiteContext : this.context;
      this.beforePromise = (async () => {
        for (const hook of this.hooks.before) await runHookFn(hook, ctx);
      })();
      this.beforePromise.catch(() => {});
    }
    return this.beforePromise;
  }

  // beforeEach/afterEach hooks of every ancestor, outermost first.
  async runEachHooks(kind) {
    const chain = [];
    for (let p = this.parent; p !== null; p = p.parent) chain.unshift(p);
    for (const owner of chain) {
      for (const hook of owner.hooks[kind]) await runHookFn(hook, this.context);
    }
  }

  async runAfterHooks() {
    const ctx = this.isSuite ? this.suiteContext : this.context;
    for (const hook of this.hooks.after) await runHookFn(hook, ctx);
  }

  // Runs fn, bounded by the timeout and by stopWith().
  runFn() {
    const ctx = this.context;
    const fn = this.fn;
    const stopped = new Promise((resolve, reject) => { this.stopRun = reject; });
    let body;
    if (fn.length >= 2) {
      body = new Promise((resolve, reject) => {
        let calls = 0;
        const done = (err) => {
          calls++;
          if (calls > 1) {
            const failure = testFailure('callback invoked multiple times',
              kMultipleCallbackInvocations);
            if (this.finished) throw failure;
            this.stopWith(failure);
            return;
          }
          if (err) reject(err);
          else resolve();
        };
        const ret = Reflect.apply(fn, ctx, [ctx, done]);
        if (isPromiseLike(ret)) {
          ret.then(undefined, () => {});
          reject(testFailure('passed a callback but also returned a Promise',
            kCallbackAndPromisePresent));
        }
      });
    } else {
      const ret = Reflect.apply(fn, ctx, [ctx]);
      body = isPromiseLike(ret) ? new Promise((resolve, reject) => ret.then(resolve, reject)) :
        Promise.resolve();
    }
    const racers = [body, stopped];
    let timer;
    if (this.timeout !== Infinity && this.timeout !== null) {
      const { setTimeout } = require('timers');
      racers.push(new Promise((resolve, reject) => {
        timer = setTimeout(() => {
          this.cancelled = true;
          reject(testFailure(`test timed out after ${this.timeout}ms`, kTestTimeoutFailure));
        }, this.timeout);
        timer.unref();
      }));
    }
    stopped.catch(() => {});
    return Promise.race(racers).finally(() => {
      if (timer !== undefined) require('timers').clearTimeout(timer);
      this.stopRun = null;
    });
  }

  async run() {
    this.started = true;
    this.startTime = now();
    if (this.abortedBeforeStart) {
      this.cancel(this.abortedBeforeStart.reason);
      return;
    }
    this.harness.running.add(this);
    let ranEach = false;
    try {
      await this.parent.runBeforeOnce();
    } catch (err) {
      this.fail(testFailure(err, kHookFailure));
    }
    if (this.error === null && !this.skipped && !this.finished) {
      try {
        ranEach = true;
        await this.runEachHooks('beforeEach');
      } catch (err) {
        this.fail(testFailure(err, kHookFailure));
      }
    }
    if (this.error === null && !this.skipped && !this.finished) {
      try {
        await this.runFn();
      } catch (err) {
        this.fail(err);
      }
    }
    if (this.finished) return;
    // Subtests still queued or running when the test ends are cancelled.
    this.cancelSubtests();
    await Promise.all(this.subtests.map((s) => s.donePromise));
    if (ranEach) {
      try {
        await this.runEachHooks('afterEach');
      } catch (err) {
        this.fail(testFailure(err, kHookFailure));
      }
    }
    try {
      await this.runAfterHooks();
    } catch (err) {
      this.fail(testFailure(err, kHookFailure));
    }
    this.complete(true);
  }

  // Records the outcome, queues the report, and tells the parent.
  complete(wasRunning) {
    if (this.finished) return;
    this.finished = true;
    this.closing = true;
    this.endTime = now();
    this.harness.running.delete(this);
    if (this.error === null) {
      let failed = 0;
      for (const subtest of this.subtests) if (subtest.isFailure()) failed++;
      if (failed > 0) {
        this.error = testFailure(`${failed} subtest${failed === 1 ? '' : 's'} failed`,
          kSubtestsFailed);
      }
    }
    this.passed = this.error === null;
    if (this.mockTracker !== undefined) this.mockTracker.reset();
    this.harness.countTest(this);
    if (this.subtests.length > 0) {
      this.items.push({ type: 'test:plan',
        data: { nesting: this.nesting + 1, count: this.subtests.length } });
    }
    const details = { duration_ms: Number((this.endTime - this.startTime).toFixed(6)) };
    if (this.isSuite) details.type = 'suite';
    if (this.error !== null) details.error = this.error;
    const data = { ...this.eventData(), testNumber: this.testNumber, details };
    if (this.skipped) data.skip = this.skipMessage ?? true;
    if (this.isTodo) data.todo = this.todoMessage ?? true;
    this.items.push({ type: this.passed ? 'test:pass' : 'test:fail', data });
    for (const message of this.diagnostics) {
      this.items.push({ type: 'test:diagnostic', data: { nesting: this.nesting, message } });
    }
    this.closed = true;
    this.harness.flush();
    this.resolveDone();
    if (wasRunning !== false || this.started) this.parent.subtestDone(this);
  }

  isFailure() {
    return !this.passed && !this.isTodo && !this.skipped;
  }
}

class Suite extends Test {
  get isSuiteClass() { return true; }

  constructor(args) {
    super(args);
    this.isSuite = true;
    this.suiteContext = new SuiteContext(this);
    if (this.harness.testOnly) this.runOnlySubtests = !this.only;
    this.buildPromise = Promise.resolve();
    if (this.skipped) return;
    const stack = this.harness.suiteStack;
    stack.push(this);
    try {
      const ret = Reflect.apply(this.fn, this.suiteContext, [this.suiteContext]);
      if (isPromiseLike(ret)) this.buildPromise = Promise.resolve(ret);
    } catch (err) {
      this.buildPromise = Promise.reject(err);
    } finally {
      stack.pop();
    }
    this.buildPromise.catch(() => {});
  }

  async run() {
    this.started = true;
    this.startTime = now();
    if (this.abortedBeforeStart) {
      this.cancel(this.abortedBeforeStart.reason);
      return;
    }
    try {
      await this.buildPromise;
    } catch (err) {
      this.fail(err);
    }
    try {
      await this.parent.runBeforeOnce();
    } catch (err) {
      this.fail(testFailure(err, kHookFailure));
    }
    if (this.error === null && !this.skipped) {
      try {
        await this.runBeforeOnce();
      } catch (err) {
        this.fail(testFailure(err, kHookFailure));
      }
    }
    if (this.error === null && !this.skipped && !this.finished) {
      this.processPending();
      await this.drain();
    }
    if (this.finished) return;
    this.cancelSubtests();
    await Promise.all(this.subtests.map((s) => s.donePromise));
    if (!this.skipped) {
      try {
        await this.runAfterHooks();
      } catch (err) {
        this.fail(testFailure(err, kHookFailure));
      }
    }
    this.complete(true);
  }
}

module.exports = { Test, Suite, isPromiseLike };
