// worker_threads.moveMessagePortToContext: the returned port lives in the vm context
// (its class, methods and the messages it receives belong there), delivers through
// onmessage/onmessageerror, and cannot receive values only stdlib can rebuild
// (KeyObject): those arrive as a messageerror with ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE.
const assert = require('node:assert');
const vm = require('node:vm');
const { createSecretKey } = require('node:crypto');
const { MessageChannel, MessagePort, moveMessagePortToContext } = require('node:worker_threads');

assert.throws(() => moveMessagePortToContext({}, vm.createContext()),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => moveMessagePortToContext(new MessageChannel().port1, {}),
              { code: 'ERR_INVALID_ARG_TYPE' });

const context = vm.createContext({ assert });
const { port1, port2 } = new MessageChannel();
const moved = moveMessagePortToContext(port1, context);
assert.notStrictEqual(moved, port1);
assert.ok(!(moved instanceof MessagePort));
assert.ok(!(moved instanceof Object));
assert.strictEqual(moved.onmessage, undefined);
context.port = moved;

const events = [];
context.record = (kind, value) => events.push([kind, value]);
vm.runInContext(`
  assert(port instanceof Object);
  assert(port.postMessage instanceof Function);
  port.onmessage = (event) => {
    assert(event.data instanceof Object);
    assert(Array.isArray(event.ports));
    record('message', event.data.text);
    if (event.data.text === 'last') port.postMessage({ reply: event.data.text });
  };
  port.onmessageerror = (event) => record('messageerror', event.data.code);
  let error;
  try { port.postMessage(globalThis); } catch (e) { error = e; }
  assert(error instanceof Error);
  assert.strictEqual(error.name, 'DataCloneError');
  port.start();
`, context);

port2.postMessage({ text: 'first' });
port2.postMessage({ key: createSecretKey(Buffer.from('secret')) });
port2.postMessage({ text: 'last' });
let replied = false;
process.on('exit', () => assert.ok(replied, 'the moved port never replied'));
port2.once('message', (reply) => {
  replied = true;
  assert.deepStrictEqual(reply, { reply: 'last' });
  assert.deepStrictEqual(events, [
    ['message', 'first'],
    ['messageerror', 'ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE'],
    ['message', 'last'],
  ]);
  port2.close();
  console.log('done');
});
