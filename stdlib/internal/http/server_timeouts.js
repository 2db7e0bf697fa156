'use strict';
// The http.Server's view of its connections: headersTimeout and requestTimeout checked
// every connectionsCheckingInterval (a slow sender gets 408 and is closed), and
// closeIdleConnections/closeAllConnections. A connection is "active" from the first
// byte of a request (or from accept) until that request has been parsed completely.
// Differs from Node 20: Node keeps this list in C++ (ConnectionsList); here it is a Set
// of sockets, and each parser knows its own message's age (activeAge(), -1 between
// messages) and whether its head is complete (headersCompleted()).

const {
  codes: { ERR_HTTP_REQUEST_TIMEOUT },
} = require('internal/errors');

const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval = Symbol('http.server.connectionsCheckingInterval');

function checkConnections() {
  const { headersTimeout, requestTimeout } = this;
  if (headersTimeout === 0 && requestTimeout === 0) return;
  const expired = [];
  for (const socket of this[kConnections]) {
    const parser = socket.parser;
    if (!parser) continue;
    const elapsed = parser.activeAge();
    if (elapsed < 0) continue;
    if ((headersTimeout > 0 && !parser.headersCompleted() && elapsed > headersTimeout) ||
        (requestTimeout > 0 && elapsed > requestTimeout)) {
      expired.push(socket);
    }
  }
  const { socketOnError } = require('internal/http/server');
  for (const socket of expired) {
    socket.parser.setActive(false);
    socketOnError.call(socket, new ERR_HTTP_REQUEST_TIMEOUT());
  }
}

function setupConnectionsTracking() {
  if (this[kConnectionsCheckingInterval]) clearInterval(this[kConnectionsCheckingInterval]);
  // The check runs on an interval even when the server is idle; unref'd so it keeps no
  // process alive.
  this[kConnectionsCheckingInterval] =
    setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
}

function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

function closeAllConnections(server) {
  if (!server[kConnections]) return;
  for (const socket of Array.from(server[kConnections])) socket.destroy();
}

function closeIdleConnections(server) {
  if (!server[kConnections]) return;
  for (const socket of Array.from(server[kConnections])) {
    const parser = socket.parser;
    if (parser && parser.activeAge() >= 0) continue;
    const msg = socket._httpMessage;
    if (msg && !msg.finished) continue;
    socket.destroy();
  }
}

module.exports = {
  kConnections,
  kConnectionsCheckingInterval,
  setupConnectionsTracking,
  httpServerPreClose,
  closeAllConnections,
  closeIdleConnections,
};
