'use strict';
// node:timers/promises: promise forms of the timers, cancellable with an AbortSignal, plus
// setInterval as an async iterator and the `scheduler` object.

const timers = require('timers');
const { AbortError } = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
} = require('internal/validators');

const kEmpty = Object.freeze({ __proto__: null });

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

// The checks every function makes; returns { signal, ref }.
function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

// Schedules with `start(callback)`, resolves with `value`; `cancel(handle)` on abort.
function schedule(start, cancel, value, options) {
  let checked;
  try {
    checked = checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref } = checked;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = start(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) handle.unref();
    if (signal) {
      onAbort = () => {
        cancel(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(after, value, options = kEmpty) {
  return schedule((cb) => timers.setTimeout(cb, after), timers.clearTimeout, value, options);
}

function setImmediate(value, options = kEmpty) {
  return schedule((cb) => timers.setImmediate(cb), timers.clearImmediate, value, options);
}

async function* setInterval(after, value, options = kEmpty) {
  const { signal, ref } = checkOptions(options);
  if (signal?.aborted) throw abortError(signal);
  let pending = 0; // ticks not yet yielded
  let wake; // resolves the wait for the next tick
  let aborted = false;
  const interval = timers.setInterval(() => {
    pending++;
    if (wake) wake();
  }, after);
  if (!ref) interval.unref();
  const onAbort = () => {
    aborted = true;
    if (wake) wake();
  };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (true) {
      if (pending === 0 && !aborted) {
        await new Promise((resolve) => { wake = resolve; });
        wake = undefined;
      }
      if (aborted) throw abortError(signal);
      for (; pending > 0; pending--) yield value;
    }
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options = kEmpty) {
    return setTimeout(delay, undefined, options);
  },
  yield() {
    return setImmediate();
  },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
