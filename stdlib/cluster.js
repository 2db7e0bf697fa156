'use strict';
// node:cluster (nodejs.org/api/cluster.html): the primary's API
// (internal/cluster/primary) or, in a process forked by cluster.fork() (NODE_UNIQUE_ID
// set), the worker's (internal/cluster/child).

module.exports = Object.hasOwn(process.env, 'NODE_UNIQUE_ID') ?
  require('internal/cluster/child') : require('internal/cluster/primary');
