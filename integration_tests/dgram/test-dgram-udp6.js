'use strict';
// udp6 sockets with ipv6Only bind '::1' and exchange a datagram; the rinfo is IPv6.
// Skipped (passes trivially) where the loopback has no IPv6 address.
const assert = require('assert');
const dgram = require('dgram');
const os = require('os');

const hasIPv6Loopback = Object.values(os.networkInterfaces()).flat()
  .some((i) => i.family === 'IPv6' && i.address === '::1');
if (!hasIPv6Loopback) {
  console.log('1..0 # Skipped: no ::1');
  process.exit(0);
}

const server = dgram.createSocket({ type: 'udp6', ipv6Only: true });
server.bind(0, '::1', () => {
  const { address, family, port } = server.address();
  assert.strictEqual(address, '::1');
  assert.strictEqual(family, 'IPv6');
  const client = dgram.createSocket('udp6');
  client.send('six', port, '::1');
  server.on('message', (msg, rinfo) => {
    assert.strictEqual(msg.toString(), 'six');
    assert.strictEqual(rinfo.family, 'IPv6');
    assert.strictEqual(rinfo.address, '::1');
    client.close();
    server.close();
  });
});
