'use strict';
// Socket options on a bound socket: broadcast, TTLs, multicast loopback/interface,
// loopback multicast membership, and buffer sizes (Linux reports double the request).
const assert = require('assert');
const dgram = require('dgram');

const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 16384 });
assert.throws(() => socket.getRecvBufferSize(), { code: 'ERR_SOCKET_BUFFER_SIZE' });
socket.bind(0, () => {
  assert.ok(socket.getRecvBufferSize() >= 16384);
  socket.setSendBufferSize(32768);
  assert.ok(socket.getSendBufferSize() >= 32768);
  assert.throws(() => socket.setRecvBufferSize(-1), { code: 'ERR_SOCKET_BAD_BUFFER_SIZE' });

  socket.setBroadcast(true);
  socket.setBroadcast(false);
  assert.strictEqual(socket.setTTL(16), 16);
  assert.throws(() => socket.setTTL('16'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => socket.setTTL(1000), { code: 'EINVAL', syscall: 'setTTL' });
  assert.strictEqual(socket.setMulticastTTL(4), 4);
  assert.strictEqual(socket.setMulticastLoopback(true), true);
  socket.setMulticastInterface('127.0.0.1');

  assert.throws(() => socket.addMembership(), { code: 'ERR_MISSING_ARGS' });
  socket.addMembership('224.0.0.114', '127.0.0.1');
  socket.dropMembership('224.0.0.114', '127.0.0.1');
  assert.throws(() => socket.dropMembership('224.0.0.114', '127.0.0.1'), {
    code: 'EADDRNOTAVAIL', syscall: 'dropMembership',
  });
  assert.strictEqual(socket.getSendQueueCount(), 0);
  socket.close();
});
