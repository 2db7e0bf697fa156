'use strict';
// async_hooks sees a Worker's handle ('WORKER') and MessagePorts ('MESSAGEPORT') when
// they are created; the worker handle's hasRef() follows ref()/unref(), is unchanged in
// 'exit' listeners, and is undefined once the handle has closed.
const assert = require('assert');
const { createHook } = require('async_hooks');
const { MessageChannel, Worker } = require('worker_threads');

const types = [];
let handle;
const hook = createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    if (type === 'WORKER') handle = resource;
    if (type === 'WORKER' || type === 'MESSAGEPORT') types.push(type);
  },
}).enable();

const { port1 } = new MessageChannel();
assert.deepStrictEqual(types, ['MESSAGEPORT', 'MESSAGEPORT']);
port1.close();

const worker = new Worker('', { eval: true });
hook.disable();
assert.ok(types.includes('WORKER'));
assert.strictEqual(handle.hasRef(), true);
worker.unref();
assert.strictEqual(handle.hasRef(), false);
worker.ref();
assert.strictEqual(handle.hasRef(), true);

worker.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(handle.hasRef(), true);
  setTimeout(() => assert.strictEqual(handle.hasRef(), undefined), 0);
});
