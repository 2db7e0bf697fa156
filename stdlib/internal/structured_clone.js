'use strict';
// structuredClone(value, options) over V8's serializer: the `serdes` binding, or with a
// transfer list the `messaging` one (which detaches the transferred ArrayBuffers and
// MessagePorts, as in Node).

const { serialize, deserialize } = internalBinding('serdes');
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
    if (transfer.length > 0) return internalBinding('messaging').structuredClone(value, transfer);
    return deserialize(serialize(value));
  } catch (err) {
    if (err?.code === 'ERR_DATA_CLONE') throw new DOMException(err.message, 'DataCloneError');
    throw err;
  }
}

module.exports = { structuredClone };
