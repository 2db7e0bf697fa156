'use strict';
// node:test (reachable only as `node:test`): test(), describe()/it(), hooks and mock,
// for test files run directly. The `--test` command-line runner is not implemented.

const {
  test, suite, it, before, after, beforeEach, afterEach,
} = require('internal/test_runner/harness');

let lazyMock;

module.exports = test;
Object.assign(test, {
  test,
  describe: suite,
  suite,
  it,
  before,
  after,
  beforeEach,
  afterEach,
  // Differs from Node 20: run() (the programmatic --test runner) is not implemented.
  run() {
    const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
    if (ERR_METHOD_NOT_IMPLEMENTED) throw new ERR_METHOD_NOT_IMPLEMENTED('run()');
    throw new Error('node:test run() is not implemented');
  },
});

Object.defineProperty(test, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (lazyMock === undefined) {
      const { MockTracker } = require('internal/test_runner/mock');
      lazyMock = new MockTracker();
    }
    return lazyMock;
  },
});
