'use strict';
// setTimeout: an idle socket gets 'timeout' (and stays open); setTimeout(0) disables it;
// the timer does not keep the process alive on its own.
const assert = require('assert');
const net = require('net');

let timeouts = 0;
const server = net.createServer((socket) => {
  socket.setTimeout(50);
  socket.on('timeout', () => {
    timeouts++;
    assert.strictEqual(socket.destroyed, false);
    socket.setTimeout(0);
    socket.end('timed out');
  });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1', timeout: 10000 });
  assert.strictEqual(client.timeout, 10000);
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (chunk) => { reply += chunk; });
  client.on('close', () => {
    assert.strictEqual(reply, 'timed out');
    server.close();
  });
});
assert.throws(() => new net.Socket().setTimeout(-1), { code: 'ERR_OUT_OF_RANGE' });

process.on('exit', () => assert.strictEqual(timeouts, 1));
