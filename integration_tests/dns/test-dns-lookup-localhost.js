'use strict';
// dns.lookup of localhost and of IP literals, with family/all options, through the
// callback and promise forms; a bad name gives ENOTFOUND-style errors asynchronously.
const assert = require('assert');
const dns = require('dns');

let checks = 0;
dns.lookup('localhost', (err, address, family) => {
  assert.ifError(err);
  assert.ok(family === 4 || family === 6);
  assert.ok(address === '127.0.0.1' || address === '::1', address);
  checks++;
});
dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
  checks++;
});
dns.lookup('localhost', { all: true }, (err, addresses) => {
  assert.ifError(err);
  assert.ok(Array.isArray(addresses) && addresses.length >= 1);
  for (const { address, family } of addresses) {
    assert.strictEqual(family, address.includes(':') ? 6 : 4);
  }
  checks++;
});
dns.lookup('127.0.0.1', (err, address, family) => {
  assert.deepStrictEqual([err, address, family], [null, '127.0.0.1', 4]);
  checks++;
});
dns.promises.lookup('::1', { all: true }).then((addresses) => {
  assert.deepStrictEqual(addresses, [{ address: '::1', family: 6 }]);
  checks++;
});
dns.promises.lookup('localhost', 4).then((result) => {
  assert.deepStrictEqual(result, { address: '127.0.0.1', family: 4 });
  checks++;
});
dns.lookup('no-such-host.invalid', (err) => {
  assert.ok(err);
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'no-such-host.invalid');
  assert.ok(['ENOTFOUND', 'EAI_AGAIN'].includes(err.code), err.code);
  checks++;
});
assert.throws(() => dns.lookup('localhost', { family: 5 }, () => {}),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => dns.lookup('localhost'), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => assert.strictEqual(checks, 7));
