// fork: messages go both ways over the IPC channel (JSON framing keeps objects, strings
// and unicode intact), the child disconnects, and the parent sees 'disconnect', 'exit'
// and 'close'.
const assert = require('node:assert');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') {
  assert.strictEqual(process.connected, true);
  assert.strictEqual(typeof process.send, 'function');
  process.on('message', (message) => {
    if (message === 'bye') {
      process.send({ last: true }, () => process.disconnect());
      return;
    }
    process.send({ echo: message, argv: process.argv.slice(3) });
  });
  return;
}

const child = fork(__filename, ['child', 'x']);
const replies = [];
const messages = [{ a: 1, b: [true, null] }, 'héllo wörld ✓', 42];
let disconnected = false;
child.on('message', (message) => {
  replies.push(message);
  if (replies.length === messages.length) child.send('bye');
});
child.on('disconnect', () => {
  disconnected = true;
  assert.strictEqual(child.connected, false);
});
child.on('exit', (code, signal) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
});
child.on('close', () => {
  assert.ok(disconnected);
  assert.deepStrictEqual(replies, [
    ...messages.map((m) => ({ echo: m, argv: ['x'] })),
    { last: true },
  ]);
});
assert.strictEqual(child.connected, true);
let sent = 0;
for (const message of messages) {
  assert.strictEqual(child.send(message, (err) => { assert.ifError(err); sent++; }), true);
}
process.on('exit', () => assert.strictEqual(sent, messages.length));
