'use strict';
// process.env accepts only plain data properties through defineProperty, and, under
// --pending-deprecation only, warns once (DEP0104) when given a value that is not a
// string, number or boolean.
const assert = require('assert');
const { spawnSync } = require('child_process');

const warnings = [];
process.on('warning', (w) => warnings.push(w.code));

assert.throws(() => Object.defineProperty(process.env, 'SKUA_A', { value: 'x' }), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  name: 'TypeError',
  message: "'process.env' only accepts a configurable, writable, and enumerable data " +
    'descriptor',
});
assert.throws(() => Object.defineProperty(process.env, 'SKUA_A', { get() { return 'x'; } }), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  message: "'process.env' does not accept an accessor(getter/setter) descriptor",
});
assert.strictEqual(process.env.SKUA_A, undefined);
Object.defineProperty(process.env, 'SKUA_A', {
  value: 'ok', writable: true, enumerable: true, configurable: true,
});
assert.strictEqual(process.env.SKUA_A, 'ok');

process.env.SKUA_B = 1;
process.env.SKUA_C = undefined;
process.env.SKUA_D = null;
assert.strictEqual(process.env.SKUA_C, 'undefined');
setImmediate(() => assert.deepStrictEqual(warnings, []));

const child = spawnSync(process.execPath, ['--pending-deprecation', '-e', `
  process.on('warning', (w) => console.log(w.code));
  process.env.SKUA_E = {};
  process.env.SKUA_F = undefined;
`], { encoding: 'utf8' });
assert.strictEqual(child.stdout, 'DEP0104\n');
