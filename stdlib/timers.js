'use strict';
// node:timers: setTimeout, setInterval, setImmediate and their clear functions.

const {
  Timeout,
  Immediate,
  activate,
  clearTimeoutImpl,
  clearImmediateImpl,
} = require('internal/timers');
const { validateFunction } = require('internal/validators');

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  const timeout = new Timeout(callback, after, args.length === 0 ? undefined : args, false, true);
  activate(timeout);
  return timeout;
}

function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  const timeout = new Timeout(callback, repeat, args.length === 0 ? undefined : args, true, true);
  activate(timeout);
  return timeout;
}

function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args.length === 0 ? undefined : args);
}

function clearTimeout(timer) {
  clearTimeoutImpl(timer);
}

function clearInterval(timer) {
  // Node lets each clear function clear either kind of timer.
  clearTimeoutImpl(timer);
}

function clearImmediate(immediate) {
  clearImmediateImpl(immediate);
}

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
};

Object.defineProperty(module.exports, 'promises', {
  get() { return require('timers/promises'); },
  enumerable: true,
  configurable: true,
});
