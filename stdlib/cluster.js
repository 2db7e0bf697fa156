'use strict';
// node:cluster — partial: every skua process is a primary; forking workers is not
// available yet.
// TODO(compat): fork(), workers sharing a listening handle over IPC.

const EventEmitter = require('events');
const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

const cluster = new EventEmitter();
cluster.isWorker = false;
cluster.isPrimary = true;
cluster.isMaster = true;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = 1;
cluster.SCHED_RR = 2;
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.fork = () => {
  throw new ERR_METHOD_NOT_IMPLEMENTED('cluster.fork()');
};

module.exports = cluster;
