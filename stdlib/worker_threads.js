'use strict';
// node:worker_threads — partial: skua runs JavaScript on the main thread only so far, and
// this module reports exactly that.
// TODO(compat): Worker, MessageChannel, BroadcastChannel (one isolate and loop per thread).

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

class Worker {
  constructor() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('new Worker()');
  }
}

module.exports = {
  isMainThread: true,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
};
