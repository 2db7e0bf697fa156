'use strict';
// connect() fixes the peer: 'connect' fires, remoteAddress() names it, send() needs no
// address (and refuses one), disconnect() undoes it.
const assert = require('assert');
const dgram = require('dgram');

const server = dgram.createSocket('udp4');
server.bind(0, '127.0.0.1', () => {
  const { port } = server.address();
  const client = dgram.createSocket('udp4');
  assert.throws(() => client.remoteAddress(), { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  assert.throws(() => client.connect(0), { code: 'ERR_SOCKET_BAD_PORT', name: 'RangeError' });
  client.connect(port, '127.0.0.1', () => {
    assert.deepStrictEqual(client.remoteAddress(), { address: '127.0.0.1', family: 'IPv4', port });
    assert.throws(() => client.connect(port), {
      code: 'ERR_SOCKET_DGRAM_IS_CONNECTED', message: 'Already connected',
    });
    assert.throws(() => client.send('x', port, '127.0.0.1', () => {}), {
      code: 'ERR_SOCKET_DGRAM_IS_CONNECTED',
    });
    client.send('connected', (err) => assert.ifError(err));
  });
  server.on('message', (msg, rinfo) => {
    assert.strictEqual(msg.toString(), 'connected');
    assert.strictEqual(rinfo.port, client.address().port);
    client.disconnect();
    assert.throws(() => client.disconnect(), {
      code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED', message: 'Not connected',
    });
    client.close();
    server.close();
  });
});
