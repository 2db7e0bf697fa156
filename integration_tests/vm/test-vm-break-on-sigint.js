// breakOnSigint: SIGINT stops the running vm code with ERR_SCRIPT_EXECUTION_INTERRUPTED;
// the process's own 'SIGINT' listeners do not see that signal but see later ones.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

if (process.argv[2] === 'child') {
  const vm = require('node:vm');
  let heard = 0;
  let keepAlive = null;
  process.on('SIGINT', () => {
    heard++;
    process.stdout.write(`heard ${heard}\n`);
    clearInterval(keepAlive);
  });
  const context = vm.createContext({ write: (text) => require('node:fs').writeSync(1, text) });
  assert.throws(() => vm.runInContext('write("looping\\n"); while (true);', context, {
    breakOnSigint: true,
  }), { code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED', message: 'Script execution was interrupted by `SIGINT`' });
  assert.strictEqual(heard, 0);
  // Signal listeners do not keep a process alive: wait for the next SIGINT.
  keepAlive = setInterval(() => {}, 1000);
  process.stdout.write('interrupted\n');
  return;
}

const child = spawn(process.execPath, [__filename, 'child'], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  out += chunk;
  if (chunk.includes('looping')) child.kill('SIGINT');
  if (chunk.includes('interrupted')) child.kill('SIGINT');
});
child.on('close', (code, signal) => {
  assert.strictEqual(out, 'looping\ninterrupted\nheard 1\n');
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  console.log('ok');
});
