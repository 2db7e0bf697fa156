// exec kills the child once stdout passes maxBuffer: the error is
// ERR_CHILD_PROCESS_STDIO_MAXBUFFER and stdout holds exactly maxBuffer bytes.
const assert = require('node:assert');
const { exec, execFile } = require('node:child_process');

let calls = 0;
exec('yes | head -c 100000', { maxBuffer: 100 }, (err, stdout, stderr) => {
  calls++;
  assert.ok(err instanceof RangeError);
  assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  assert.strictEqual(err.message, 'stdout maxBuffer length exceeded');
  assert.strictEqual(err.cmd, 'yes | head -c 100000');
  assert.strictEqual(stdout, 'y\n'.repeat(50));
  assert.strictEqual(stderr, '');
});
execFile('sh', ['-c', 'printf abcdef >&2'], { maxBuffer: 3, encoding: 'buffer' },
         (err, stdout, stderr) => {
           calls++;
           assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
           assert.strictEqual(err.message, 'stderr maxBuffer length exceeded');
           assert.deepStrictEqual(stderr, Buffer.from('abc'));
           assert.deepStrictEqual(stdout, Buffer.alloc(0));
         });
assert.throws(() => exec('true', { maxBuffer: -1 }), { code: 'ERR_OUT_OF_RANGE' });
process.on('exit', () => assert.strictEqual(calls, 2));
