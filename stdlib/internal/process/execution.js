'use strict';
// The handler C++ calls for every uncaught exception (runtime/core/errors.cc): it emits
// 'uncaughtExceptionMonitor' and 'uncaughtException'; with no listener it emits 'exit'
// with code 1 and returns false, and C++ prints the error (using `format`) and exits.

const { setFatalExceptionHandler, setShouldAbortOnUncaught } = internalBinding('errors');

// process.setUncaughtExceptionCaptureCallback(): when set, it takes uncaught exceptions
// instead of the 'uncaughtException' event.
let captureCallback = null;

// Under --abort-on-uncaught-exception an uncaught exception aborts the process at the
// throw, unless a capture callback or a domain with an 'error' listener would take it.
let domainCaptures = false;
let shouldAbort = true;

function updateAbortToggle() {
  const value = captureCallback === null && !domainCaptures;
  if (value === shouldAbort) return;
  shouldAbort = value;
  setShouldAbortOnUncaught(value);
}

// node:domain says whether a domain would take an uncaught exception now.
function setDomainCaptures(value) {
  domainCaptures = value;
  updateAbortToggle();
}

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    updateAbortToggle();
    return;
  }
  require('internal/validators').validateFunction(fn, 'fn');
  if (captureCallback !== null) {
    throw new (require('internal/errors').codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET)();
  }
  captureCallback = fn;
  updateAbortToggle();
}

// node:domain's router, set when it loads: it hands an uncaught exception to the active
// domain and returns whether a domain took it.
let domainErrorHandler = null;

function setDomainErrorHandler(fn) {
  domainErrorHandler = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

function noop() {}

// The callback that threw skipped the tick queue (as Node does); an immediate makes sure
// the loop comes back to drain it.
function handled() {
  require('timers').setImmediate(noop);
  return true;
}

function onUncaughtException(error, fromPromise) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', error, origin);
  if (captureCallback !== null) {
    captureCallback(error);
    return handled();
  }
  if (domainErrorHandler !== null && domainErrorHandler(error)) return handled();
  if (process.emit('uncaughtException', error, origin)) return handled();
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    // The error being reported matters more than one thrown by an 'exit' listener.
  }
  return false;
}

function isErrorLike(value) {
  return value instanceof Error ||
    (typeof value === 'object' && value !== null && typeof value.stack === 'string');
}

// [text before the source context, text after it], as Node lays out a fatal report.
onUncaughtException.format = function format(error) {
  const { inspect } = require('internal/util/inspect');
  if (isErrorLike(error)) return ['', `\n${inspect(error)}`];
  if (typeof error === 'object' && error !== null) return ['\n', inspect(error)];
  const text = typeof error === 'string' ? error : inspect(error);
  return ['\n', `${text}\n(Use \`node --trace-uncaught ...\` to show where the exception ` +
    'was thrown)'];
};

// C++ calls process._fatalException, which scripts may replace (as in Node); one that
// is no function makes the process print the error and exit with code 6.
function callFatalException(error, fromPromise) {
  const handler = process._fatalException;
  if (typeof handler !== 'function') {
    process.exitCode = 6;
    return false;
  }
  return handler(error, fromPromise);
}
callFatalException.format = onUncaughtException.format;

function setupUncaughtExceptionHandling() {
  process._fatalException = onUncaughtException;
  setFatalExceptionHandler(callFatalException);
  process.setUncaughtExceptionCaptureCallback = setUncaughtExceptionCaptureCallback;
  process.hasUncaughtExceptionCaptureCallback = hasUncaughtExceptionCaptureCallback;
}

module.exports = { setupUncaughtExceptionHandling, setDomainErrorHandler, setDomainCaptures };
