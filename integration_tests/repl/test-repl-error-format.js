// How the REPL prints errors: only the frames of the user's code, the source line and
// caret of a syntax error, and one-line errors without inspect's brackets.
const assert = require('node:assert');
const path = require('node:path');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession({ useColors: false });
  await s.ready;
  assert.match(await s.send('let x y;'), /^let x y;\n {6}\^\n\nUncaught SyntaxError: Unexpected identifier.*\n> $/);
  assert.strictEqual(await s.send('throw new Error("plain")'), 'Uncaught Error: plain\n> ');
  assert.match(await s.send('(() => { const e = Error("extra"); e.foo = "bar"; throw e; })()'),
               /^Uncaught Error: extra\n {4}at REPL\d+:1:\d+ \{\n {2}foo: 'bar'\n\}\n> $/);
  assert.strictEqual(await s.send('throw { a: 1 }'), 'Uncaught { a: 1 }\n> ');
  // A file loaded with .load throws from nested calls: every user frame is kept, the
  // file's own top level and the REPL's frames are not. Last: Node prints one more prompt after a .load.
  const file = path.join(__dirname, 'fixtures', 'nested-throw.js');
  const loaded = await s.send(`.load ${file}`);
  assert.match(loaded, /^Uncaught Error: nested\n {4}at inner \(REPL\d+:\d+:\d+\)\n {4}at outer \(REPL\d+:\d+:\d+\)\n(> )+$/);
  s.end();
  console.log('ok');
})();
