// question() writes the query and passes the next line to its callback instead of a
// 'line' event; readline/promises returns a promise; closing rejects a pending question.
const assert = require('node:assert');
const { PassThrough } = require('node:stream');
const readline = require('node:readline');
const readlinePromises = require('node:readline/promises');

const input = new PassThrough();
const output = new PassThrough();
let written = '';
output.on('data', (chunk) => { written += chunk; });
const rl = readline.createInterface({ input, output, terminal: false });
const lines = [];
rl.on('line', (line) => {
  lines.push(line);
  rl.close();
});
rl.on('close', () => assert.deepStrictEqual(lines, ['after']));
rl.question('name? ', (answer) => {
  assert.strictEqual(answer, 'skua');
  assert.strictEqual(written, 'name? ');
  input.write('after\n');
});
input.write('skua\n');

(async () => {
  const input2 = new PassThrough();
  const rl2 = readlinePromises.createInterface({ input: input2, output: new PassThrough() });
  setImmediate(() => input2.write('42\n'));
  assert.strictEqual(await rl2.question('answer? '), '42');
  const pending = rl2.question('again? ');
  rl2.close();
  await assert.rejects(pending, { name: 'AbortError' });
  assert.throws(() => rl2.question('closed?'), { code: 'ERR_USE_AFTER_CLOSE' });

  const input3 = new PassThrough();
  const rl3 = readlinePromises.createInterface({ input: input3 });
  const controller = new AbortController();
  const asked = rl3.question('x? ', { signal: controller.signal });
  controller.abort();
  await assert.rejects(asked, { name: 'AbortError' });
  rl3.close();
})();
