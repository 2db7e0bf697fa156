'use strict';
// node:dgram (nodejs.org/api/dgram.html): UDP sockets over udp_wrap's UDP handle.
// Binding resolves the address first (dns.lookup, or the `lookup` option) and emits
// 'listening'; send() and connect() before bind bind implicitly to port 0 and queue until
// then. Helpers and error codes live in internal/dgram.

const EventEmitter = require('events');
const { UDP, SendWrap, constants: { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR } } =
  internalBinding('udp_wrap');
const {
  kStateSymbol, kOwner, newHandle, bufferSize, sliceBuffer, toBufferList,
} = require('internal/dgram');
const { codes } = require('internal/errors');
const { errnoException, exceptionWithHostPort } = require('internal/net/exceptions');
const { validatePort } = require('internal/net/normalize');
const {
  validateAbortSignal, validateNumber, validateString,
} = require('internal/validators');

const {
  ERR_MISSING_ARGS, ERR_SOCKET_ALREADY_BOUND, ERR_SOCKET_DGRAM_IS_CONNECTED,
  ERR_SOCKET_DGRAM_NOT_CONNECTED, ERR_SOCKET_DGRAM_NOT_RUNNING,
} = codes;

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;
const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

function Socket(type, listener) {
  EventEmitter.call(this);
  let options;
  let lookup;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
  }
  const handle = newHandle(type, lookup);
  handle[kOwner] = this;
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options?.reuseAddr,
    ipv6Only: options?.ipv6Only,
    recvBufferSize: options?.recvBufferSize || undefined,
    sendBufferSize: options?.sendBufferSize || undefined,
  };
  const udpSocketChannel = require('diagnostics_channel').channel('udp.socket');
  if (udpSocketChannel.hasSubscribers) udpSocketChannel.publish({ socket: this });
  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
  socket.emit('listening');
}

