'use strict';
// node:https — http over tls: Server is a tls.Server whose secure sockets go to http's
// connection handler; Agent is http's Agent connecting with tls.connect and reusing TLS
// sessions per host.

const tls = require('tls');
const http = require('http');
const { initTlsServer } = require('internal/tls/server');
const { ClientRequest } = require('internal/http/client');
const { Agent: HttpAgent } = require('internal/http/agent');
const { validateObject } = require('internal/validators');

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  // http.Server sets up the HTTP state and listens for 'connection'; its handler must
  // see the secure sockets instead. It checks `this instanceof http.Server`, so this
  // object wears http.Server's prototype for the duration of the call.
  Object.setPrototypeOf(this, http.Server.prototype);
  http.Server.call(this, opts, requestListener);
  Object.setPrototypeOf(this, new.target ? new.target.prototype : Server.prototype);
  this.removeListener('connection', http._connectionListener);
  initTlsServer(this, opts);
  this.on('secureConnection', http._connectionListener);
  this.timeout = 0;
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);
for (const name of ['close', 'closeAllConnections', 'closeIdleConnections', 'setTimeout',
  Symbol.asyncDispose, Symbol.for('nodejs.rejection')]) {
  if (http.Server.prototype[name]) Server.prototype[name] = http.Server.prototype[name];
}

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  options = { ...options };
  if (!options.ALPNProtocols) options.ALPNProtocols = ['http/1.1'];
  if (options._agentKey) {
    const session = this._getSession(options._agentKey);
    if (session) options = { session, ...options };
  }
  const socket = tls.connect(options);
  if (options._agentKey) {
    socket.on('session', (session) => this._cacheSession(options._agentKey, session));
    socket.once('close', (err) => { if (err) this._evictSession(options._agentKey); });
  }
  return socket;
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions ?? 100;
  this._sessionCache = { map: { __proto__: null }, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);
Agent.prototype.createConnection = createConnection;

const kNameOptions = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx',
  'rejectUnauthorized', 'servername', 'minVersion', 'maxVersion', 'secureProtocol',
  'crl', 'honorCipherOrder', 'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext',
  'sigalgs', 'privateKeyEngine', 'privateKeyIdentifier'];
// As in Node, these three count whenever they are given (false and 0 included); the
// others only when truthy.
const kNameWhenDefined = kNameOptions.map((key) =>
  key === 'rejectUnauthorized' || key === 'honorCipherOrder' || key === 'secureOptions');

// As http's getName, the last key built is kept with what it was built from, so that
// requests to the same origin with the same TLS options get the very same string and
// the pool stores keyed by it stay on V8's fast paths. Only primitive option values are
// remembered: a Buffer or array (ca, cert, key) could change in place.
const kUnset = Symbol('kUnset');  // Never equal to an option value.
const lastName = { base: kUnset, host: kUnset, name: '' };
for (const key of kNameOptions) lastName[key] = kUnset;

// Whether options hold the TLS values of the last key. Named loads, not options[key] in
// a loop: each stays a monomorphic inline cache, where keyed loads by a changing name
// would all go through the megamorphic stub cache.
function sameTlsOptions(o, last) {
  return o.ca === last.ca && o.cert === last.cert &&
    o.clientCertEngine === last.clientCertEngine && o.ciphers === last.ciphers &&
    o.key === last.key && o.pfx === last.pfx &&
    o.rejectUnauthorized === last.rejectUnauthorized && o.servername === last.servername &&
    o.minVersion === last.minVersion && o.maxVersion === last.maxVersion &&
    o.secureProtocol === last.secureProtocol && o.crl === last.crl &&
    o.honorCipherOrder === last.honorCipherOrder && o.ecdhCurve === last.ecdhCurve &&
    o.dhparam === last.dhparam && o.secureOptions === last.secureOptions &&
    o.sessionIdContext === last.sessionIdContext && o.sigalgs === last.sigalgs &&
    o.privateKeyEngine === last.privateKeyEngine &&
    o.privateKeyIdentifier === last.privateKeyIdentifier;
}

function isPrimitive(value) {
  return value === undefined || value === null || typeof value === 'string' ||
    typeof value === 'number' || typeof value === 'boolean';
}

Agent.prototype.getName = function getName(options = {}) {
  const base = HttpAgent.prototype.getName.call(this, options);
  if (base === lastName.base && options.host === lastName.host &&
      sameTlsOptions(options, lastName)) {
    return lastName.name;
  }
  let name = base;
  let plain = isPrimitive(options.host);
  for (let i = 0; i < kNameOptions.length; i++) {
    const key = kNameOptions[i];
    const value = options[key];
    if (plain && !isPrimitive(value)) plain = false;
    name += ':';
    // A servername that only repeats the host adds nothing to the key, as in Node.
    if (key === 'servername' && value === options.host) continue;
    if (kNameWhenDefined[i] ? value !== undefined : value) name += value;
  }
  if (plain) {
    for (const key of kNameOptions) lastName[key] = options[key];
    lastName.base = base;
    lastName.host = options.host;
    lastName.name = name;
  }
  return name;
};

Agent.prototype._getSession = function(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key] === undefined) {
    if (cache.list.length >= this.maxCachedSessions) delete cache.map[cache.list.shift()];
    cache.list.push(key);
  }
  cache.map[key] = session;
};

Agent.prototype._evictSession = function(key) {
  const cache = this._sessionCache;
  const index = cache.list.indexOf(key);
  if (index === -1) return;
  cache.list.splice(index, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

function request(...args) {
  let options = {};
  if (typeof args[0] === 'string' || args[0] instanceof URL) {
    const url = typeof args[0] === 'string' ? new URL(args[0]) : args[0];
    options = require('url').urlToHttpOptions(url);
    args.shift();
  }
  if (args[0] && typeof args[0] === 'object') options = { ...options, ...args.shift() };
  options._defaultAgent = module.exports.globalAgent;
  return new ClientRequest(options, ...args);
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = { Agent, globalAgent, Server, createServer, get, request };
