// The cursor helpers write ANSI sequences; emitKeypressEvents parses keys; Readline from
// readline/promises queues actions until commit().
const assert = require('node:assert');
const { PassThrough } = require('node:stream');
const readline = require('node:readline');
const { Readline } = require('node:readline/promises');

function capture(fn) {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (chunk) => { out += chunk; });
  assert.strictEqual(fn(stream), true);
  return out;
}

assert.strictEqual(capture((s) => readline.cursorTo(s, 3)), '\x1b[4G');
assert.strictEqual(capture((s) => readline.cursorTo(s, 3, 1)), '\x1b[2;4H');
assert.strictEqual(capture((s) => readline.moveCursor(s, -2, 3)), '\x1b[2D\x1b[3B');
assert.strictEqual(capture((s) => readline.clearLine(s, -1)), '\x1b[1K');
assert.strictEqual(capture((s) => readline.clearLine(s, 1)), '\x1b[0K');
assert.strictEqual(capture((s) => readline.clearLine(s, 0)), '\x1b[2K');
assert.strictEqual(capture((s) => readline.clearScreenDown(s)), '\x1b[0J');
assert.throws(() => readline.cursorTo(new PassThrough(), undefined, 1),
              { code: 'ERR_INVALID_CURSOR_POS' });

const keys = [];
const input = new PassThrough();
readline.emitKeypressEvents(input);
input.on('keypress', (s, key) => keys.push(key));
input.write('a\x1b[A\x03\x1b[1;5C\r');
assert.deepStrictEqual(keys.map((k) => [k.name, k.ctrl, k.meta, k.shift]), [
  ['a', false, false, false],
  ['up', false, false, false],
  ['c', true, false, false],
  ['right', true, false, false],
  ['return', false, false, false],
]);

(async () => {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (chunk) => { out += chunk; });
  const rl = new Readline(stream);
  rl.cursorTo(0).clearLine(0).moveCursor(1, 0);
  assert.strictEqual(out, '');
  await rl.commit();
  assert.strictEqual(out, '\x1b[1G\x1b[2K\x1b[1C');
})();
