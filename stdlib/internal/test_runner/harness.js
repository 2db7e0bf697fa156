'use strict';
// The root of the test tree for a file run directly (`skua file.test.js`): creates it on
// the first test, picks the reporter, attributes uncaught errors to the running test,
// runs the global after hooks, prints the summary and sets the exit code.

const { Test, Suite } = require('internal/test_runner/test');
const { createHook } = require('internal/test_runner/context');
const {
  parseArgs, callerLocation, testFailure, now,
  kFailureTypes: { kCancelledByParent, kUncaughtException, kUnhandledRejection },
} = require('internal/test_runner/utils');

let harness = null;

function reporterName() {
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--test-reporter=')) return arg.slice(16);
    if (arg === '--test-reporter' && i + 1 < argv.length) return argv[i + 1];
  }
  return process.stdout.isTTY ? 'spec' : 'tap';
}

function createReporter() {
  const name = reporterName();
  const write = (text) => process.stdout.write(text);
  if (name === 'spec') {
    const { SpecReporter } = require('internal/test_runner/reporter/spec');
    return new SpecReporter(write, Boolean(process.stdout.isTTY &&
      process.stdout.hasColors?.()));
  }
  if (name === 'dot') {
    const { DotReporter } = require('internal/test_runner/reporter/spec');
    return new DotReporter(write);
  }
  // Differs from Node 20: custom reporter modules and --test-reporter-destination are
  // not supported; anything but spec and dot is TAP.
  const { TapReporter } = require('internal/test_runner/reporter/tap');
  return new TapReporter(write);
}

// Emits every report item that is ready, in declaration order.
function flushTest(test, reporter) {
  while (test.itemIndex < test.items.length) {
    const item = test.items[test.itemIndex];
    if (item instanceof Test) {
      if (!flushTest(item, reporter)) return false;
    } else {
      reporter.event(item.type, item.data);
    }
    test.itemIndex++;
  }
  return test.closed;
}

// The innermost test that is running now: where an uncaught error belongs.
function runningTest() {
  let found = null;
  for (const test of harness.running) {
    if (!test.finished && (found === null || test.nesting >= found.nesting)) found = test;
  }
  return found;
}

function onAsyncError(failureType, eventName) {
  return (error) => {
    const test = runningTest();
    if (test !== null) {
      test.stopWith(testFailure(error, failureType));
      return;
    }
    const shown = error instanceof Error ? `${error}` : `${error}`;
    harness.root.diagnostic('Warning: A resource generated asynchronous activity after ' +
      `the test ended. This activity created the error "${shown}" which triggered an ` +
      `${eventName} event, caught by the test runner.`);
    harness.success = false;
  };
}

function createHarness() {
  harness = {
    testOnly: process.execArgv.includes('--test-only'),
    running: new Set(),
    suiteStack: [],
    counters: { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 },
    success: true,
    startTime: now(),
    reporter: null,
    finalized: false,
    afterHooksRan: false,
    root: null,
    flush() {
      if (harness.reporter === null) harness.reporter = createReporter();
      flushTest(harness.root, harness.reporter);
    },
    countTest(test) {
      const c = harness.counters;
      if (test.isSuite) {
        c.suites++;
        if (!test.passed) harness.success = false;
        return;
      }
      c.tests++;
      if (test.skipped) c.skipped++;
      else if (test.isTodo) c.todo++;
      else if (test.cancelled) c.cancelled++;
      else if (!test.passed) c.fail++;
      else c.pass++;
      if (test.isFailure()) harness.success = false;
    },
    rootDrained() {
      // Global after hooks run as soon as the tests are done (a handle they close may
      // be what keeps the process alive).
      const { setImmediate } = require('timers');
      setImmediate(() => {
        const root = harness.root;
        if (root.activeSubtests === 0 && root.pending.length === 0 &&
            root.hooks.after.length > 0) {
          runRootAfterHooks();
        }
      });
    },
  };
  const root = new Test({ name: '<root>', harness, parent: null });
  root.started = true;
  root.startTime = harness.startTime;
  harness.root = root;
  process.on('uncaughtException', onAsyncError(kUncaughtException, 'uncaughtException'));
  process.on('unhandledRejection', onAsyncError(kUnhandledRejection, 'unhandledRejection'));
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  return harness;
}

