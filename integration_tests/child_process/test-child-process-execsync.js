// execSync/execFileSync: stdout returned, failures thrown with status and stderr.
const assert = require('node:assert');
const { execSync, execFileSync } = require('node:child_process');

assert.strictEqual(execSync('echo hello').toString(), 'hello\n');
assert.strictEqual(execSync('printf "%s" "$0"', { encoding: 'utf8', shell: '/bin/sh' }),
  '/bin/sh');
assert.strictEqual(execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }), 'a b\n');

assert.throws(() => execSync('echo oops >&2; exit 4', { stdio: 'pipe' }), (error) => {
  assert.strictEqual(error.status, 4);
  assert.strictEqual(error.message, 'Command failed: echo oops >&2; exit 4\noops\n');
  assert.strictEqual(error.stderr.toString(), 'oops\n');
  return true;
});

assert.throws(() => execFileSync('/nonexistent/program'), { code: 'ENOENT' });
