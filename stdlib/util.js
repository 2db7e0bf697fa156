'use strict';
// The public `util` module (nodejs.org/api/util.html). The formatting lives in
// internal/util/inspect, deep equality in internal/util/comparisons.

const {
  inspect, format, formatWithOptions, stripVTControlCharacters,
} = require('internal/util/inspect');
const { isDeepStrictEqual } = require('internal/util/comparisons');
const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_FALSY_VALUE_REJECTION } = codes;

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'function', value);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisified = Symbol.for('nodejs.util.promisify.custom');
const { kCustomPromisifyArgs } = require('internal/util/promisify_args');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisified]) {
    const fn = original[kCustomPromisified];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisified, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        if (argNames === undefined) return resolve(values[0]);
        const result = {};
        for (let i = 0; i < argNames.length; i++) result[argNames[i]] = values[i];
        resolve(result);
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisified, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisified;

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection cannot be told apart from success in a callback; wrap it.
  if (!reason) {
    const wrapped = new ERR_FALSY_VALUE_REJECTION();
    wrapped.reason = reason;
    reason = wrapped;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (descriptors.name && typeof descriptors.name.value === 'string') {
    descriptors.name.value += 'Callbackified';
  }
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

const codesWarned = new Set();

function emitDeprecation(msg, code, fn) {
  if (typeof process.emitWarning !== 'function') return;
  if (code !== undefined) process.emitWarning(msg, 'DeprecationWarning', code, fn);
  else process.emitWarning(msg, 'DeprecationWarning', fn);
}

function deprecate(fn, msg, code) {
  if (process.noDeprecation === true) return fn;
  if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code === undefined) {
        emitDeprecation(msg, undefined, deprecated);
      } else if (!codesWarned.has(code)) {
        codesWarned.add(code);
        emitDeprecation(msg, code, deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// NODE_DEBUG=net,http* enables debuglog('net'), debuglog('http2'), ...
let debugPattern;
function debugEnabled(set) {
  if (debugPattern === undefined) {
    const env = (process.env && process.env.NODE_DEBUG) || '';
    const parts = env.split(/[\s,]+/).filter(Boolean).map((p) =>
      p.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*'));
    debugPattern = parts.length ? new RegExp(`^(${parts.join('|')})$`, 'i') : null;
  }
  return debugPattern !== null && debugPattern.test(set);
}

function debuglog(set, cb) {
  let enabled;
  let announced = false;
  const upper = String(set).toUpperCase();
  function isEnabled() {
    if (enabled === undefined) enabled = debugEnabled(set);
    return enabled;
  }
  function logger(...args) {
    if (!isEnabled()) return;
    if (!announced) {
      announced = true;
      if (typeof cb === 'function') cb(logger);
    }
    const msg = formatWithOptions({}, ...args);
    process.stderr.write(`${upper} ${process.pid}: ${msg}\n`);
  }
  Object.defineProperty(logger, 'enabled', {
    get: isEnabled, configurable: true, enumerable: true,
  });
  return logger;
}

const extras = require('internal/util/extras');

let encoding;
const lazyEncoding = () => (encoding ??= require('internal/encoding'));
let mime;
const lazyMime = () => (mime ??= require('internal/util/mime'));

module.exports = {
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  inherits,
  inspect,
  isArray: Array.isArray,
  isDeepStrictEqual,
  promisify,
  stripVTControlCharacters,
  types: require('internal/util/types'),
  parseArgs: require('internal/util/parse_args').parseArgs,
  styleText: extras.styleText,
  toUSVString: extras.toUSVString,
  aborted: extras.aborted,
  transferableAbortSignal: extras.transferableAbortSignal,
  transferableAbortController: extras.transferableAbortController,
  getSystemErrorName: extras.getSystemErrorName,
  getSystemErrorMap: extras.getSystemErrorMap,
  log: extras.log,
  _extend: extras.extend,
  isDate: (arg) => module.exports.types.isDate(arg),
  isRegExp: (arg) => module.exports.types.isRegExp(arg),
  isError: (arg) => module.exports.types.isNativeError(arg) || arg instanceof Error,
  ...extras.legacy,
};

// Loaded on first use, as the globals of the same name are.
for (const [name, load] of [['TextEncoder', lazyEncoding], ['TextDecoder', lazyEncoding],
  ['MIMEType', lazyMime], ['MIMEParams', lazyMime]]) {
  Object.defineProperty(module.exports, name, {
    get() { return load()[name]; },
    set(value) { Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true }); },
    enumerable: true,
    configurable: true,
  });
}
