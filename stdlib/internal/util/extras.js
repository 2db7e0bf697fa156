'use strict';
// The smaller members of node:util: styleText, toUSVString, aborted, the transferable
// abort helpers, system error names, util.log and the deprecated is* predicates.

const { inspect, format } = require('internal/util/inspect');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const { validateAbortSignal, validateNumber, validateString } = require('internal/validators');

/**
 * Wraps `text` in the ANSI escape codes of `format` (a key of util.inspect.colors).
 * @param {string} format
 * @param {string} text
 * @returns {string}
 */
function styleText(format, text) {
  validateString(text, 'text');
  const codes = Object.prototype.hasOwnProperty.call(inspect.colors, format) ?
    inspect.colors[format] : undefined;
  if (codes === undefined) {
    throw new ERR_INVALID_ARG_VALUE('format', format,
                                    `must be one of: ${Object.keys(inspect.colors).join(', ')}`);
  }
  return `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m`;
}

const kLoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** @returns {string} `input` with lone surrogates replaced by U+FFFD */
function toUSVString(input) {
  return `${input}`.replace(kLoneSurrogate, '\uFFFD');
}

/**
 * A promise fulfilled when `signal` aborts, as long as `resource` is still alive.
 * @param {AbortSignal} signal
 * @param {object} resource
 * @returns {Promise<void>}
 */
async function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  if (signal.aborted) return;
  const ref = new WeakRef(resource);
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => {
      if (ref.deref() !== undefined) resolve();
    }, { once: true });
  });
}

function transferableAbortSignal(signal) {
  const { AbortSignal } = require('internal/abort_controller');
  if (!(signal instanceof AbortSignal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  // Differs from Node 20: there is no MessagePort to transfer the signal over yet.
  return signal;
}

function transferableAbortController() {
  const { AbortController } = require('internal/abort_controller');
  return new AbortController();
}

/** @returns {string} the libuv error name of a negative errno, e.g. 'ENOENT' */
function getSystemErrorName(err) {
  validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  return internalBinding('uv').errname(err);
}

let errorMap;
/** @returns {Map<number, [string, string]>} errno -> [name, message] */
function getSystemErrorMap() {
  if (errorMap === undefined) {
    const { errname, strerror } = internalBinding('uv');
    errorMap = new Map();
    for (let code = -1; code >= -4095; code--) {
      const name = errname(code);
      if (!name.startsWith('Unknown system error')) errorMap.set(code, [name, strerror(code)]);
    }
  }
  return errorMap;
}

const kMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
  'Dec'];
const pad2 = (n) => `${n}`.padStart(2, '0');

/** Logs `format(...args)` to stdout after a '26 Feb 16:19:34 - ' timestamp. */
function log(...args) {
  const d = new Date();
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  console.log('%s - %s', `${d.getDate()} ${kMonths[d.getMonth()]} ${time}`, format(...args));
}

function extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

const isPrimitive = (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
const legacy = {
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => require('buffer').Buffer.isBuffer(arg),
  isFunction: (arg) => typeof arg === 'function',
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg == null,
  isNumber: (arg) => typeof arg === 'number',
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isPrimitive,
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
};

module.exports = {
  styleText,
  toUSVString,
  aborted,
  transferableAbortSignal,
  transferableAbortController,
  getSystemErrorName,
  getSystemErrorMap,
  log,
  extend,
  legacy,
};
