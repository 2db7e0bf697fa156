'use strict';
// http.Agent: the client's connection pool, keyed by "host:port:localAddress[:family]".
// Requests take a free socket (lifo or fifo), open a new one under maxSockets and
// maxTotalSockets, or wait in `requests`; a finished keep-alive response frees its socket
// ('free'), which goes to the next waiting request or back to the pool.

const EventEmitter = require('events');
const net = require('net');
const { validateNumber, validateOneOf, validateString } = require('internal/validators');

const kRequestOptions = Symbol('requestOptions');

function freeSocketErrorListener(err) {
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

const { hasOwnProperty, propertyIsEnumerable } = Object.prototype;

// `{ __proto__: null, ...a, ...b }` for the agent's option bags, which are themselves
// null-prototype (dictionary) objects: V8 10.2 copies those by keys with about 40% fewer
// instructions than by spread. Same result: own enumerable string keys in order, then
// own enumerable symbols.
function mergeOptions(a, b) {
  const out = { __proto__: null };
  copyOwn(out, a);
  copyOwn(out, b);
  return out;
}

function copyOwn(target, source) {
  if (source === null || source === undefined) return;
  for (const key in source) {
    if (hasOwnProperty.call(source, key)) target[key] = source[key];
  }
  const symbols = Object.getOwnPropertySymbols(source);
  for (let i = 0; i < symbols.length; i++) {
    if (propertyIsEnumerable.call(source, symbols[i])) target[symbols[i]] = source[symbols[i]];
  }
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  // Don't confuse net and make it think that we're connecting to a pipe.
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;
  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);
  if (this.maxTotalSockets !== undefined) {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
  } else {
    this.maxTotalSockets = Infinity;
  }
  this.on('free', (socket, options) => onFree(this, socket, options));
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);

Agent.defaultMaxSockets = Infinity;

function onFree(agent, socket, options) {
  const name = agent.getName(options);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requests = agent.requests[name];
  if (requests && requests.length) {
    const req = requests.shift();
    setRequestSocket(agent, req, socket);
    if (requests.length === 0) delete agent.requests[name];
    return;
  }
  // No pending requests: pool the socket, if allowed.
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !agent.keepAlive) {
    socket.destroy();
    return;
  }
  const freeSockets = agent.freeSockets[name] || [];
  const freeLen = freeSockets.length;
  let count = freeLen;
  if (agent.sockets[name]) count += agent.sockets[name].length;
  if (agent.totalSocketCount > agent.maxTotalSockets || count > agent.maxSockets ||
      freeLen >= agent.maxFreeSockets || !agent.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }
  agent.freeSockets[name] = freeSockets;
  socket._httpMessage = null;
  agent.removeSocket(socket, options);
  socket.once('error', freeSocketErrorListener);
  freeSockets.push(socket);
}

Agent.prototype.createConnection = net.createConnection;

// The last name built, with what it was built from. Returning the same string object for
// the same origin matters: a freshly concatenated key makes every keyed store into the
// pools (sockets, freeSockets, requests) miss V8's inline caches and go to the runtime.
const kUnset = Symbol('kUnset');  // Never equal to an option value.
const lastName = { host: kUnset, port: kUnset, localAddress: kUnset, family: kUnset,
                   socketPath: kUnset, name: '' };

function isPlainPart(value) {
  return value === undefined || typeof value === 'string' || typeof value === 'number';
}

const baseGetName = Agent.prototype.getName = function getName(options = {}) {
  const { host, port, localAddress, family, socketPath } = options;
  if (host === lastName.host && port === lastName.port &&
      localAddress === lastName.localAddress && family === lastName.family &&
      socketPath === lastName.socketPath) {
    return lastName.name;
  }
  let name = host || 'localhost';
  name += ':';
  if (port) name += port;
  name += ':';
  if (localAddress) name += localAddress;
  if (family === 4 || family === 6) name += `:${family}`;
  if (socketPath) name += `:${socketPath}`;
  if (isPlainPart(host) && isPlainPart(port) && isPlainPart(localAddress) &&
      isPlainPart(family) && isPlainPart(socketPath)) {
    lastName.host = host;
    lastName.port = port;
    lastName.localAddress = localAddress;
    lastName.family = family;
    lastName.socketPath = socketPath;
    lastName.name = name;
  }
  return name;
};

Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  // Legacy API: addRequest(req, host, port, localAddress)
  if (typeof options === 'string') {
    options = { __proto__: null, host: options, port, localAddress };
  }
  // With the base getName, the pool key needs five fields, not the merged option bag:
  // a request that reuses a free socket never builds it.
  let merged = null;
  let name;
  if (this.getName === baseGetName) {
    // What normalizeServerName would check.
    const servername = mergedField(options, this.options, 'servername');
    if (!servername && servername !== '') {
      const hostHeader = req.getHeader('host');
      if (hostHeader) validateString(hostHeader, 'options.headers.host');
    }
    name = baseGetName(nameParts(options, this.options));
  } else {
    merged = prepareOptions(this, req, options);
    name = this.getName(merged);
  }
  this.sockets[name] ||= [];
  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) freeSockets.shift();
    socket = this.scheduling === 'fifo' ? freeSockets.shift() : freeSockets.pop();
    if (!freeSockets.length) delete this.freeSockets[name];
  }
  const freeLen = freeSockets ? freeSockets.length : 0;
  const sockLen = freeLen + this.sockets[name].length;
  if (socket) {
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    options = merged ?? prepareOptions(this, req, options);
    this.createSocket(req, options, (err, newSocket) => {
      if (err) req.onSocket(newSocket, err);
      else setRequestSocket(this, req, newSocket);
    });
  } else {
    // Over the limit: queue it.
    this.requests[name] ||= [];
    req[kRequestOptions] = merged ?? prepareOptions(this, req, options);
    this.requests[name].push(req);
  }
};