function onMessage(nread, handle, buf, rinfo) {
  const self = handle[kOwner];
  if (nread < 0) {
    self.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  const msg = Buffer.from(buf);
  rinfo.size = msg.length;
  self.emit('message', msg, rinfo);
}

Socket.prototype.bind = function(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) throw new ERR_SOCKET_ALREADY_BOUND();
  state.bindState = BIND_STATE_BINDING;

  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    const removeListeners = () => {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    const onListening = () => {
      removeListeners();
      cb.call(this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  // bind(handle): a bound UDP handle received over IPC (child_process, cluster).
  if (port instanceof UDP) {
    bindToHandle(this, port);
    return this;
  }
  if (port !== null && typeof port === 'object' && Number.isInteger(port.fd) && port.fd > 0) {
    const err = state.handle.open(port.fd);
    if (err) throw errnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (lookupError, ip) => {
    if (!state.handle) return;  // Closed in the meantime.
    if (lookupError) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', lookupError);
      return;
    }
    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
    const cluster = require('cluster');
    if (!cluster.isPrimary && !exclusive) {
      // A cluster worker gets the bound handle from the primary.
      const query = { address: ip, port: port || 0, addressType: this.type, fd: -1, flags };
      cluster._getServer(this, query, (errno, handle) => {
        if (!state.handle) {
          if (handle) handle.close();
          return;
        }
        if (errno) {
          state.bindState = BIND_STATE_UNBOUND;
          this.emit('error', exceptionWithHostPort(errno, 'bind', ip, port));
          return;
        }
        bindToHandle(this, handle);
      });
      return;
    }
    const err = state.handle.bind(ip, port || 0, flags);
    if (err) {
      const ex = exceptionWithHostPort(err, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

function bindToHandle(socket, handle) {
  const state = socket[kStateSymbol];
  handle.lookup = state.handle.lookup;
  handle.bind = state.handle.bind;
  handle.connect = state.handle.connect;
  handle[kOwner] = socket;
  state.handle.close();
  state.handle = handle;
  startListening(socket);
}

// Runs `fn` once the implicit bind has finished (dropped if it fails).
function enqueue(socket, fn) {
  const state = socket[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    const onError = () => {
      socket.removeListener('listening', onListening);
      state.queue = undefined;
    };
    const onListening = () => {
      socket.removeListener(EventEmitter.errorMonitor, onError);
      const queue = state.queue;
      state.queue = undefined;
      for (const entry of queue) entry();
    };
    socket.once(EventEmitter.errorMonitor, onError);
    socket.once('listening', onListening);
  }
  state.queue.push(fn);
}

Socket.prototype.connect = function(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) {
    throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => connectAfterBind(this, port, address, callback));
    return;
  }
  connectAfterBind(this, port, address, callback);
};

function connectAfterBind(socket, port, address, callback) {
  const state = socket[kStateSymbol];
  if (callback) socket.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => {
    if (!state.handle) return;
    if (!ex) {
      const err = state.handle.connect(ip, port);
      if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
    }
    if (ex) {
      state.connectState = CONNECT_STATE_DISCONNECTED;
      process.nextTick(() => {
        if (callback) {
          socket.removeListener('connect', callback);
          callback(ex);
        } else {
          socket.emit('error', ex);
        }
      });
      return;
    }
    state.connectState = CONNECT_STATE_CONNECTED;
    process.nextTick(() => socket.emit('connect'));
  });
}

Socket.prototype.disconnect = function() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

Socket.prototype.sendto = function(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  const list = toBufferList(buffer);
  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }
  healthCheck(this);
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, () => this.send(list, port, address, callback));
    return;
  }
  const afterDns = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
  if (connected) afterDns(null, null);
  else state.handle.lookup(address, afterDns);
};

function doSend(ex, socket, ip, list, address, port, callback) {
  const state = socket[kStateSymbol];
  if (ex) {
    if (callback) process.nextTick(callback, ex);
    else process.nextTick(() => socket.emit('error', ex));
    return;
  }
  if (!state.handle) return;
  const req = new SendWrap();
  req.list = list;  // Keeps the bytes alive while the send is pending.
  req.address = address;
  req.port = port;
  if (callback) {
    req.callback = callback;
    req.oncomplete = afterSend;
  }
  const err = port ?
    state.handle.send(req, list, list.length, port, ip) :
    state.handle.send(req, list, list.length);
  if (err >= 1) {  // Sent synchronously: the result is the byte count + 1.
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }
  if (err && callback) {
    process.nextTick(callback, exceptionWithHostPort(err, 'send', address, port));
  }
}

function afterSend(err, sent) {
  this.callback(err ? exceptionWithHostPort(err, 'send', this.address, this.port) : null, sent);
}

Socket.prototype.close = function(callback) {
  const state = this[kStateSymbol];
  if (typeof callback === 'function') this.on('close', callback);
  if (state.queue !== undefined) {
    state.queue.push(() => this.close());
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(() => this.emit('close'));
  return this;
};

Socket.prototype[Symbol.asyncDispose] = function() {
  if (!this[kStateSymbol].handle) return Promise.resolve();
  return new Promise((resolve) => this.close(resolve));
};

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

Socket.prototype.address = function() {
  healthCheck(this);
  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

// A setter over the handle: `syscall` names the method and the error, `convert` checks
// and converts the argument.
function handleSetter(syscall, convert, returnArg) {
  return function(arg) {
    const value = convert(arg);
    const err = this[kStateSymbol].handle[syscall](value);
    if (err) throw errnoException(err, syscall);
    return returnArg ? arg : undefined;
  };
}

const flag = (arg) => (arg ? 1 : 0);
const ttl = (arg) => {
  validateNumber(arg, 'ttl');
  return arg;
};
Socket.prototype.setBroadcast = handleSetter('setBroadcast', flag, false);
Socket.prototype.setTTL = handleSetter('setTTL', ttl, true);
Socket.prototype.setMulticastTTL = handleSetter('setMulticastTTL', ttl, true);
Socket.prototype.setMulticastLoopback = handleSetter('setMulticastLoopback', flag, true);

Socket.prototype.setMulticastInterface = function(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

function membership(method) {
  return function(multicastAddress, interfaceAddress) {
    healthCheck(this);
    if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
    const err = this[kStateSymbol].handle[method](multicastAddress, interfaceAddress);
    if (err) throw errnoException(err, method);
  };
}
Socket.prototype.addMembership = membership('addMembership');
Socket.prototype.dropMembership = membership('dropMembership');

function sourceMembership(method) {
  return function(sourceAddress, groupAddress, interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    const err = this[kStateSymbol].handle[method](sourceAddress, groupAddress,
                                                  interfaceAddress);
    if (err) throw errnoException(err, method);
  };
}
Socket.prototype.addSourceSpecificMembership =
  sourceMembership('addSourceSpecificMembership');
Socket.prototype.dropSourceSpecificMembership =
  sourceMembership('dropSourceSpecificMembership');

Socket.prototype.ref = function() {
  this[kStateSymbol].handle?.ref();
  return this;
};

Socket.prototype.unref = function() {
  this[kStateSymbol].handle?.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function(size) { bufferSize(this, size, true); };
Socket.prototype.setSendBufferSize = function(size) { bufferSize(this, size, false); };
Socket.prototype.getRecvBufferSize = function() { return bufferSize(this, 0, true); };
Socket.prototype.getSendBufferSize = function() { return bufferSize(this, 0, false); };
Socket.prototype.getSendQueueSize = function() {
  return this[kStateSymbol].handle.getSendQueueSize();
};
Socket.prototype.getSendQueueCount = function() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// Legacy accessors and methods, deprecated as in Node (DEP0112), each warning once.
function deprecated(fn, name) {
  let warned = false;
  return function(...args) {
    if (!warned) {
      warned = true;
      process.emitWarning(`Socket.prototype.${name} is deprecated`, 'DeprecationWarning',
                          'DEP0112');
    }
    return fn.apply(this, args);
  };
}
for (const [name, key] of [['_handle', 'handle'], ['_receiving', 'receiving'],
  ['_bindState', 'bindState'], ['_queue', 'queue'], ['_reuseAddr', 'reuseAddr']]) {
  Object.defineProperty(Socket.prototype, name, {
    get: deprecated(function() { return this[kStateSymbol][key]; }, name),
    set: deprecated(function(value) { this[kStateSymbol][key] = value; }, name),
    configurable: true,
  });
}
Socket.prototype._healthCheck = deprecated(function() { healthCheck(this); }, '_healthCheck()');
Socket.prototype._stopReceiving =
  deprecated(function() { stopReceiving(this); }, '_stopReceiving()');

// For cluster: a handle bound outside a Socket (or a negative uv error).
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;
  if (typeof fd === 'number' && fd > 0) {
    err = handle.open(fd);
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = { _createSocketHandle, createSocket, Socket };
