'use strict';
// MessageChannel within one thread: 'message' in order, receiveMessageOnPort, close on
// both ends, BroadcastChannel delivery to other members only, and the globals.
const assert = require('assert');
const {
  MessageChannel, BroadcastChannel, receiveMessageOnPort,
} = require('worker_threads');

assert.strictEqual(globalThis.MessageChannel, MessageChannel);
assert.strictEqual(Object.keys(globalThis).includes('MessageChannel'), false);
assert.throws(() => new globalThis.MessagePort(), TypeError);

const { port1, port2 } = new MessageChannel();
port1.postMessage('sync');
assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 'sync' });
assert.strictEqual(receiveMessageOnPort(port2), undefined);

const got = [];
port2.on('message', (message) => {
  got.push(message);
  if (got.length === 3) port2.close();
});
let closes = 0;
port1.on('close', () => closes++);
// A 'message' listener keeps port1 referenced until its 'close' arrives.
port1.on('message', () => assert.fail('nothing is posted to port1'));
port2.on('close', () => closes++);
port1.postMessage(1);
port1.postMessage({ two: 2 });
port1.postMessage([3]);

const a = new BroadcastChannel('skua-test');
const b = new BroadcastChannel('skua-test');
const c = new BroadcastChannel('other');
const received = [];
b.onmessage = (event) => {
  received.push(event.data);
  a.close();
  b.close();
  c.close();
};
a.onmessage = () => assert.fail('the sender does not receive its own message');
c.onmessage = () => assert.fail('another name does not receive it');
a.postMessage({ hello: 'b' });

process.on('exit', () => {
  assert.deepStrictEqual(got, [1, { two: 2 }, [3]]);
  assert.strictEqual(closes, 2);
  assert.deepStrictEqual(received, [{ hello: 'b' }]);
});
