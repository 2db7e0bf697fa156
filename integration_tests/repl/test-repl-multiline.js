// Input that is not finished (an open function body, call, array or template literal)
// is buffered behind a '... ' prompt until it is; .break drops the buffered input.
const assert = require('node:assert');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession();
  await s.ready;
  assert.strictEqual(await s.send('function add(a, b) {'), '... ');
  assert.strictEqual(await s.send('  return a + b;'), '... ');
  assert.strictEqual(await s.send('}'), 'undefined\n> ');
  assert.strictEqual(await s.send('add(2,'), '... ');
  assert.strictEqual(await s.send('3)'), '5\n> ');
  assert.strictEqual(await s.send('[1,'), '... ');
  assert.strictEqual(await s.send('2]'), '[ 1, 2 ]\n> ');
  assert.strictEqual(await s.send('`one'), '... ');
  assert.strictEqual(await s.send('two`'), "'one\\ntwo'\n> ");
  assert.strictEqual(await s.send('/* a comment'), '... ');
  assert.strictEqual(await s.send('*/ 4'), '4\n> ');
  // .break leaves multi-line mode without evaluating.
  assert.strictEqual(await s.send('const broken = {'), '... ');
  assert.strictEqual(await s.send('.break'), '> ');
  assert.strictEqual(await s.send('typeof broken'), "'undefined'\n> ");
  // A real syntax error is reported at once, not buffered.
  assert.match(await s.send('a b'), /Uncaught SyntaxError: Unexpected identifier/);
  assert.match(await s.send('1)'), /Uncaught SyntaxError: Unexpected token '\)'/);
  // Method chains on the next line are not dot-commands.
  assert.strictEqual(await s.send('[3, 1, 2]'), '[ 3, 1, 2 ]\n> ');
  assert.strictEqual(await s.send('Math.max(1,'), '... ');
  assert.strictEqual(await s.send('9)'), '9\n> ');
  s.end();
})().then(() => console.log('ok'));
