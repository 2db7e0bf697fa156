'use strict';
// A server on a Unix domain socket path: address() is the path, clients connect by
// path, and a missing path fails with ENOENT.
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skua-net-'));
const sockPath = path.join(dir, 'server.sock');
let reply = '';

const server = net.createServer((socket) => {
  socket.end('over unix');
});
server.listen(sockPath, () => {
  assert.strictEqual(server.address(), sockPath);
  const client = net.connect(sockPath, () => {
    assert.strictEqual(client.remoteAddress, undefined);
  });
  client.setEncoding('utf8');
  client.on('data', (chunk) => { reply += chunk; });
  client.on('close', () => {
    server.close(() => {
      assert.strictEqual(fs.existsSync(sockPath), false);  // Removed on close.
      const missing = net.connect({ path: path.join(dir, 'missing.sock') });
      missing.on('error', (err) => {
        assert.strictEqual(err.code, 'ENOENT');
        assert.strictEqual(err.syscall, 'connect');
        assert.strictEqual(err.message, `connect ENOENT ${path.join(dir, 'missing.sock')}`);
        fs.rmSync(dir, { recursive: true, force: true });
        reply += '!';
      });
    });
  });
});

process.on('exit', () => assert.strictEqual(reply, 'over unix!'));
