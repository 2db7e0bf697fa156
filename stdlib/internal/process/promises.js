'use strict';
// Unhandled promise rejections. V8 reports each rejection without a handler (and each
// handler added later); after the microtask queue drains, the ones still unhandled are
// emitted as 'unhandledRejection' and, with no listener, handled per
// --unhandled-rejections (Node 20's default mode is "throw").

const {
  tickInfo,
  setPromiseRejectCallback,
  promiseRejectEvents: {
    kPromiseRejectWithNoHandler,
    kPromiseHandlerAddedAfterReject,
  },
} = internalBinding('task_queue');
const { triggerUncaughtException } = internalBinding('errors');

const kHasRejectionToWarn = 1;

// promise -> { reason, warned }, while it has no handler.
const unhandled = new WeakMap();
// Rejected promises not yet looked at after a microtask drain, in order.
let pending = [];
// Promises that got a handler after 'unhandledRejection' was emitted for them.
let handledLate = [];

function onPromiseReject(type, promise, reason) {
  if (type === kPromiseRejectWithNoHandler) {
    // A rejection made inside a node:domain goes to that domain's 'error' event.
    unhandled.set(promise, { reason, warned: false, domain: process.domain });
    pending.push(promise);
    tickInfo[kHasRejectionToWarn] = 1;
  } else if (type === kPromiseHandlerAddedAfterReject) {
    const info = unhandled.get(promise);
    if (info === undefined) return;
    unhandled.delete(promise);
    if (info.warned) {
      handledLate.push(promise);
      tickInfo[kHasRejectionToWarn] = 1;
    }
  }
}

function isErrorLike(value) {
  return typeof value === 'object' && value !== null &&
    Object.prototype.hasOwnProperty.call(value, 'stack');
}

// What a non-Error rejection reason is wrapped in, as Node 20 names and words it.
class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a ' +
      'catch block, or by rejecting a promise which was not handled with .catch(). The ' +
      `promise rejected with the reason "${reason}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  value: 'UnhandledPromiseRejection', configurable: true, writable: true,
});

function reasonText(reason) {
  try {
    const { inspect } = require('internal/util/inspect');
    return typeof reason === 'string' ? reason : inspect(reason);
  } catch {
    return String(reason);
  }
}

// The two warnings Node 20 prints per rejection in the warn modes: the reason itself
// (its stack when it has one), then the generic note.
function warnUnhandled(reason) {
  try {
    process.emitWarning(isErrorLike(reason) ? reason.stack : reasonText(reason),
                        'UnhandledPromiseRejectionWarning');
  } catch {
    // A reason whose stack or inspection throws still gets the note below.
  }
  const warning = new Error('Unhandled promise rejection. This error originated either by ' +
    'throwing inside of an async function without a catch block, or by rejecting a ' +
    'promise which was not handled with .catch().');
  warning.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(warning);
}

function reportUnhandled(promise, reason) {
  const mode = internalBinding('options').unhandledRejections || 'throw';
  const handled = process.emit('unhandledRejection', reason, promise);
  if (mode === 'warn') {
    // "warn" warns whether or not a listener handled it.
    warnUnhandled(reason);
    return;
  }
  if (handled || mode === 'none') return;
  if (mode === 'warn-with-error-code') {
    warnUnhandled(reason);
    process.exitCode = 1;
    return;
  }
  const err = isErrorLike(reason) ? reason : new UnhandledPromiseRejection(reasonText(reason));
  triggerUncaughtException(err, true /* fromPromise */);
}

// Returns whether anything ran that may have queued ticks or microtasks.
function processPromiseRejections() {
  let ranSomething = handledLate.length > 0;
  const late = handledLate;
  handledLate = [];
  for (const promise of late) process.emit('rejectionHandled', promise);

  const batch = pending;
  pending = [];
  for (const promise of batch) {
    const info = unhandled.get(promise);
    if (info === undefined) continue;
    info.warned = true;
    if (info.domain != null) info.domain.emit('error', info.reason);
    else reportUnhandled(promise, info.reason);
    ranSomething = true;
  }
  return ranSomething || pending.length > 0;
}

function setupPromiseRejectTracking() {
  setPromiseRejectCallback(onPromiseReject);
}

module.exports = { processPromiseRejections, setupPromiseRejectTracking };
