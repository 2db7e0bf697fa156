'use strict';
// node:cluster in a worker (a process forked with NODE_UNIQUE_ID): cluster.worker wraps
// `process`; net.Server.listen() and dgram bind() ask the primary for their handle
// (_getServer → 'queryServer'). Round-robin answers with no handle: the worker gets a
// stand-in handle whose connections arrive as 'newconn' messages. SCHED_NONE answers
// with the shared listening handle itself.

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const cluster = new EventEmitter();
const handles = new Map();  // key -> the handle a local server listens on
const indexes = new Map();  // address key -> listen count (keeps port-0 listens apart)

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

cluster._setupWorker = function setupWorker() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    if (!worker.exitedAfterDisconnect) {
      // The primary went away or disconnected us without asking: nothing left to do.
      process.exit(0);
    }
  });

  process.on('internalMessage', internal(worker, (message, handle) => {
    if (message.act === 'newconn') onConnection(message, handle);
    else if (message.act === 'disconnect') disconnectWorker.call(worker, true);
  }));

  send({ act: 'online' });
};

// Asks the primary for the handle of `options` ({ address, port, addressType, fd,
// flags, backlog }); `cb(errno, handle)`.
cluster._getServer = function getServer(obj, options, cb) {
  let address = options.address;
  // Unix sockets with relative paths resolve against the worker's cwd.
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = require('path').resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  const index = (indexes.get(indexesKey) ?? -1) + 1;
  indexes.set(indexesKey, index);

  const message = { act: 'queryServer', index, data: null, ...options, address };
  if (typeof obj._getServerData === 'function') message.data = obj._getServerData();

  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
    if (handle) shared(reply, handle, indexesKey, index, cb);
    else roundRobin(reply, indexesKey, index, cb);
  });

  obj.once('listening', () => {
    cluster.worker.state = 'listening';
    const addr = obj.address();
    message.act = 'listening';
    message.port = (addr && addr.port) || options.port;
    send(message);
  });
};

function removeIndexesKey(indexesKey, index) {
  if (index === 0) indexes.delete(indexesKey);
  else indexes.set(indexesKey, index - 1);
}

// SCHED_NONE: listen on the primary's handle; tell the primary when it is closed.
function shared(message, handle, indexesKey, index, cb) {
  const { key } = message;
  const close = handle.close;
  handle.close = function closeShared(...args) {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return Reflect.apply(close, handle, args);
  };
  handles.set(key, handle);
  cb(message.errno, handle);
}

// Round-robin: a stand-in handle; connections come from the primary.
function roundRobin(message, indexesKey, index, cb) {
  if (message.errno) {
    cb(message.errno, null);
    return;
  }
  const { key } = message;
  // Nothing of the stand-in is a libuv handle: while ref'd, a long timer keeps the
  // worker's loop alive the way a listening socket would.
  let keepAlive = setInterval(() => {}, 2 ** 31 - 1);
  const handle = {
    close(onclose) {
      clearInterval(keepAlive);
      keepAlive = null;
      if (!handles.has(key)) return;
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      if (typeof onclose === 'function') process.nextTick(onclose);
    },
    listen() { return 0; },
    ref() { if (keepAlive) keepAlive.ref(); },
    unref() { if (keepAlive) keepAlive.unref(); },
    hasRef() { return keepAlive !== null && keepAlive.hasRef(); },
    getsockname(out) {
      if (message.sockname) Object.assign(out, message.sockname);
      return 0;
    },
  };
  handles.set(key, handle);
  cb(0, handle);
}

// Round-robin: the primary hands us a connection. A server at its maxConnections
// declines it, and the primary offers it to another worker (as in Node).
function onConnection(message, handle) {
  const server = handles.get(message.key);
  let accepted = server !== undefined;
  const owner = accepted ? findOwner(server) : undefined;
  if (owner?.maxConnections != null && owner._connections >= owner.maxConnections) {
    accepted = false;
  }
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else handle.close();
}

// Closes every server, then leaves: primaryInitiated when the primary asked for it.
function disconnectWorker(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const checkDone = () => {
    if (--waiting !== 0) return;
    if (primaryInitiated) process.disconnect();
    else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  };
  for (const handle of [...handles.values()]) {
    waiting++;
    const owner = findOwner(handle);
    if (owner && typeof owner.close === 'function') owner.close(() => checkDone());
    else handle.close(checkDone);
  }
  handles.clear();
  checkDone();
}

// The net.Server (or dgram.Socket) listening on `handle`.
function findOwner(handle) {
  return handle[require('internal/net/socket').kOwner] ??
    handle[require('internal/dgram').kOwner];
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker.call(this, false);
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (!process.connected) {
    process.exit(0);
    return;
  }
  this.state = 'destroying';
  this.exitedAfterDisconnect = true;
  send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  process.once('disconnect', () => process.exit(0));
};

module.exports = cluster;
