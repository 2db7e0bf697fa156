'use strict';
// process.argv[0] is the absolute path of the runtime executable (same as
// process.execPath); argv[1] is the absolute path of the main script
// (resolved, but not necessarily symlink-resolved like __filename).
const assert = require('node:assert');

assert.ok(Array.isArray(process.argv));
assert.strictEqual(process.argv.length, 2, JSON.stringify(process.argv));
assert.strictEqual(process.argv[0], process.execPath);
assert.strictEqual(typeof process.execPath, 'string');
assert.strictEqual(process.execPath[0], '/');
assert.strictEqual(process.argv[1][0], '/');
assert.ok(process.argv[1].endsWith('/test-process-argv.js'));
assert.ok(process.argv.every((a) => typeof a === 'string'));
assert.ok(Array.isArray(process.execArgv));
assert.strictEqual(typeof process.argv0, 'string');

// argv is a plain, mutable array owned by the script.
process.argv.push('--extra');
assert.strictEqual(process.argv[2], '--extra');
process.argv.pop();
assert.strictEqual(process.argv.length, 2);
console.log('ok');
