'use strict';
// process.env: set, read, delete, `in`, and coercion of values to strings.
const assert = require('node:assert');

const key = 'SKUA_TEST_ENV_VAR_' + process.pid;
assert.strictEqual(process.env[key], undefined);
assert.strictEqual(key in process.env, false);

process.env[key] = 'value';
assert.strictEqual(process.env[key], 'value');
assert.strictEqual(key in process.env, true);
assert.ok(Object.keys(process.env).includes(key));
assert.strictEqual(Object.prototype.hasOwnProperty.call(process.env, key), true);

// Values are coerced to strings.
process.env[key] = 42;
assert.strictEqual(process.env[key], '42');
process.env[key] = true;
assert.strictEqual(process.env[key], 'true');
process.env[key] = undefined;
assert.strictEqual(process.env[key], 'undefined');
process.env[key] = null;
assert.strictEqual(process.env[key], 'null');
process.env[key] = { toString() { return 'custom'; } };
assert.strictEqual(process.env[key], 'custom');
process.env[key] = '';
assert.strictEqual(process.env[key], '');
assert.strictEqual(key in process.env, true);

// delete removes the variable and returns true (also for missing ones).
assert.strictEqual(delete process.env[key], true);
assert.strictEqual(process.env[key], undefined);
assert.strictEqual(key in process.env, false);
assert.strictEqual(delete process.env[key], true);

// Existing environment is visible; keys and values are strings.
assert.strictEqual(typeof process.env.PATH, 'string');
for (const [k, v] of Object.entries(process.env)) {
  assert.strictEqual(typeof k, 'string');
  assert.strictEqual(typeof v, 'string');
}
// Symbols cannot be assigned.
assert.throws(() => { process.env[key] = Symbol('x'); }, TypeError);
console.log('ok');
