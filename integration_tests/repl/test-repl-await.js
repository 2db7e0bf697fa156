// Top-level await: the value is awaited, declarations stay defined for later inputs,
// and a rejection is reported like a thrown error.
const assert = require('node:assert');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession({ useGlobal: true });
  await s.ready;
  assert.strictEqual(await s.send('await Promise.resolve(42)'), '42\n> ');
  assert.strictEqual(await s.send('_'), '42\n> ');
  assert.strictEqual(
    await s.send('const { a, b: [c] } = await Promise.resolve({ a: 1, b: [2] })'),
    'undefined\n> ');
  assert.strictEqual(await s.send('a + c'), '3\n> ');
  assert.strictEqual(await s.send('var later = await new Promise((r) => setTimeout(r, 20, "t"))'),
                     'undefined\n> ');
  assert.strictEqual(await s.send('later'), "'t'\n> ");
  assert.strictEqual(await s.send('let x = await 7; x + 1'), '8\n> ');
  assert.strictEqual(await s.send('x'), '7\n> ');
  assert.strictEqual(await s.send('async function seven() { return 7 }'), 'undefined\n> ');
  assert.strictEqual(await s.send('(await seven()) * 2'), '14\n> ');
  assert.match(await s.send('await Promise.reject(new Error("nope"))'), /^Uncaught Error: nope\n/);
  assert.strictEqual(await s.send('1'), '1\n> ');
  // A multi-line input with await.
  assert.strictEqual(await s.send('const list = await Promise.all(['), '... ');
  assert.strictEqual(await s.send('  Promise.resolve(1),'), '... ');
  assert.strictEqual(await s.send('])'), 'undefined\n> ');
  assert.strictEqual(await s.send('list'), '[ 1 ]\n> ');
  // Without await, a promise is shown as it is.
  assert.match(await s.send('Promise.resolve(3)'), /^Promise \{/);
  s.end();
})().then(() => console.log('ok'));
