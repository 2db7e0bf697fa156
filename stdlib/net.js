'use strict';
// node:net — TCP and Unix-socket streams and servers (internal/net/*), and the address
// helpers.
// TODO(compat): server.listen({ signal }), socket.resetAndDestroy.

const { isIP, isIPv4, isIPv6 } = require('internal/net/is_ip');
const { BlockList, SocketAddress } = require('internal/net/blocklist');
const { normalizeArgs } = require('internal/net/normalize');
const { Socket } = require('internal/net/socket');
const { Server } = require('internal/net/server');
const connectImpl = require('internal/net/connect');

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

let simultaneousAcceptsWarned = false;

// Deprecated (DEP0121) and a no-op outside Windows.
function _setSimultaneousAccepts() {
  if (simultaneousAcceptsWarned) return;
  simultaneousAcceptsWarned = true;
  process.emitWarning('net._setSimultaneousAccepts() is deprecated and will be removed.',
                      'DeprecationWarning', 'DEP0121');
}

module.exports = {
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  BlockList,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  SocketAddress,
  Stream: Socket,
  getDefaultAutoSelectFamily: connectImpl.getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily: connectImpl.setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout: connectImpl.getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout: connectImpl.setDefaultAutoSelectFamilyAttemptTimeout,
};
