'use strict';
// node:cluster in the primary process: forks workers (the main script again, with
// NODE_UNIQUE_ID=<id> in their environment), tracks them, and answers their queryServer
// requests with a shared listening handle (handles.js). Scheduling is round-robin unless
// cluster.schedulingPolicy / NODE_CLUSTER_SCHED_POLICY says 'none'; it is frozen by the
// first setupPrimary()/fork().

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');
const { RoundRobinHandle, SharedHandle } = require('internal/cluster/handles');
const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const handles = new Map();  // key -> RoundRobinHandle | SharedHandle
let initialized = false;
let ids = 0;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

const policyFromEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
if (policyFromEnv === 'rr') cluster.schedulingPolicy = SCHED_RR;
else if (policyFromEnv === 'none') cluster.schedulingPolicy = SCHED_NONE;
else cluster.schedulingPolicy = process.platform === 'win32' ? SCHED_NONE : SCHED_RR;

let schedulingPolicy = cluster.schedulingPolicy;

cluster.setupPrimary = function setupPrimary(options) {
  cluster.settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  if (!initialized) {
    initialized = true;
    schedulingPolicy = cluster.schedulingPolicy;
    if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
      throw new ERR_INVALID_ARG_VALUE('cluster.schedulingPolicy', schedulingPolicy);
    }
  }
  const settings = cluster.settings;
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

function createWorkerProcess(id, env) {
  const { fork } = require('child_process');
  const { settings } = cluster;
  return fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    serialization: settings.serialization,
    silent: settings.silent,
    windowsHide: settings.windowsHide,
    execArgv: [...settings.execArgv],
    stdio: settings.stdio,
    gid: settings.gid,
    uid: settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const worker = new Worker({ id, process: createWorkerProcess(id, env) });

  worker.on('message', function onMessage(message, handle) {
    cluster.emit('message', this, message, handle);
  });
  worker.process.once('exit', (exitCode, signalCode) => {
    // Removed here only when 'disconnect' has not done it already.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  worker.process.once('disconnect', () => {
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.process.on('internalMessage', internal(worker, onMessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of workers) {
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

function onMessage(message) {
  const worker = this;
  switch (message.act) {
    case 'online':
      worker.state = 'online';
      worker.emit('online');
      cluster.emit('online', worker);
      break;
    case 'queryServer':
      queryServer(worker, message);
      break;
    case 'listening': {
      const info = {
        addressType: message.addressType,
        address: message.address,
        port: message.port,
        fd: message.fd,
      };
      worker.state = 'listening';
      worker.emit('listening', info);
      cluster.emit('listening', worker, info);
      break;
    }
    case 'exitedAfterDisconnect':
      worker.exitedAfterDisconnect = true;
      send(worker, { ack: message.seq });
      break;
    case 'close': {
      const handle = handles.get(message.key);
      if (handle && handle.remove(worker)) handles.delete(message.key);
      break;
    }
    default:
      break;
  }
}

function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return;  // Stray request of a disconnecting worker.
  const key = `${message.address}:${message.port}:${message.addressType}:` +
    `${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    const udp = message.addressType === 'udp4' || message.addressType === 'udp6';
    const Handle = schedulingPolicy !== SCHED_RR || udp ? SharedHandle : RoundRobinHandle;
    handle = new Handle(key, message.address, message);
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, serverHandle) => {
    const current = handles.get(key);
    const data = current ? current.data : undefined;
    if (errno) handles.delete(key);
    send(worker, { errno, key, ack: message.seq, data, ...reply }, serverHandle);
  });
}

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

// kill()/destroy() in the primary signal the worker at once, as Node 20 does.
Worker.prototype.destroy = function destroy(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
