'use strict';
// structuredClone(value, options) over the `messaging` binding's serializer, as in Node:
// it detaches the transferred ArrayBuffers and MessagePorts and clones KeyObjects and
// CryptoKeys.

const { DOMException } = require('internal/per_context/domexception');

function typeError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

function structuredClone(value, options = undefined) {
  if (arguments.length === 0) {
    throw typeError('ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  if (options != null) {
    if (typeof options !== 'object') {
      throw typeError('ERR_INVALID_ARG_TYPE',
        'The options argument must be either an object or undefined');
    }
    const { transfer } = options;
    if (transfer != null && (typeof transfer !== 'object' ||
        typeof transfer[Symbol.iterator] !== 'function')) {
      throw typeError('ERR_INVALID_ARG_TYPE',
        'The options.transfer property must be an iterable object');
    }
  }
  const transfer = options?.transfer == null ? [] : [...options.transfer];
  try {
    // The messaging serializer also clones KeyObjects and CryptoKeys (its hooks live in
    // internal/worker/cloneable).
    require('internal/worker/cloneable');
    return internalBinding('messaging').structuredClone(value, transfer);
  } catch (err) {
    if (err?.code === 'ERR_DATA_CLONE') throw new DOMException(err.message, 'DataCloneError');
    throw err;
  }
}

module.exports = { structuredClone };
