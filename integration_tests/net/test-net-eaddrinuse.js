'use strict';
// A second listen on a taken port emits EADDRINUSE with Node's message; a second
// listen() on a listening server throws ERR_SERVER_ALREADY_LISTEN.
const assert = require('assert');
const net = require('net');

const first = net.createServer();
first.listen(0, () => {
  const { port } = first.address();
  assert.throws(() => first.listen(0), { code: 'ERR_SERVER_ALREADY_LISTEN' });
  const second = net.createServer();
  second.on('listening', () => assert.fail('must not listen'));
  second.on('error', (err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.errno, -98);
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.address, '::');
    assert.strictEqual(err.message, `listen EADDRINUSE: address already in use :::${port}`);
    assert.strictEqual(second.listening, false);
    assert.strictEqual(second.address(), null);
    first.close();
    second.errored = true;
  });
  second.listen(port);
  process.on('exit', () => assert.strictEqual(second.errored, true));
});

assert.throws(() => net.createServer().listen(65536), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => net.createServer().listen({ host: 'localhost' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
