'use strict';
// Basic process information: platform, pid, memoryUsage, version(s), uptime.
const assert = require('node:assert');

assert.strictEqual(process.platform, 'linux');
assert.strictEqual(typeof process.pid, 'number');
assert.ok(Number.isInteger(process.pid) && process.pid > 0);
assert.strictEqual(typeof process.ppid, 'number');
assert.strictEqual(typeof process.arch, 'string');

const mem = process.memoryUsage();
assert.ok(mem.rss > 0);
assert.ok(mem.heapTotal > 0);
assert.ok(mem.heapUsed > 0);
assert.ok(mem.heapUsed <= mem.heapTotal);
assert.strictEqual(typeof mem.external, 'number');
assert.strictEqual(typeof process.memoryUsage.rss(), 'number');

assert.strictEqual(typeof process.version, 'string');
assert.ok(process.version.startsWith('v20.'), process.version);
assert.match(process.version, /^v20\.\d+\.\d+$/);
assert.strictEqual(typeof process.versions, 'object');
assert.strictEqual('v' + process.versions.node, process.version);
assert.strictEqual(typeof process.versions.v8, 'string');
assert.strictEqual(typeof process.versions.uv, 'string');

const up = process.uptime();
assert.strictEqual(typeof up, 'number');
assert.ok(up >= 0 && up < 60, String(up));

assert.strictEqual(typeof process.nextTick, 'function');
assert.strictEqual(typeof process.exit, 'function');
assert.strictEqual(process.exitCode, undefined);
assert.strictEqual(String(process), '[object process]');
assert.strictEqual(globalThis.process, process);
console.log('ok');
