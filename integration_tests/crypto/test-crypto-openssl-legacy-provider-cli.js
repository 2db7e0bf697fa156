'use strict';
// --openssl-legacy-provider loads OpenSSL 3's legacy provider (Blowfish, CAST, ...) beside
// the default one; without it those ciphers are unavailable.
const assert = require('assert');
const { spawnSync } = require('child_process');

const script = `
  const crypto = require('crypto');
  let legacy;
  try {
    const c = crypto.createCipheriv('bf-cbc', Buffer.alloc(16, 1), Buffer.alloc(8, 2));
    legacy = Buffer.concat([c.update('legacy'), c.final()]).toString('hex');
  } catch {
    legacy = 'unavailable';
  }
  const modern = crypto.createHash('sha256').update('a').digest('hex');
  console.log(JSON.stringify({ legacy, modern }));`;

function run(flags) {
  const result = spawnSync(process.execPath, [...flags, '-e', script],
                           { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.strictEqual(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

const sha256 = 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb';
const withProvider = run(['--openssl-legacy-provider']);
assert.strictEqual(withProvider.modern, sha256);
assert.match(withProvider.legacy, /^[0-9a-f]{16}$/);
const without = run([]);
assert.strictEqual(without.modern, sha256);
assert.strictEqual(without.legacy, 'unavailable');
