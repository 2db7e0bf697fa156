// A forked child that exits on its own while the parent still listens for messages:
// the channel closes, the parent gets 'disconnect', 'exit' and 'close', and its own
// loop ends.
const assert = require('node:assert');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') {
  process.send({ pid: process.pid }, () => process.exit(3));
  return;
}

const child = fork(__filename, ['child'], { silent: true });
let got;
let disconnected = false;
child.on('message', (message) => { got = message; });
child.on('disconnect', () => { disconnected = true; });
child.on('exit', (code) => assert.strictEqual(code, 3));
child.on('close', (code) => {
  assert.strictEqual(code, 3);
  assert.ok(disconnected);
  assert.deepStrictEqual(got, { pid: child.pid });
});
