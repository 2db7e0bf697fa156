'use strict';
// Command-line switches around modules and globals: --pending-deprecation's module.parent
// warning (DEP0144), --no-experimental-global-customevent,
// --disallow-code-generation-from-strings, and --experimental-shadow-realm.
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(flags, source) {
  const result = spawnSync(process.execPath, [...flags, '-e', source], { encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
  return result;
}

{
  const { stderr } = run(['--pending-deprecation'], 'module.parent; module.parent;');
  assert.match(stderr, /\[DEP0144\] DeprecationWarning: module\.parent is deprecated/);
  assert.strictEqual(stderr.match(/DEP0144/g).length, 1);
}
{
  const { stderr } = run([], 'module.parent;');
  assert.doesNotMatch(stderr, /DEP0144/);
}

assert.strictEqual(run([], 'console.log(typeof CustomEvent)').stdout.trim(), 'function');
assert.strictEqual(
  run(['--no-experimental-global-customevent'], 'console.log(typeof CustomEvent)').stdout.trim(),
  'undefined');

assert.strictEqual(
  run(['--disallow-code-generation-from-strings'],
      'try { eval("1"); console.log("ran") } catch (e) { console.log(e.name) }').stdout.trim(),
  'EvalError');

assert.strictEqual(
  run(['--experimental-shadow-realm'], `
    const realm = new ShadowRealm();
    const get = realm.evaluate('globalThis.inner = 42; () => globalThis.inner');
    console.log(get(), 'inner' in globalThis);
  `).stdout.trim(),
  '42 false');

// -c/--check compiles without running; a syntax error exits 1 naming the input.
for (const flag of ['-c', '--check']) {
  const good = spawnSync(process.execPath, [flag],
                         { input: 'console.log("ran")', encoding: 'utf8' });
  assert.strictEqual(good.status, 0, good.stderr);
  assert.strictEqual(good.stdout, '');
  const bad = spawnSync(process.execPath, [flag], { input: 'var a b;', encoding: 'utf8' });
  assert.strictEqual(bad.status, 1);
  assert.ok(bad.stderr.startsWith('[stdin]'), bad.stderr);
  assert.match(bad.stderr, /SyntaxError/);
  const both = spawnSync(process.execPath, [flag, '-e', '1'], { encoding: 'utf8' });
  assert.strictEqual(both.status, 9);
  assert.match(both.stderr, /either --check or --eval can be used, not both/);
}
