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

// util.promisify(setTimeout) and util.promisify(setImmediate) are timers/promises' forms,
// loaded when first asked for.
for (const [fn, name] of [[setTimeout, 'setTimeout'], [setImmediate, 'setImmediate']]) {
  Object.defineProperty(fn, Symbol.for('nodejs.util.promisify.custom'), {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return require('timers/promises')[name]; },
  });
}

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  setImmediate,
  clearImmediate,
};

// The deprecated object-timer API, warning once per function as Node does. Loaded on
// first use: node:util is not needed to boot.
let legacy;
function legacyApi() {
  if (legacy === undefined) {
    const { deprecate } = require('util');
    const impl = require('internal/timers/legacy');
    legacy = {
      enroll: deprecate(impl.enroll,
                        'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
      unenroll: deprecate(impl.unenroll,
                          'timers.unenroll() is deprecated. Please use clearTimeout instead.',
                          'DEP0096'),
      active: deprecate(impl.active,
                        'timers.active() is deprecated. Please use timeout.refresh() instead.',
                        'DEP0126'),
      _unrefActive: deprecate(impl._unrefActive, 'timers._unrefActive() is deprecated. ' +
                              'Please use timeout.refresh() instead.', 'DEP0127'),
    };
  }
  return legacy;
}
module.exports.enroll = function enroll(item, msecs) { legacyApi().enroll(item, msecs); };
module.exports.unenroll = function unenroll(item) { legacyApi().unenroll(item); };
module.exports.active = function active(item) { legacyApi().active(item); };
module.exports._unrefActive = function _unrefActive(item) { legacyApi()._unrefActive(item); };

Object.defineProperty(module.exports, 'promises', {
  get() { return require('timers/promises'); },
  enumerable: true,
  configurable: true,
});