function getHarness() {
  return harness === null ? createHarness() : harness;
}

let afterHooksPromise = null;
function runRootAfterHooks() {
  if (afterHooksPromise === null) {
    afterHooksPromise = harness.root.runAfterHooks().catch((err) => {
      harness.root.diagnostic(`Error: ${err?.message ?? err}`);
      harness.success = false;
    });
  }
  return afterHooksPromise;
}

function cancelUnfinished() {
  const error = testFailure('Promise resolution is still pending but the event loop has ' +
    'already resolved', kCancelledByParent);
  // Innermost first, so that parents count their cancelled subtests.
  const tests = [...harness.running].sort((a, b) => b.nesting - a.nesting);
  for (const test of tests) test.cancel(error);
  for (const test of harness.root.pending.slice()) test.cancel(error);
}

function finalize() {
  if (harness.finalized) return;
  harness.finalized = true;
  cancelUnfinished();
  const { root, counters } = harness;
  root.items.push({ type: 'test:plan', data: { nesting: 0, count: root.subtests.length } });
  for (const message of root.diagnostics) {
    root.items.push({ type: 'test:diagnostic', data: { nesting: 0, message } });
  }
  const summary = [
    `tests ${counters.tests}`, `suites ${counters.suites}`, `pass ${counters.pass}`,
    `fail ${counters.fail}`, `cancelled ${counters.cancelled}`,
    `skipped ${counters.skipped}`, `todo ${counters.todo}`,
    `duration_ms ${Number((now() - harness.startTime).toFixed(6))}`,
  ];
  for (const message of summary) {
    root.items.push({ type: 'test:diagnostic', data: { nesting: 0, message } });
  }
  root.closed = true;
  harness.flush();
  if (harness.reporter.end) harness.reporter.end(harness);
  if (!harness.success || counters.fail > 0 || counters.cancelled > 0) {
    process.exitCode = 1;
  }
}

function onBeforeExit() {
  if (harness.finalized) return;
  if (harness.running.size > 0 || harness.root.pending.length > 0) cancelUnfinished();
  if (afterHooksPromise === null && harness.root.hooks.after.length > 0) {
    // Keeps the loop alive until the hooks settle; beforeExit fires again after.
    runRootAfterHooks();
    return;
  }
  finalize();
}

function onExit() {
  if (!harness.finalized) finalize();
}

// The current parent for a top-level call: the suite being built, or the root.
function currentParent() {
  const h = getHarness();
  const stack = h.suiteStack;
  return stack.length > 0 ? stack[stack.length - 1] : h.root;
}

function create(Kind, loc, name, options, fn, extra) {
  const args = parseArgs(name, options, fn);
  const parent = currentParent();
  const opts = extra === undefined ? args.options : { ...args.options, ...extra };
  return parent.createSubtest(Kind, args.name, opts, args.fn, loc);
}

function test(name, options, fn) {
  const subtest = create(Test, callerLocation(test), name, options, fn);
  return subtest.donePromise.then(() => undefined);
}

function suite(name, options, fn) {
  create(Suite, callerLocation(suite), name, options, fn);
  return Promise.resolve();
}

function it(name, options, fn) {
  const subtest = create(Test, callerLocation(it), name, options, fn);
  return subtest.donePromise.then(() => undefined);
}

function hook(kind) {
  return function(fn, options) {
    createHook(currentParent(), kind, fn, options);
  };
}

// test.skip(), describe.only() and the like: the same call with the option set.
function withOption(Kind, isSuite, option) {
  const wrapper = {
    [option](name, options, fn) {
      const subtest = create(Kind, callerLocation(wrapper), name, options, fn,
        { [option]: true });
      return isSuite ? Promise.resolve() : subtest.donePromise.then(() => undefined);
    },
  }[option];
  return wrapper;
}

for (const [api, Kind] of [[test, Test], [suite, Suite], [it, Test]]) {
  for (const option of ['skip', 'todo', 'only']) {
    api[option] = withOption(Kind, Kind === Suite, option);
  }
}

module.exports = {
  test,
  suite,
  it,
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
  getHarness,
};
