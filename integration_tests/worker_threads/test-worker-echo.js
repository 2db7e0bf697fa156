'use strict';
// A worker echoes messages back over parentPort; 'online' comes first, 'exit' last.
const assert = require('assert');
const { Worker, isMainThread, parentPort, threadId } = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (message) => {
    if (message === 'done') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({ echo: message, threadId });
  });
  return;
}

assert.strictEqual(threadId, 0);
assert.strictEqual(parentPort, null);
const worker = new Worker(__filename);
assert.ok(worker.threadId > 0);
const events = [];
const inputs = ['a', 1, { nested: [1, 2, { deep: true }] }, new Map([[1, 'x']]), null];
const replies = [];
worker.on('online', () => events.push('online'));
worker.on('message', (message) => {
  assert.strictEqual(message.threadId, worker.threadId);
  replies.push(message.echo);
  if (replies.length === inputs.length) worker.postMessage('done');
});
worker.on('exit', (code) => {
  events.push('exit');
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(replies, inputs);
  assert.deepStrictEqual(events, ['online', 'exit']);
  assert.strictEqual(worker.threadId, -1);
});
for (const input of inputs) worker.postMessage(input);
