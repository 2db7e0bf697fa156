'use strict';
// A MessageChannel connects two workers directly: each gets one port through its
// transfer list and they talk without the main thread relaying.
const assert = require('assert');
const { Worker, MessageChannel, MessagePort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
assert.ok(port1 instanceof MessagePort);

const pinger = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ port }) => {
    port.postMessage({ ping: 1 });
    port.on('message', (message) => {
      parentPort.postMessage(message);
      port.close();
    });
  });
`, { eval: true });
const ponger = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ port }) => {
    port.on('message', ({ ping }) => port.postMessage({ pong: ping + 1 }));
    port.on('close', () => parentPort.postMessage('closed'));
  });
`, { eval: true });

pinger.postMessage({ port: port1 }, [port1]);
ponger.postMessage({ port: port2 }, [port2]);
// Transferred ports are unusable in the sender.
assert.throws(() => pinger.postMessage({ port: port1 }, [port1]), { name: 'DataCloneError' });

pinger.on('message', (message) => assert.deepStrictEqual(message, { pong: 2 }));
let closed = false;
ponger.on('message', (message) => {
  assert.strictEqual(message, 'closed');
  closed = true;
});
let exits = 0;
for (const worker of [pinger, ponger]) {
  worker.on('exit', (code) => {
    assert.strictEqual(code, 0);
    exits++;
  });
}
process.on('exit', () => {
  assert.strictEqual(exits, 2);
  assert.ok(closed);
});
