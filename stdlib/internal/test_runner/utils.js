'use strict';
// Shared pieces of node:test: the ERR_TEST_FAILURE error, failure types, option checks,
// call-site locations and the reporter choice.

const { codes, E } = require('internal/errors');
const {
  validateAbortSignal, validateNumber, validateObject, validateUint32,
} = require('internal/validators');

const { ERR_INVALID_ARG_TYPE } = codes;

if (codes.ERR_TEST_FAILURE === undefined) {
  E('ERR_TEST_FAILURE', (error) => {
    const msg = error?.message ?? error;
    return typeof msg === 'string' ? msg : String(msg);
  }, Error);
}

const kFailureTypes = {
  kCallbackAndPromisePresent: 'callbackAndPromisePresent',
  kCancelledByParent: 'cancelledByParent',
  kHookFailure: 'hookFailed',
  kMultipleCallbackInvocations: 'multipleCallbackInvocations',
  kParentAlreadyFinished: 'parentAlreadyFinished',
  kSubtestsFailed: 'subtestsFailed',
  kTestCodeFailure: 'testCodeFailure',
  kTestTimeoutFailure: 'testTimeoutFailure',
  kUncaughtException: 'uncaughtException',
  kUnhandledRejection: 'unhandledRejection',
};

// An ERR_TEST_FAILURE of `failureType` whose cause is `error` (any thrown value).
function testFailure(error, failureType) {
  let err;
  if (typeof error === 'symbol') {
    err = new codes.ERR_TEST_FAILURE(error.toString());
  } else {
    err = new codes.ERR_TEST_FAILURE(error);
  }
  err.failureType = failureType;
  err.cause = error;
  return err;
}

// Wraps what a test threw, unless it already is a test failure.
function wrapFailure(error, failureType) {
  if (error?.code === 'ERR_TEST_FAILURE' && error.failureType !== undefined) return error;
  return testFailure(error, failureType);
}

const kMaxTimeout = 2 ** 32 - 1;

// Validates and normalizes the options of test()/describe()/it().
function checkOptions(options) {
  if (options === undefined || options === null) return {};
  validateObject(options, 'options');
  const { concurrency, timeout, signal } = options;
  if (concurrency !== undefined && concurrency !== null && typeof concurrency !== 'boolean') {
    validateUint32(concurrency, 'options.concurrency', true);
  }
  if (timeout !== undefined && timeout !== null && timeout !== Infinity) {
    validateNumber(timeout, 'options.timeout', 0, kMaxTimeout);
  }
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  return options;
}

// (name, options, fn) with every part optional, as Node's test() accepts them.
function parseArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
  } else if (typeof options === 'function') {
    fn = options;
  }
  if (options === null || typeof options !== 'object') options = {};
  if (typeof name !== 'string' || name === '') {
    name = (typeof fn === 'function' && fn.name) || '<anonymous>';
  }
  if (fn !== undefined && typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  }
  return { name, options: checkOptions(options), fn };
}

// Where `skipFn` was called from: { file, line, column }.
function callerLocation(skipFn) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let sites;
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (e, callSites) => callSites;
    const holder = {};
    Error.captureStackTrace(holder, skipFn);
    sites = holder.stack;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  const site = Array.isArray(sites) ? sites[0] : undefined;
  if (site === undefined) return undefined;
  let file = site.getFileName();
  if (typeof file === 'string' && file.startsWith('file://')) {
    try {
      file = require('internal/url').fileURLToPath(file);
    } catch {
      // Keep the URL.
    }
  }
  return { file, line: site.getLineNumber(), column: site.getColumnNumber() };
}

function formatLocation(loc) {
  return loc === undefined ? undefined : `${loc.file}:${loc.line}:${loc.column}`;
}

function now() {
  return globalThis.performance.now();
}

module.exports = {
  kFailureTypes,
  testFailure,
  wrapFailure,
  parseArgs,
  checkOptions,
  callerLocation,
  formatLocation,
  now,
};
