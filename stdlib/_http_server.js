'use strict';
// Node's legacy module id for http.Server and ServerResponse (internal/http/server).
const server = require('internal/http/server');
const timeouts = require('internal/http/server_timeouts');

module.exports = {
  STATUS_CODES: server.STATUS_CODES,
  Server: server.Server,
  ServerResponse: server.ServerResponse,
  setupConnectionsTracking: timeouts.setupConnectionsTracking,
  httpServerPreClose: timeouts.httpServerPreClose,
  _connectionListener: server._connectionListener,
  kServerResponse: server.kServerResponse,
  kConnectionsCheckingInterval: timeouts.kConnectionsCheckingInterval,
};
