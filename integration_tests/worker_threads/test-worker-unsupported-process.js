'use strict';
// Inside a worker, process methods that act on the whole process throw
// ERR_WORKER_UNSUPPORTED_OPERATION (and are marked `disabled`), process.title and
// process.debugPort ignore assignments, and execArgv options a worker cannot have of its
// own are refused when the Worker is created.
const assert = require('assert');
const { Worker } = require('worker_threads');

for (const execArgv of [['--foo'], ['--title=x'], ['--max-old-space-size=10']]) {
  assert.throws(() => new Worker('', { eval: true, execArgv }),
                { code: 'ERR_WORKER_INVALID_EXEC_ARGV', name: 'Error' });
}
assert.throws(() => new Worker('', { eval: true, env: { NODE_OPTIONS: '--not-an-option' } }),
              { code: 'ERR_WORKER_INVALID_EXEC_ARGV' });

const worker = new Worker(`
  const assert = require('assert');
  const { parentPort } = require('worker_threads');
  for (const name of ['abort', 'chdir', 'setuid', 'setgid']) {
    assert.strictEqual(process[name].disabled, true);
    assert.throws(() => process[name](), {
      code: 'ERR_WORKER_UNSUPPORTED_OPERATION',
      message: 'process.' + name + '() is not supported in workers',
    });
  }
  const title = process.title;
  process.title += ' changed';
  assert.strictEqual(process.title, title);
  assert.strictEqual('_debugProcess' in process, false);
  parentPort.postMessage('done');
`, { eval: true, execArgv: ['--trace-warnings'] });
let message;
worker.on('message', (value) => { message = value; });
worker.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(message, 'done');
});
