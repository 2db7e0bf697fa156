// An uncaught error is printed as "Uncaught ..." and the session goes on.
const assert = require('node:assert');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession();
  let exited = false;
  s.server.on('exit', () => { exited = true; });
  await s.ready;
  assert.strictEqual(await s.send('throw new Error("boom")'), 'Uncaught Error: boom\n> ');
  assert.strictEqual(await s.send('1 + 2'), '3\n> ');
  assert.strictEqual(await s.send('throw 5'), 'Uncaught 5\n> ');
  assert.strictEqual(await s.send('throw { code: 1 }'), 'Uncaught { code: 1 }\n> ');
  assert.strictEqual(await s.send('notDefinedAnywhere'),
                     'Uncaught ReferenceError: notDefinedAnywhere is not defined\n> ');
  // Frames of user functions stay; the REPL's own do not.
  const out = await s.send('function thrower() { throw new RangeError("deep") }; thrower()');
  assert.match(out, /^Uncaught RangeError: deep\n {4}at thrower \(REPL\d+:1:\d+\)\n> $/);
  // Extra properties are shown.
  assert.match(await s.send('const e = new Error("z"); e.code = "E1"; throw e'),
               /^Uncaught \[Error: z\] \{ code: 'E1' \}\n> $/);
  assert.strictEqual(await s.send('"still here"'), "'still here'\n> ");
  assert.strictEqual(exited, false);
  s.end();
  await new Promise((resolve) => s.server.once('exit', resolve));
})().then(() => console.log('ok'));
