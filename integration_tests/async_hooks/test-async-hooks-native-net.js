'use strict';
// Connection and write requests of a TCP socket are reported with their provider types,
// and a hook enabled inside an init hook sees only the resources created after it.
const assert = require('assert');
const async_hooks = require('async_hooks');
const net = require('net');

const seen = [];
const nested = [];
const nestedHook = async_hooks.createHook({
  init(id, type) { nested.push(type); },
});
const hook = async_hooks.createHook({
  init(id, type) {
    seen.push(type);
    if (type === 'TCPCONNECTWRAP') nestedHook.enable();
  },
}).enable();

const server = net.createServer((socket) => {
  socket.end('hello');
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    client.end('hi');
  });
  client.setEncoding('utf8');
  let data = '';
  client.on('data', (chunk) => { data += chunk; });
  client.on('close', () => {
    assert.strictEqual(data, 'hello');
    server.close();
  });
});

process.on('exit', () => {
  hook.disable();
  nestedHook.disable();
  assert.ok(seen.includes('TCPCONNECTWRAP'), seen.join());
  assert.ok(seen.includes('SHUTDOWNWRAP') || seen.includes('WRITEWRAP'), seen.join());
  assert.ok(!nested.includes('TCPCONNECTWRAP'), nested.join());
});
