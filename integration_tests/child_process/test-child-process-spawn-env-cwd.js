// env and cwd reach the child; a shell runs the command line; argv0 is passed on.
const assert = require('node:assert');
const os = require('node:os');
const { spawn } = require('node:child_process');

function run(file, args, options) {
  return new Promise((resolve) => {
    const child = spawn(file, args, options);
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.on('close', (code) => resolve({ code, out }));
  });
}

(async () => {
  const env = await run('sh', ['-c', 'echo "$SKUA_TEST_VAR"'], { env: { SKUA_TEST_VAR: 'v1' } });
  assert.deepStrictEqual(env, { code: 0, out: 'v1\n' });
  const cwd = await run('pwd', [], { cwd: os.tmpdir() });
  assert.strictEqual(cwd.out.trim(), require('node:fs').realpathSync(os.tmpdir()));
  const shell = await run('echo $((6 * 7))', [], { shell: true });
  assert.strictEqual(shell.out, '42\n');
  const argv0 = await run('sh', ['-c', 'echo $0'], { argv0: 'custom-name' });
  assert.strictEqual(argv0.out, 'custom-name\n');
})();
