// Listening for a signal does not keep the process alive.
const assert = require('node:assert');

let exited = false;
process.on('SIGINT', () => assert.fail('no SIGINT was sent'));
process.on('exit', (code) => {
  exited = true;
  assert.strictEqual(code, 0);
});
setImmediate(() => assert.strictEqual(exited, false));
