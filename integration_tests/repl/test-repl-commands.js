// Dot-commands: defineCommand, .help, .save/.load, unknown keywords and .exit.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startSession } = require('./fixtures/session');

(async () => {
  const s = startSession();
  await s.ready;
  s.server.defineCommand('sayhello', {
    help: 'Say hello',
    action(name) {
      this.clearBufferedCommand();
      this.output.write(`Hello, ${name}!\n`);
      this.displayPrompt();
    },
  });
  s.server.defineCommand('bare', function bare() {
    this.output.write('bare\n');
    this.displayPrompt();
  });
  assert.throws(() => s.server.defineCommand('bad', { help: 'x' }),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(await s.send('.sayhello skua'), 'Hello, skua!\n> ');
  assert.strictEqual(await s.send('.bare'), 'bare\n> ');
  const help = await s.send('.help');
  assert.match(help, /^\.break +Sometimes you get stuck, this gets you out$/m);
  assert.match(help, /^\.exit +Exit the REPL$/m);
  assert.match(help, /^\.sayhello {3}Say hello$/m);
  assert.match(help, /Press Ctrl\+C to abort current expression, Ctrl\+D to exit the REPL\n> $/);
  assert.strictEqual(await s.send('.nosuchcommand'), 'Invalid REPL keyword\n> ');
  assert.strictEqual(await s.send('.5 + 1'), '1.5\n> ');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skua-repl-'));
  const saved = path.join(dir, 'session.js');
  assert.strictEqual(await s.send('var fromSession = 40'), 'undefined\n> ');
  assert.strictEqual(await s.send('.save ' + saved), `Session saved to: ${saved}\n> `);
  assert.match(fs.readFileSync(saved, 'utf8'), /var fromSession = 40/);
  const script = path.join(dir, 'load.js');
  fs.writeFileSync(script, 'var loaded = 2;\nloaded + fromSession\n');
  // Node 20 shows one more prompt after the loaded code.
  assert.match(await s.send('.load ' + script) + await s.settle(), /^42\n(> )+$/);
  assert.strictEqual(await s.send('.load ' + path.join(dir, 'missing.js')),
                     `Failed to load: ${path.join(dir, 'missing.js')}\n> `);
  fs.rmSync(dir, { recursive: true });

  const exited = new Promise((resolve) => s.server.once('exit', resolve));
  s.input.write('.exit\n');
  await exited;
  assert.strictEqual(s.server.closed, true);
})().then(() => console.log('ok'));
