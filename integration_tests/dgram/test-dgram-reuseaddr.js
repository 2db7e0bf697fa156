'use strict';
// Two sockets created with reuseAddr may bind the same port.
const assert = require('assert');
const dgram = require('dgram');

const a = dgram.createSocket({ type: 'udp4', reuseAddr: true });
a.bind(0, '127.0.0.1', () => {
  const { port } = a.address();
  const b = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  b.on('error', (err) => assert.fail(err));
  b.bind(port, '127.0.0.1', () => {
    assert.strictEqual(b.address().port, port);
    a.close();
    b.close();
  });
});
