// The parent's disconnect() closes the channel: the child sees 'disconnect' and, with
// nothing else to do, exits; send() afterwards fails with ERR_IPC_CHANNEL_CLOSED.
const assert = require('node:assert');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') {
  process.on('disconnect', () => {
    assert.strictEqual(process.connected, false);
    process.exitCode = 7;
  });
  process.send('ready');
  return;
}

const child = fork(__filename, ['child']);
let disconnects = 0;
child.on('message', (message) => {
  assert.strictEqual(message, 'ready');
  child.disconnect();
  assert.strictEqual(child.connected, false);
  child.send('late', (err) => {
    assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
  });
});
child.on('disconnect', () => disconnects++);
child.on('exit', (code) => {
  assert.strictEqual(code, 7);
  assert.strictEqual(disconnects, 1);
});
