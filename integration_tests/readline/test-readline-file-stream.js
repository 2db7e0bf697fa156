// readline over a file stream: every line, including a last one without a newline, with
// '\r\n' endings folded (crlfDelay: Infinity), then 'close'.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'skua-rl-')), 'lines.txt');
const expected = [];
let text = '';
for (let i = 0; i < 5000; i++) {
  expected.push(`line ${i} ✓`);
  text += `line ${i} ✓${i % 2 ? '\r\n' : '\n'}`;
}
text += 'last';
expected.push('last');
fs.writeFileSync(file, text);

const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
const lines = [];
rl.on('line', (line) => lines.push(line));
rl.on('close', () => {
  assert.deepStrictEqual(lines, expected);
  fs.rmSync(path.dirname(file), { recursive: true });
});
