// spawnSync failures: a missing program, a timeout, maxBuffer, and death by a signal.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const missing = spawnSync('/nonexistent/program', ['a']);
assert.strictEqual(missing.error.code, 'ENOENT');
assert.strictEqual(missing.error.errno, -2);
assert.strictEqual(missing.error.syscall, 'spawnSync /nonexistent/program');
assert.strictEqual(missing.error.path, '/nonexistent/program');
assert.deepStrictEqual(missing.error.spawnargs, ['a']);
assert.strictEqual(missing.error.message, 'spawnSync /nonexistent/program ENOENT');

const slow = spawnSync('sleep', ['5'], { timeout: 50 });
assert.strictEqual(slow.error.code, 'ETIMEDOUT');
assert.strictEqual(slow.signal, 'SIGTERM');
assert.strictEqual(slow.status, null);

const chatty = spawnSync('sh', ['-c', 'yes | head -c 100000'], { maxBuffer: 1000 });
assert.strictEqual(chatty.error.code, 'ENOBUFS');
// What was read before the limit was passed is kept; the child is stopped.
assert.ok(chatty.stdout.length > 1000 && chatty.stdout.length < 100000, `${chatty.stdout.length}`);

const killed = spawnSync('sh', ['-c', 'kill -KILL $$']);
assert.strictEqual(killed.signal, 'SIGKILL');
assert.strictEqual(killed.status, null);

assert.throws(() => spawnSync(''), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => spawnSync(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => spawnSync('true', { killSignal: 'SIGNOPE', timeout: 1 }),
  { code: 'ERR_UNKNOWN_SIGNAL' });
