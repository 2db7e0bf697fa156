// Terminal mode: line editing keys, history (up/down), tab completion, 'history' events,
// and Ctrl+D on an empty line closing the interface.
const assert = require('node:assert');
const { PassThrough } = require('node:stream');
const readline = require('node:readline');

const input = new PassThrough();
const output = new PassThrough();
const rl = readline.createInterface({
  input,
  output,
  terminal: true,
  prompt: '$ ',
  historySize: 10,
  completer: (line) => {
    const hits = ['help', 'hello', 'exit'].filter((c) => c.startsWith(line));
    return [hits, line];
  },
});
const lines = [];
const histories = [];
rl.on('line', (line) => lines.push(line));
rl.on('history', (history) => histories.push([...history]));

input.write('abd');
input.write('\x1b[D');  // Left.
input.write('c');  // Insert before the cursor: 'abcd'.
input.write('\x7f');  // Backspace deletes the 'c'.
input.write('\x01');  // Ctrl+A: start of line.
input.write('X');
input.write('\r');
assert.deepStrictEqual(lines, ['Xabd']);
input.write('second\r');
input.write('\x1b[A');  // Up: previous entry.
assert.strictEqual(rl.line, 'second');
input.write('\x1b[A');
assert.strictEqual(rl.line, 'Xabd');
input.write('\x1b[B');  // Down.
assert.strictEqual(rl.line, 'second');
input.write('\x15');  // Ctrl+U: clear to the start.
assert.strictEqual(rl.line, '');
input.write('ex\t');  // One completion: inserted.
assert.strictEqual(rl.line, 'exit');
input.write('\x15he\t');  // Common prefix 'hel'.
assert.strictEqual(rl.line, 'hel');
input.write('\r');
assert.deepStrictEqual(lines, ['Xabd', 'second', 'hel']);
assert.deepStrictEqual(rl.history, ['hel', 'second', 'Xabd']);
assert.deepStrictEqual(histories.at(-1), ['hel', 'second', 'Xabd']);
let closed = false;
rl.on('close', () => { closed = true; });
input.write('\x04');  // Ctrl+D on an empty line.
assert.ok(closed);
