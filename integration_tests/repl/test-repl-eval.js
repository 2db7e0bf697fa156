// Expressions print through util.inspect, `_` and `_error` follow the last result and
// error, declarations persist between inputs, and `{...}` is read as an object literal.
const assert = require('node:assert');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession({ useGlobal: true });
  assert.strictEqual(await s.ready, '> ');
  assert.strictEqual(await s.send('1 + 1'), '2\n> ');
  assert.strictEqual(await s.send('_ * 10'), '20\n> ');
  assert.strictEqual(await s.send("'a' + 'b'"), "'ab'\n> ");
  assert.strictEqual(await s.send('[1, { x: [2] }]'), '[ 1, { x: [ 2 ] } ]\n> ');
  assert.strictEqual(await s.send('{ a: 1, b: "two" }'), "{ a: 1, b: 'two' }\n> ");
  assert.strictEqual(await s.send('let counter = 41'), 'undefined\n> ');
  assert.strictEqual(await s.send('++counter'), '42\n> ');
  assert.strictEqual(await s.send('var v = 7; v * 2'), '14\n> ');
  assert.strictEqual(globalThis.v, 7);
  assert.strictEqual(await s.send('function twice(n) { return 2 * n }'), 'undefined\n> ');
  assert.strictEqual(await s.send('twice(_)'), 'NaN\n> ');
  assert.strictEqual(await s.send(''), '> ');
  // Builtin modules are globals.
  assert.strictEqual(await s.send('path.basename("/a/b.txt")'), "'b.txt'\n> ");
  assert.strictEqual(await s.send('typeof fs.readFileSync'), "'function'\n> ");
  // _error is the last error.
  assert.match(await s.send('null.x'), /^Uncaught TypeError: Cannot read properties of null/);
  assert.strictEqual(await s.send('_error.constructor.name'), "'TypeError'\n> ");
  // Assigning _ stops it from following results.
  assert.strictEqual(await s.send('_ = 5'), 'Expression assignment to _ now disabled.\n5\n> ');
  assert.strictEqual(await s.send('1'), '1\n> ');
  assert.strictEqual(await s.send('_'), '5\n> ');
  s.end();

  // A separate context, ignoreUndefined and a custom writer.
  const t = startSession({
    useGlobal: false, ignoreUndefined: true, writer: (value) => `<${typeof value}>`,
  });
  await t.ready;
  assert.strictEqual(await t.send('var inContext = 3'), '> ');
  assert.strictEqual(await t.send('inContext'), '<number>\n> ');
  assert.strictEqual(t.server.context.inContext, 3);
  assert.strictEqual(globalThis.inContext, undefined);
  assert.strictEqual(await t.send('typeof require'), '<string>\n> ');
  assert.strictEqual(t.server.context._, 'function');
  t.end();
})().then(() => console.log('ok'));
