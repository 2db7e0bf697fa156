// createContext() makes a fresh context without touching the server's state;
// resetContext() (and .clear) starts over: new context, no lines, `_` follows results.
const assert = require('node:assert');
const vm = require('node:vm');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession();
  await s.ready;
  const { server } = s;
  assert.strictEqual(await s.send('_ = 500;'), 'Expression assignment to _ now disabled.\n500\n> ');
  assert.strictEqual(server.underscoreAssigned, true);
  assert.deepStrictEqual([...server.lines], ['_ = 500;']);

  const context = server.createContext();
  assert.notStrictEqual(context, server.context);
  assert.strictEqual(context.global, context);
  assert.ok(context.console instanceof require('node:console').Console);
  assert.strictEqual(server.underscoreAssigned, true);
  assert.strictEqual(server.last, 500);
  assert.strictEqual(server.lines.length, 1);

  let resetWith = null;
  server.once('reset', (ctx) => { resetWith = ctx; });
  server.resetContext();
  assert.strictEqual(resetWith, server.context);
  assert.strictEqual(server.underscoreAssigned, false);
  assert.strictEqual(server.lines.length, 0);
  // `_` of the made context is not the server's.
  vm.runInContext('_ = 1000;', context);
  assert.strictEqual(server.underscoreAssigned, false);
  assert.strictEqual(await s.send('6 * 7'), '42\n> ');
  assert.strictEqual(await s.send('_'), '42\n> ');

  // complete() is the completer, with Node's (err, [completions, substring]) callback.
  await s.send('var completeMe = { alpha: 1 }');
  const result = await new Promise((resolve, reject) => {
    server.complete('completeMe.al', (err, data) => (err ? reject(err) : resolve(data)));
  });
  assert.deepStrictEqual(result, [['completeMe.alpha'], 'completeMe.al']);
  s.end();
  console.log('ok');
})();
