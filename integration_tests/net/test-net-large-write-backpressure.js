'use strict';
// 32 MiB through a server that does not read until told: write() returns false, 'drain'
// follows once the reader catches up, and every byte arrives in order.
const assert = require('assert');
const net = require('net');

const CHUNK = 64 * 1024;
const TOTAL = 32 * 1024 * 1024;
let sawBackpressure = false;
let drains = 0;
let received = 0;
let checksumOk = true;

const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  socket.on('data', (chunk) => {
    for (let i = 0; i < chunk.length; i += 4096) {
      if (chunk[i] !== ((received + i) / CHUNK & 0xff)) checksumOk = false;
    }
    received += chunk.length;
  });
  socket.on('end', () => socket.end());
  client.once('backpressure', () => socket.resume());
});

let client;
server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1', () => {
    let sent = 0;
    function pump() {
      while (sent < TOTAL) {
        const chunk = Buffer.alloc(CHUNK, (sent / CHUNK) & 0xff);
        sent += CHUNK;
        if (!client.write(chunk)) {
          if (!sawBackpressure) {
            sawBackpressure = true;
            client.emit('backpressure');
          }
          client.once('drain', () => { drains++; pump(); });
          return;
        }
      }
      client.end();
    }
    pump();
  });
  client.resume();
  client.on('close', () => server.close());
});

process.on('exit', () => {
  assert.strictEqual(sawBackpressure, true);
  assert.ok(drains > 0);
  assert.strictEqual(received, TOTAL);
  assert.strictEqual(checksumOk, true);
});
