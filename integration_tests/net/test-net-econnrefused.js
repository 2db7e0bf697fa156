'use strict';
// Connecting to a port nobody listens on: 'error' with Node's ECONNREFUSED shape, then
// 'close' with hadError true; no 'connect'.
const assert = require('assert');
const net = require('net');

// Find a free port by listening and closing.
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const { port } = probe.address();
  probe.close(() => {
    const events = [];
    const client = net.connect(port, '127.0.0.1');
    client.on('connect', () => assert.fail('must not connect'));
    client.on('error', (err) => {
      events.push('error');
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.errno, -111);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
      assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
    });
    client.on('close', (hadError) => {
      events.push('close');
      assert.strictEqual(hadError, true);
      assert.deepStrictEqual(events, ['error', 'close']);
      assert.strictEqual(client.destroyed, true);
      // Writing to the dead socket reports an error too.
      client.on('error', () => {});
      client.write('x', (err) => {
        assert.ok(err);
        events.push('write error');
      });
    });
    process.on('exit', () => assert.deepStrictEqual(events, ['error', 'close', 'write error']));
  });
});
