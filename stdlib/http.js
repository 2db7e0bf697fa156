'use strict';
// node:http — HTTP/1.1 server and client. The parts live in internal/http/: common
// (parser callbacks), incoming (IncomingMessage), outgoing (OutgoingMessage),
// server_response, server, server_timeouts, client (ClientRequest) and agent (Agent).

const { methods, parsers } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } =
  require('internal/http/outgoing');
const { Server, ServerResponse, STATUS_CODES, _connectionListener } =
  require('internal/http/server');
const agentModule = require('internal/http/agent');
const { Agent } = agentModule;
const { ClientRequest } = require('internal/http/client');

let maxHeaderSize;

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  _connectionListener,
  METHODS: methods.slice().sort(),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    require('internal/validators').validateInteger(max, 'max', 1);
    parsers.max = max;
  },
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (maxHeaderSize === undefined) {
      const flag = process.execArgv.find((a) => a.startsWith('--max-http-header-size='));
      maxHeaderSize = flag ? Number(flag.split('=')[1]) : 16 * 1024;
    }
    return maxHeaderSize;
  },
});

Object.defineProperty(module.exports, 'globalAgent', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return agentModule.globalAgent; },
  set(value) { agentModule.globalAgent = value; },
});
