// .editor on a terminal: Ctrl+D runs the buffer (the current line included), Ctrl+C
// cancels it, and typed lines keep the indentation of the line before.
const assert = require('node:assert');
const { PassThrough } = require('node:stream');
const repl = require('node:repl');

function start() {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => { text += chunk.toString().replace(/\r/g, ''); });
  const server = repl.start({ prompt: '> ', input, output, terminal: true, useColors: false });
  const plain = () => text.replace(/\x1b\[\d*[A-Za-z]/g, '');
  return { server, input, plain };
}

{
  const { server, input, plain } = start();
  input.write('.editor\n');
  input.write('let i = 1;\ni + 3');  // A paste: no indentation added.
  server.write('', { ctrl: true, name: 'd' });
  assert.match(plain(), /\/\/ Entering editor mode \(Ctrl\+D to finish, Ctrl\+C to cancel\)\nlet i = 1;\ni \+ 3\n4\n> $/);
  server.close();
}

{
  const { server, input, plain } = start();
  input.write('.editor\n');
  input.write('let j = 1;');
  server.write('', { ctrl: true, name: 'c' });
  assert.strictEqual(server.editorMode, false);
  assert.match(plain(), /cancel\)\nlet j = 1;\n> $/);
  // On an empty line, Ctrl+C says how to leave.
  server.write('', { ctrl: true, name: 'c' });
  assert.match(plain(), /\(To exit, press Ctrl\+C again or Ctrl\+D or type \.exit\)\n> $/);
  server.close();
}

{
  const { server, input } = start();
  input.write('.editor\n');
  for (const ch of '  let k = 1;\n') input.write(ch);  // Typed one key at a time.
  assert.strictEqual(server.line, '  ');
  assert.strictEqual(server.cursor, 2);
  server.write('', { ctrl: true, name: 'd' });
  server.close();
}
console.log('ok');
