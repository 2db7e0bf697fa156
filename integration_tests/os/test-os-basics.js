'use strict';
// The string and number facts of node:os have Node's types and shapes.
const assert = require('assert');
const os = require('os');

assert.strictEqual(os.EOL, '\n');
assert.strictEqual(os.devNull, '/dev/null');
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.arch(), process.arch);
assert.strictEqual(os.type(), 'Linux');
for (const fn of ['hostname', 'release', 'version', 'machine', 'homedir', 'tmpdir']) {
  assert.strictEqual(typeof os[fn](), 'string', fn);
  assert.ok(os[fn]().length > 0, fn);
}
// These functions convert to their result where a primitive is expected.
assert.strictEqual(`${os.hostname}`, os.hostname());
assert.strictEqual(`${os.type}`, 'Linux');
assert.ok(['LE', 'BE'].includes(os.endianness()));
assert.ok(os.uptime() > 0);
assert.ok(os.totalmem() > 0);
assert.ok(os.freemem() > 0 && os.freemem() <= os.totalmem());
assert.ok(Number.isInteger(os.availableParallelism()) && os.availableParallelism() >= 1);

const loads = os.loadavg();
assert.strictEqual(loads.length, 3);
for (const l of loads) assert.strictEqual(typeof l, 'number');

const cpus = os.cpus();
assert.ok(cpus.length >= 1);
assert.deepStrictEqual(Object.keys(cpus[0]), ['model', 'speed', 'times']);
assert.deepStrictEqual(Object.keys(cpus[0].times), ['user', 'nice', 'sys', 'idle', 'irq']);

assert.deepStrictEqual(Object.keys(os), [
  'arch', 'availableParallelism', 'cpus', 'endianness', 'freemem', 'getPriority', 'homedir',
  'hostname', 'loadavg', 'networkInterfaces', 'platform', 'release', 'setPriority', 'tmpdir',
  'totalmem', 'type', 'userInfo', 'uptime', 'version', 'machine', 'constants', 'EOL', 'devNull',
]);
