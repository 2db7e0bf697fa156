// util.promisify(exec / execFile) resolves to { stdout, stderr } and rejects with the
// error carrying stdout/stderr; the promise exposes the child.
const assert = require('node:assert');
const { promisify } = require('node:util');
const { exec, execFile } = require('node:child_process');

const execP = promisify(exec);
const execFileP = promisify(execFile);

(async () => {
  const p = execP('echo out; echo err >&2');
  assert.ok(p.child.pid > 0);
  assert.deepStrictEqual(await p, { stdout: 'out\n', stderr: 'err\n' });
  assert.deepStrictEqual(await execFileP('echo', ['a', 'b']), { stdout: 'a b\n', stderr: '' });
  await assert.rejects(execP('echo partial; exit 2'), (err) => {
    assert.strictEqual(err.code, 2);
    assert.strictEqual(err.stdout, 'partial\n');
    assert.strictEqual(err.stderr, '');
    return true;
  });
  await assert.rejects(execFileP('skua-no-such-command'), { code: 'ENOENT' });
  const controller = new AbortController();
  const aborted = execFileP('sleep', ['30'], { signal: controller.signal });
  controller.abort();
  await assert.rejects(aborted, { name: 'AbortError' });
})();
