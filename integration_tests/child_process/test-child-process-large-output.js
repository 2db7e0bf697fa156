// 16 MiB from a child's stdout, read with pauses: backpressure stops and restarts reading
// and nothing is lost.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const size = 16 * 1024 * 1024;
const child = spawn('head', ['-c', String(size), '/dev/zero']);
let received = 0;
let pauses = 0;
child.stdout.on('data', (chunk) => {
  received += chunk.length;
  if (received % (1024 * 1024) < chunk.length && pauses < 8) {
    pauses++;
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 5);
  }
});
child.on('close', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(received, size);
  assert.ok(pauses > 0);
});
