'use strict';
// --secure-heap=N and --secure-heap-min=N: OpenSSL's secure heap, reported by
// crypto.secureHeapUsed(); both sizes must be powers of 2.
const assert = require('assert');
const { spawnSync } = require('child_process');
const crypto = require('crypto');

function run(args) {
  return spawnSync(process.execPath, args,
                   { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

if (!process.execArgv.some((a) => a.startsWith('--secure-heap'))) {
  // No secure heap here.
  assert.deepStrictEqual(crypto.secureHeapUsed(), { total: 0, used: 0, utilization: 0, min: 0 });
}

const child = `
  const crypto = require('crypto');
  const before = crypto.secureHeapUsed();
  const dh = crypto.createDiffieHellman(crypto.getDiffieHellman('modp14').getPrime());
  dh.generateKeys();
  const after = crypto.secureHeapUsed();
  console.log(JSON.stringify({ before, keys: Object.keys(after), after }));`;

let result = run(['--secure-heap=65536', '--secure-heap-min=4', '-e', child]);
assert.strictEqual(result.status, 0, result.stderr);
const { before, keys, after } = JSON.parse(result.stdout);
assert.deepStrictEqual(before, { total: 65536, used: 0, utilization: 0, min: 4 });
assert.deepStrictEqual(keys, ['total', 'used', 'utilization', 'min']);
assert(after.used > 0);
assert.strictEqual(after.utilization, after.used / 65536);

// The minimum defaults to 2; one above the heap's size is clamped to it, not refused.
result = run(['--secure-heap=64', '--secure-heap-min=4096', '-p', '"ok"']);
assert.strictEqual(result.status, 0, result.stderr);
assert.strictEqual(result.stdout, 'ok\n');
result = run(['--secure-heap=1024', '-p', 'JSON.stringify(require("crypto").secureHeapUsed())']);
assert.strictEqual(result.status, 0, result.stderr);
assert.strictEqual(JSON.parse(result.stdout).min, 2);

// Sizes that are not powers of 2: every problem is reported, exit code 9.
result = run(['--secure-heap=3', '--secure-heap-min=3', '-p', '1']);
assert.strictEqual(result.status, 9);
assert.match(result.stderr, /--secure-heap must be a power of 2/);
assert.match(result.stderr, /--secure-heap-min must be a power of 2/);
assert.strictEqual(result.stdout, '');
