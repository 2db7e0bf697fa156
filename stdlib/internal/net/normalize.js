'use strict';
// Argument handling shared by net.connect, Socket#connect and Server#listen: the
// (port, host, cb) / (path, cb) / (options, cb) forms, and port validation.

const { codes: { ERR_SOCKET_BAD_PORT } } = require('internal/errors');

const kNormalizedArgs = Symbol('normalizedArgs');

function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// Returns [options, callbackOrNull], marked so that it is not normalized twice.
function normalizeArgs(args) {
  let result;
  if (args.length === 0) {
    result = [{}, null];
  } else {
    const arg0 = args[0];
    let options = {};
    if (typeof arg0 === 'object' && arg0 !== null) {
      options = arg0;
    } else if (isPipeName(arg0)) {
      options.path = arg0;
    } else {
      options.port = arg0;
      if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
    }
    const cb = args[args.length - 1];
    result = [options, typeof cb === 'function' ? cb : null];
  }
  result[kNormalizedArgs] = true;
  return result;
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

module.exports = { kNormalizedArgs, normalizeArgs, isPipeName, toNumber, validatePort };
