'use strict';
// A native request (an fs callback request) is reported to createHook() hooks: init with
// its provider type and the creating context as trigger, before/after around its
// callback (which runs as the request: executionAsyncId() is its id), then destroy.
const assert = require('assert');
const async_hooks = require('async_hooks');
const fs = require('fs');

const log = [];
const types = new Map();
const hook = async_hooks.createHook({
  init(id, type, trigger) {
    types.set(id, type);
    if (type === 'FSREQCALLBACK') log.push(['init', id, trigger]);
  },
  before(id) { if (types.get(id) === 'FSREQCALLBACK') log.push(['before', id]); },
  after(id) { if (types.get(id) === 'FSREQCALLBACK') log.push(['after', id]); },
  destroy(id) { if (types.get(id) === 'FSREQCALLBACK') log.push(['destroy', id]); },
}).enable();

const outer = async_hooks.executionAsyncId();
let reqId;
fs.stat(__filename, (err, stats) => {
  assert.ifError(err);
  assert.ok(stats.isFile());
  const inits = log.filter((e) => e[0] === 'init');
  assert.strictEqual(inits.length, 1);
  reqId = inits[0][1];
  assert.strictEqual(inits[0][2], outer);
  assert.strictEqual(async_hooks.executionAsyncId(), reqId);
  assert.strictEqual(async_hooks.triggerAsyncId(), outer);
  assert.deepStrictEqual(log, [['init', reqId, outer], ['before', reqId]]);
});

process.on('exit', () => {
  hook.disable();
  assert.deepStrictEqual(log, [
    ['init', reqId, outer], ['before', reqId], ['after', reqId], ['destroy', reqId],
  ]);
});
