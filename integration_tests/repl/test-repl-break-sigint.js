// The interactive REPL (-i) stops a runaway evaluation on SIGINT and goes on, with the
// state from before the interruption intact.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn(process.execPath, ['-i'], { stdio: ['pipe', 'pipe', 'inherit'] });
let out = '';
let sent = false;
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  out += chunk;
  if (!sent && out.includes('looping')) {
    sent = true;
    child.kill('SIGINT');
  }
  if (out.includes('interrupted by `SIGINT`') && child.stdin.writable) child.stdin.end('a * 7\n');
});
child.stdin.write('a = 6; require("fs").writeSync(1, "looping\\n"); while (true) {}\n');
child.on('close', (code) => {
  assert.strictEqual(code, 0);
  assert.match(out, /Uncaught Error: Script execution was interrupted by `SIGINT`\n/);
  assert.match(out, /code: .ERR_SCRIPT_EXECUTION_INTERRUPTED./);
  assert.match(out, /\n> 42\n/);
  console.log('ok');
});
