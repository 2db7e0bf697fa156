'use strict';
// networkInterfaces(): Node's entry shape, cidr from the netmask, scopeid on IPv6 only.
const assert = require('assert');
const os = require('os');

const interfaces = os.networkInterfaces();
assert.ok(interfaces.lo, 'a loopback interface exists');
const v4 = interfaces.lo.find((e) => e.family === 'IPv4');
assert.deepStrictEqual(v4, {
  address: '127.0.0.1',
  netmask: '255.0.0.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal: true,
  cidr: '127.0.0.1/8',
});
for (const entries of Object.values(interfaces)) {
  for (const e of entries) {
    assert.match(e.mac, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    assert.strictEqual(typeof e.internal, 'boolean');
    if (e.family === 'IPv6') {
      assert.strictEqual(typeof e.scopeid, 'number');
      assert.ok(e.cidr === null || e.cidr.startsWith(`${e.address}/`));
    } else {
      assert.strictEqual(e.family, 'IPv4');
      assert.ok(!('scopeid' in e));
    }
  }
}
