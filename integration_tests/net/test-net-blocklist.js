'use strict';
// net.BlockList and net.SocketAddress: rules, IPv4-mapped matching, prefixes, validation.
const assert = require('assert');
const util = require('util');
const { BlockList, SocketAddress } = require('net');

{
  const list = new BlockList();
  list.addAddress('10.1.2.3');
  list.addRange('192.168.0.10', '192.168.0.20');
  list.addSubnet('2001:db8:0:0:0:0:0:0', 48, 'IPv6');
  assert.deepStrictEqual(list.rules, [
    'Subnet: IPv6 2001:db8::/48',
    'Range: IPv4 192.168.0.10-192.168.0.20',
    'Address: IPv4 10.1.2.3',
  ]);
  assert.strictEqual(list.check('10.1.2.3'), true);
  assert.strictEqual(list.check('10.1.2.4'), false);
  assert.strictEqual(list.check('::ffff:10.1.2.3', 'ipv6'), true);
  assert.strictEqual(list.check('192.168.0.9'), false);
  assert.strictEqual(list.check('192.168.0.15'), true);
  assert.strictEqual(list.check('192.168.0.21'), false);
  assert.strictEqual(list.check('2001:db8:0:ffff::1', 'ipv6'), true);
  assert.strictEqual(list.check('2001:db8:1::1', 'ipv6'), false);
  // Not an address of the given family: no match rather than an error.
  assert.strictEqual(list.check('2001:db8::1'), false);
  assert.strictEqual(list.check('not an address'), false);
}

{
  const list = new BlockList();
  list.addSubnet('172.16.5.77', 20);
  assert.strictEqual(list.check('172.16.0.0'), true);
  assert.strictEqual(list.check('172.16.15.255'), true);
  assert.strictEqual(list.check('172.16.16.0'), false);
  list.addAddress(new SocketAddress({ address: '8.8.8.8' }));
  assert.strictEqual(list.check(new SocketAddress({ address: '8.8.8.8' })), true);
}

{
  const list = new BlockList();
  assert.throws(() => list.addAddress(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => list.addAddress('1.1.1.1', 'ipv5'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => list.addAddress('1.1.1.999'), { code: 'ERR_INVALID_ADDRESS' });
  assert.throws(() => list.addRange('1.1.1.9', '1.1.1.1'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => list.addSubnet('1.1.1.0', 33), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => list.addSubnet('::', 129, 'ipv6'), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => list.check(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(util.inspect(list, { depth: -1 }), '[BlockList]');
  assert.strictEqual(util.inspect(list), 'BlockList { rules: [] }');
}

{
  const sa = new SocketAddress({ address: '2001:DB8:0:0:1:0:0:1', family: 'ipv6', port: 80 });
  assert.deepStrictEqual(sa.toJSON(),
                         { address: '2001:db8::1:0:0:1', port: 80, family: 'ipv6', flowlabel: 0 });
  const def = new SocketAddress();
  assert.strictEqual(def.address, '127.0.0.1');
  assert.strictEqual(def.family, 'ipv4');
  assert.strictEqual(new SocketAddress({ family: 'ipv6' }).address, '::');
  assert.strictEqual(SocketAddress.isSocketAddress(def), true);
  assert.strictEqual(SocketAddress.isSocketAddress({}), false);
  assert.throws(() => new SocketAddress({ port: 70000 }), { code: 'ERR_SOCKET_BAD_PORT' });
}
