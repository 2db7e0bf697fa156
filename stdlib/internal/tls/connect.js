'use strict';
// tls.connect(): a client TLSSocket over a new or given socket.

const assert = require('assert');
const net = require('net');
const { convertALPNProtocols } = require('internal/tls/common');
const { TLSSocket, kRaw } = require('internal/tls/socket');
const { isIP } = require('internal/net/is_ip');

function normalizeConnectArgs(args) {
  const [options, cb] = net._normalizeArgs ? net._normalizeArgs(args) : normalize(args);
  if (args[1] !== null && typeof args[1] === 'object') Object.assign(options, args[1]);
  else if (args[2] !== null && typeof args[2] === 'object') Object.assign(options, args[2]);
  return [options, cb];
}

function normalize(args) {
  let options = {};
  let cb = null;
  const last = args[args.length - 1];
  if (typeof last === 'function') cb = last;
  if (args[0] !== null && typeof args[0] === 'object') {
    options = { ...args[0] };
  } else {
    options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
  }
  return [options, cb];
}

let ipServernameWarned = false;

function connect(...args) {
  const [opts, cb] = normalizeConnectArgs(args);
  const options = {
    rejectUnauthorized: !process.env.NODE_TLS_REJECT_UNAUTHORIZED ||
      process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0',
    ciphers: require('tls').DEFAULT_CIPHERS,
    minDHSize: 1024,
    ...opts,
  };
  if (options.ALPNProtocols) convertALPNProtocols(options.ALPNProtocols, options);
  assert(typeof options.minDHSize === 'number',
         'options.minDHSize is not a number: ' + options.minDHSize);
  assert(options.minDHSize > 0,
         'options.minDHSize is not a positive number: ' + options.minDHSize);
  if (options.servername === undefined) {
    const host = options.host || (options.socket ? options.socket._host : undefined) ||
      'localhost';
    if (host && !isIP(host)) options.servername = host;
  } else if (options.servername === '') {
    delete options.servername;
  } else if (isIP(options.servername) && !ipServernameWarned) {
    ipServernameWarned = true;
    process.emitWarning('Setting the TLS ServerName to an IP address is not permitted by ' +
      'RFC 6066. This will be ignored in a future version.', 'DeprecationWarning', 'DEP0123');
  }
  // Through the module's export, so that a replaced tls.createSecureContext is used.
  const secureContext = options.secureContext || require('tls').createSecureContext(options);
  const socket = new TLSSocket(options.socket, { ...options, secureContext, isServer: false });
  if (options.timeout) socket.setTimeout(options.timeout);
  if (options.session) socket.setSession(options.session);
  socket.ssl.enableKeylog();  // A 'keylog' listener may be added after connect() returns.
  if (cb) socket.once('secureConnect', cb);
  if (!options.socket) {
    const raw = socket[kRaw];
    const connectOpt = {
      port: options.port, host: options.host, path: options.path, family: options.family,
      localAddress: options.localAddress, localPort: options.localPort,
      lookup: options.lookup, autoSelectFamily: options.autoSelectFamily, hints: options.hints,
      autoSelectFamilyAttemptTimeout: options.autoSelectFamilyAttemptTimeout,
    };
    for (const k of Object.keys(connectOpt)) if (connectOpt[k] === undefined) delete connectOpt[k];
    socket.connecting = true;
    raw.connect(connectOpt);
  }
  socket._start();
  return socket;
}

module.exports = { connect };
