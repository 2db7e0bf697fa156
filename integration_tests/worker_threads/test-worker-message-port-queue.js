'use strict';
// Messages that arrive while a port has no 'message' listener wait in its queue for the
// next listener; once() takes one message at a time, in order. A port posted through
// its own peer is lost with a warning and the channel closes.
const assert = require('assert');
const { once } = require('events');
const { MessageChannel } = require('worker_threads');

(async () => {
  const { port1, port2 } = new MessageChannel();
  const dummy = () => assert.fail('removed listener called');
  port2.on('message', dummy);
  port2.off('message', dummy);
  port1.postMessage('first');
  port1.postMessage('second');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepStrictEqual(await once(port2, 'message'), ['first']);
  assert.deepStrictEqual(await once(port2, 'message'), ['second']);
  port2.close();

  const channel = new MessageChannel();
  const warned = once(process, 'warning');
  // Ref'd, so that only the channel's close lets the process end.
  channel.port2.ref();
  const closed = once(channel.port2, 'close');
  const buffer = new ArrayBuffer(4);
  channel.port2.postMessage(null, [channel.port1, buffer]);
  assert.strictEqual(buffer.byteLength, 0);
  const [warning] = await warned;
  assert.strictEqual(warning.message,
                     'The target port was posted to itself, and the communication channel was lost');
  await closed;
})().then(() => { process.exitCode = 0; }, (err) => { throw err; });
process.exitCode = 1;
