'use strict';
// node:net — partial: address helpers and the auto-select-family settings exist; sockets
// and servers do not yet.
// TODO(compat): Socket, Server, connect, createServer over tcp_wrap/pipe_wrap.

const { isIP, isIPv4, isIPv6 } = require('internal/net/is_ip');
const { validateInt32, validateBoolean } = require('internal/validators');
const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

function notImplemented(name) {
  return function () {
    throw new ERR_METHOD_NOT_IMPLEMENTED(`net.${name}()`);
  };
}

module.exports = {
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily() { return autoSelectFamily; },
  setDefaultAutoSelectFamily(value) {
    validateBoolean(value, 'value');
    autoSelectFamily = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout() { return autoSelectFamilyAttemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateInt32(value, 'value', 1);
    // Node rounds values below 10 up to 10.
    autoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
  },
  connect: notImplemented('connect'),
  createConnection: notImplemented('createConnection'),
  createServer: notImplemented('createServer'),
  Server: notImplemented('Server'),
  Socket: notImplemented('Socket'),
};
