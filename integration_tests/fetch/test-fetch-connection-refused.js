'use strict';
// A refused connection rejects with TypeError('fetch failed') whose cause is the
// socket error (code ECONNREFUSED, syscall connect), as undici reports it.
const assert = require('assert');
const net = require('net');

const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(async () => {
    await assert.rejects(fetch(`http://127.0.0.1:${port}/`), (err) => {
      assert.ok(err instanceof TypeError);
      assert.strictEqual(err.message, 'fetch failed');
      assert.ok(err.cause instanceof Error);
      assert.strictEqual(err.cause.code, 'ECONNREFUSED');
      assert.strictEqual(err.cause.syscall, 'connect');
      assert.strictEqual(err.cause.port, port);
      return true;
    });
  });
});
