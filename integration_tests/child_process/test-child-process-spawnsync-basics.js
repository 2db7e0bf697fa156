// spawnSync: exit status, stdout/stderr capture, input, encoding and the pid.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

const result = spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 3']);
assert.strictEqual(result.status, 3);
assert.strictEqual(result.signal, null);
assert.ok(Buffer.isBuffer(result.stdout));
assert.strictEqual(result.stdout.toString(), 'out\n');
assert.strictEqual(result.stderr.toString(), 'err\n');
assert.strictEqual(result.output[0], null);
assert.strictEqual(result.output[1], result.stdout);
assert.ok(result.pid > 0);

const echoed = spawnSync('cat', { input: 'piped input', encoding: 'utf8' });
assert.strictEqual(echoed.stdout, 'piped input');
assert.strictEqual(echoed.status, 0);

const env = spawnSync('sh', ['-c', 'echo "$SKUA_CHILD_VAR"'], {
  env: { SKUA_CHILD_VAR: 'from parent', PATH: process.env.PATH },
  encoding: 'utf8',
});
assert.strictEqual(env.stdout, 'from parent\n');

const cwd = spawnSync('pwd', { cwd: '/', encoding: 'utf8' });
assert.strictEqual(cwd.stdout, '/\n');

const shell = spawnSync('echo $((1 + 2))', { shell: true, encoding: 'utf8' });
assert.strictEqual(shell.stdout, '3\n');
