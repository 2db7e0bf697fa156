// stdio options: 'ignore' gives no stream, 'inherit' shares ours, an fd is passed as is,
// extra pipes become child.stdio[3]; a bad entry throws.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const ignored = spawn('true', [], { stdio: 'ignore' });
assert.strictEqual(ignored.stdin, null);
assert.strictEqual(ignored.stdout, null);
assert.strictEqual(ignored.stderr, null);
assert.deepStrictEqual(ignored.stdio, [null, null, null]);
ignored.on('close', (code) => assert.strictEqual(code, 0));

const extra = spawn('sh', ['-c', 'echo via-fd3 >&3'], { stdio: ['ignore', 'inherit', 'pipe', 'pipe'] });
assert.strictEqual(extra.stdout, null);
let out = '';
extra.stdio[3].on('data', (chunk) => { out += chunk; });
extra.on('close', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'via-fd3\n');
});

assert.throws(() => spawn('true', [], { stdio: 'bogus' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => spawn('true', [], { stdio: ['ipc', 'ipc'] }), { code: 'ERR_IPC_ONE_PIPE' });
assert.throws(() => spawn('true', { cwd: 42 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => spawn('tr\u0000ue'), { code: 'ERR_INVALID_ARG_VALUE' });
