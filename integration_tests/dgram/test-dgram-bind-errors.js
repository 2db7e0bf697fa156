'use strict';
// Binding a port that another socket holds fails with EADDRINUSE and Node's message;
// binding twice throws ERR_SOCKET_ALREADY_BOUND; a closed socket is "Not running".
const assert = require('assert');
const dgram = require('dgram');

const first = dgram.createSocket('udp4');
first.bind(0, () => {
  assert.throws(() => first.bind(0), {
    code: 'ERR_SOCKET_ALREADY_BOUND', message: 'Socket is already bound',
  });
  const { port } = first.address();
  const second = dgram.createSocket('udp4');
  second.on('error', (err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.address, '0.0.0.0');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, `bind EADDRINUSE 0.0.0.0:${port}`);
    second.close();
    first.close(() => {
      assert.throws(() => first.address(), {
        code: 'ERR_SOCKET_DGRAM_NOT_RUNNING', message: 'Not running',
      });
      assert.throws(() => first.close(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
    });
  });
  second.on('listening', () => assert.fail('second bind should fail'));
  second.bind(port);
});

assert.throws(() => dgram.createSocket('udp5'), { code: 'ERR_SOCKET_BAD_TYPE' });
assert.throws(() => dgram.createSocket('udp4').send('x', 0, '127.0.0.1'), {
  code: 'ERR_SOCKET_BAD_PORT', name: 'RangeError',
});