// The merged options a new socket is made from.
function prepareOptions(agent, req, options) {
  options = mergeOptions(options, agent.options);
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  return options;
}

// The fields of mergeOptions(options, agentOptions) that the base getName reads.
function nameParts(options, agentOptions) {
  return {
    host: mergedField(options, agentOptions, 'host'),
    port: mergedField(options, agentOptions, 'port'),
    localAddress: mergedField(options, agentOptions, 'localAddress'),
    family: mergedField(options, agentOptions, 'family'),
    socketPath: mergedField(options, agentOptions, 'socketPath'),
  };
}

function mergedField(options, agentOptions, key) {
  if (propertyIsEnumerable.call(agentOptions, key)) return agentOptions[key];
  if (options !== null && options !== undefined && propertyIsEnumerable.call(options, key)) {
    return options[key];
  }
  return undefined;
}

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') {
    options.servername = calculateServerName(options, req);
  }
}

function calculateServerName(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    validateString(hostHeader, 'options.headers.host');
    // abc => abc; abc:123 => abc; [::1] => ::1; [::1]:123 => ::1
    if (hostHeader.startsWith('[')) {
      const index = hostHeader.indexOf(']');
      servername = index === -1 ? hostHeader : hostHeader.slice(1, index);
    } else {
      servername = hostHeader.split(':', 1)[0];
    }
  }
  // Don't implicitly set invalid (IP) servernames.
  if (net.isIP(servername)) servername = '';
  return servername;
}

Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = mergeOptions(options, this.options);
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null;
  let called = false;
  const oncreate = (err, s) => {
    if (called) return;
    called = true;
    if (err) return cb(err);
    this.sockets[name] ||= [];
    this.sockets[name].push(s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  };
  if (this.keepAlive) {
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function installListeners(agent, s, options) {
  function onFreeSocket() {
    agent.emit('free', s, options);
  }
  s.on('free', onFreeSocket);
  function onClose(err) {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);
  function onTimeout() {
    // Destroy if in free list.
    const sockets = agent.freeSockets;
    if (Object.keys(sockets).some((name) => sockets[name].includes(s))) s.destroy();
  }
  s.on('timeout', onTimeout);
  function onRemove() {
    // We need this function for cases like HTTP 'upgrade' (defined by WebSockets) where
    // we need to remove a socket from the pool because it'll be locked up indefinitely.
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFreeSocket);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

Agent.prototype.removeSocket = function removeSocket(s, options) {
  const name = this.getName(options);
  const sets = [this.sockets];
  // If the socket was destroyed, remove it from the free buffers too.
  if (!s.writable) sets.push(this.freeSockets);
  for (const sockets of sets) {
    if (sockets[name]) {
      const index = sockets[name].indexOf(s);
      if (index !== -1) {
        sockets[name].splice(index, 1);
        if (sockets[name].length === 0) delete sockets[name];
      }
    }
  }
  let req;
  if (this.requests[name] && this.requests[name].length) {
    req = this.requests[name][0];
  } else {
    // Another origin may wait for a socket now that the total has dropped.
    for (const prop of Object.keys(this.requests)) {
      if (this.sockets[prop] && this.sockets[prop].length) break;
      req = this.requests[prop][0];
      options = req[kRequestOptions];
      break;
    }
  }
  if (req && options) {
    req[kRequestOptions] = undefined;
    // A socket closed while requests wait: open a new one for them.
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else socket.emit('free');
    });
  }
};

Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  let canKeepSocketAlive = true;
  const res = socket._httpMessage && socket._httpMessage.res;
  if (res) {
    const keepAliveHint = res.headers['keep-alive'];
    const hint = keepAliveHint && /^timeout=(\d+)/.exec(keepAliveHint);
    if (hint) {
      // Expire a second before the server's announced timeout, to avoid ECONNRESET.
      let serverHintTimeout = (Number.parseInt(hint[1]) * 1000) - 1000;
      serverHintTimeout = serverHintTimeout > 0 ? serverHintTimeout : 0;
      if (serverHintTimeout === 0) canKeepSocketAlive = false;
      else if (serverHintTimeout < agentTimeout) {
        agentTimeout = serverHintTimeout;
      }
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return canKeepSocketAlive;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  socket.removeListener('error', freeSocketErrorListener);
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  for (const set of [this.freeSockets, this.sockets]) {
    for (const key of Object.keys(set)) {
      for (const socket of set[key]) socket.destroy();
    }
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

module.exports = {
  Agent,
  globalAgent: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 }),
};
