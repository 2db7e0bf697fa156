'use strict';
// MessagePort.close(): the callback runs on 'close'; messages queued before a close in a
// listener are still delivered; a closed port is detached at once (it cannot be
// transferred).
const assert = require('assert');
const { MessageChannel } = require('worker_threads');

const events = [];
process.on('exit', () => {
  assert.deepStrictEqual(events, ['received foo', 'received bar', 'port1 close callback']);
});

const { port1, port2 } = new MessageChannel();
port1.on('message', (message) => {
  events.push(`received ${message}`);
  if (message === 'foo') port1.close(() => events.push('port1 close callback'));
});
port2.postMessage('foo');
port2.postMessage('bar');

// Detached synchronously: a closed port in a transfer list is refused, and nothing in
// the list (the ArrayBuffer before it) is transferred.
const other = new MessageChannel();
other.port1.close();
const buffer = new ArrayBuffer(8);
assert.throws(() => other.port2.postMessage(null, [buffer, other.port1]), (err) => {
  assert.strictEqual(err.name, 'DataCloneError');
  assert.strictEqual(err.message, 'MessagePort in transfer list is already detached');
  return true;
});
assert.strictEqual(buffer.byteLength, 8);
