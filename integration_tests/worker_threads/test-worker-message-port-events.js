'use strict';
// A MessagePort is itself the EventTarget: listeners see it as `this` and event.target,
// MessageEvent#ports lists the transferred ports, emit() reaches both listener styles,
// and MessagePort.prototype has Node's own properties only.
const assert = require('assert');
const { MessageChannel, MessagePort } = require('worker_threads');

assert.deepStrictEqual(Object.getOwnPropertyNames(MessagePort.prototype).sort(), [
  'close', 'constructor', 'hasRef', 'onmessage', 'onmessageerror', 'postMessage', 'ref',
  'start', 'unref',
]);

const { port1, port2 } = new MessageChannel();
const carried = new MessageChannel();
let seen = 0;
port2.onmessage = function(event) {
  assert.strictEqual(this, port2);
  assert.strictEqual(event.target, port2);
  assert.strictEqual(event.data.port, event.ports[0]);
  assert.ok(event.ports[0] instanceof MessagePort);
  seen++;
  port2.close();
  carried.port1.close();
};
port1.postMessage({ port: carried.port2 }, [carried.port2]);

let custom;
port1.addEventListener('custom', (event) => { custom = event.detail; });
let nodeStyle;
port1.on('custom', (value) => { nodeStyle = value; });
port1.emit('custom', 'value');
assert.strictEqual(custom, 'value');
assert.strictEqual(nodeStyle, 'value');

process.on('exit', () => assert.strictEqual(seen, 1));
