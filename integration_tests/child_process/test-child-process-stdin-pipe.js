// Data piped into a child's stdin arrives in order, and ending stdin gives the child EOF.
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const { Readable } = require('node:stream');

const child = spawn('wc', ['-l']);
let output = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => { output += chunk; });
Readable.from((function* lines() {
  for (let i = 0; i < 1000; i++) yield `line ${i}\n`;
})()).pipe(child.stdin);
child.on('close', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(output.trim(), '1000');
});
