// Tab completion: global names, object properties, and dot-commands.
const assert = require('node:assert');
const { startSession } = require('./fixtures/session');

function complete(server, line) {
  return new Promise((resolve, reject) => {
    server.completer(line, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

(async () => {
  const s = startSession({ useGlobal: true });
  await s.ready;
  const [globals, partial] = await complete(s.server, 'proce');
  assert.strictEqual(partial, 'proce');
  assert.ok(globals.includes('process'), globals);
  const [methods, sub] = await complete(s.server, 'Math.fl');
  assert.deepStrictEqual(methods.filter(Boolean), ['Math.floor']);
  assert.strictEqual(sub, 'Math.fl');
  await s.send('var completeMe = { alpha: 1, alps: 2, beta: 3 }');
  const [props] = await complete(s.server, 'x = completeMe.al');
  assert.deepStrictEqual(props.filter(Boolean).sort(), ['completeMe.alpha', 'completeMe.alps']);
  const [strings] = await complete(s.server, '"abc".toUpperC');
  assert.deepStrictEqual(strings.filter(Boolean), ['"abc".toUpperCase']);
  const [commands, command] = await complete(s.server, '.ex');
  assert.deepStrictEqual(commands.filter(Boolean), ['exit']);
  assert.strictEqual(command, 'ex');
  s.end();
})().then(() => console.log('ok'));
