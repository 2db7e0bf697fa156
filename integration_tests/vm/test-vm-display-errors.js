// Errors from vm code carry the source line and a caret at the top of their stack
// (displayErrors, on by default; compile errors always), once.
const assert = require('node:assert');
const vm = require('node:vm');
const { spawnSync } = require('node:child_process');

const code = 'throw new Error("foo");';
assert.throws(() => vm.runInNewContext(code, {}, 'here.vm'), (error) => {
  const lines = error.stack.split('\n');
  assert.strictEqual(lines[0], 'here.vm:1');
  assert.strictEqual(lines[1], code);
  assert.strictEqual(lines[2], '^');
  assert.strictEqual(lines[3], '');
  assert.strictEqual(lines[4], 'Error: foo');
  assert.match(lines[5], /^ {4}at here\.vm:1:7$/);
  return true;
});

assert.throws(() => vm.runInThisContext(code, { displayErrors: false }), (error) => {
  assert.match(error.stack, /^Error: foo\n/);
  return true;
});

assert.throws(() => new vm.Script('let a b;', { filename: 'bad.vm' }), (error) => {
  assert.strictEqual(error.name, 'SyntaxError');
  assert.match(error.stack, /^bad\.vm:1\nlet a b;\n {6}\^\n\nSyntaxError: /);
  return true;
});

// Rethrown through another vm call, the stack is decorated only once.
const script = new vm.Script('run()');
assert.throws(() => script.runInNewContext({ run: () => vm.runInThisContext(code) }), (error) => {
  assert.strictEqual(error.stack.split('\n^\n').length, 2);
  return true;
});

// Uncaught, the source context is printed once.
const child = spawnSync(process.execPath, ['-e', `require("vm").runInThisContext(${JSON.stringify(code)})`]);
const stderr = child.stderr.toString();
assert.strictEqual(child.status, 1);
assert.strictEqual(stderr.split(code).length, 2, stderr);
assert.match(stderr, /^evalmachine\.<anonymous>:1\nthrow new Error\("foo"\);\n\^\n\nError: foo\n/);
console.log('ok');
