// spawn with piped stdio: data written to stdin comes back on stdout; events arrive as
// 'spawn', 'exit', then 'close' once stdout and stderr have closed.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('cat');
const events = [];
let output = '';
assert.ok(child.pid > 0);
assert.strictEqual(child.spawnfile, 'cat');
assert.deepStrictEqual(child.spawnargs, ['cat']);
assert.strictEqual(child.stdio[0], child.stdin);
assert.strictEqual(child.stdio[1], child.stdout);
assert.strictEqual(child.stdio[2], child.stderr);
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => { output += chunk; });
child.on('spawn', () => events.push('spawn'));
child.on('exit', (code, signal) => {
  events.push('exit');
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
});
child.on('close', (code, signal) => {
  events.push('close');
  assert.strictEqual(output, 'hello\nworld\n');
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(child.exitCode, 0);
  assert.strictEqual(child.signalCode, null);
  assert.strictEqual(events[0], 'spawn');
  assert.ok(events.indexOf('exit') < events.indexOf('close'));
  // Every stdio stream has closed by now.
  assert.strictEqual(child.stdout.destroyed, true);
  assert.strictEqual(child.stderr.destroyed, true);
});
child.stdin.write('hello\n');
child.stdin.end('world\n');
process.on('exit', () => assert.deepStrictEqual(events, ['spawn', 'exit', 'close']));
