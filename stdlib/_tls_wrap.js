'use strict';
// node:_tls_wrap — the legacy module name for node:tls's socket and server classes.
// Node 20 loads it without a warning.

const tls = require('tls');

module.exports = {
  TLSSocket: tls.TLSSocket,
  Server: tls.Server,
  createServer: tls.createServer,
  connect: tls.connect,
};
