'use strict';
// --unhandled-rejections=warn: two warnings per rejection (the reason, then the note)
// even when an 'unhandledRejection' listener handles it; =warn-with-error-code only
// without a listener, and sets exit code 1; an unknown mode is refused at startup.
const assert = require('assert');
const { spawnSync } = require('child_process');

const script = `
  const warnings = [];
  process.on('warning', (w) => warnings.push(w.name + ': ' + w.message.split('\\n')[0]));
  if (process.argv[1] === 'listen') process.on('unhandledRejection', () => {});
  Promise.reject(new Error('first'));
  Promise.reject('second');
  setTimeout(() => console.log(JSON.stringify(warnings)), 10);
`;

function run(mode, listen) {
  const child = spawnSync(process.execPath,
                          [`--unhandled-rejections=${mode}`, '-e', script, listen ? 'listen' : 'x'],
                          { encoding: 'utf8' });
  return { status: child.status, warnings: JSON.parse(child.stdout) };
}

for (const listen of [false, true]) {
  const { status, warnings } = run('warn', listen);
  assert.strictEqual(status, 0);
  assert.strictEqual(warnings.length, 4, warnings);
  assert.match(warnings[0], /^UnhandledPromiseRejectionWarning: Error: first/);
  assert.match(warnings[1], /^UnhandledPromiseRejectionWarning: Unhandled promise rejection/);
  assert.strictEqual(warnings[2], 'UnhandledPromiseRejectionWarning: second');
}

{
  const quiet = run('warn-with-error-code', true);
  assert.deepStrictEqual(quiet, { status: 0, warnings: [] });
  const loud = run('warn-with-error-code', false);
  assert.strictEqual(loud.status, 1);
  assert.strictEqual(loud.warnings.length, 4);
}

{
  const child = spawnSync(process.execPath, ['--unhandled-rejections=bogus', '-e', '1'],
                          { encoding: 'utf8' });
  assert.notStrictEqual(child.status, 0);
  assert.strictEqual(child.stdout, '');
  assert.match(child.stderr, /invalid value for --unhandled-rejections/);
}
