'use strict';
// Two requests sent in one write on a raw socket are answered in order on the same
// connection, even when the first response finishes after the second is ready.
const assert = require('assert');
const http = require('http');
const net = require('net');

const seen = [];
const server = http.createServer((req, res) => {
  seen.push(req.url);
  if (req.url === '/slow') {
    setTimeout(() => res.end('slow body'), 50);
  } else {
    res.end('fast body');
  }
});

server.listen(0, '127.0.0.1', () => {
  const socket = net.connect(server.address().port, '127.0.0.1');
  socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  let data = '';
  socket.setEncoding('latin1');
  socket.on('data', (d) => { data += d; });
  socket.on('end', () => {
    assert.deepStrictEqual(seen, ['/slow', '/fast']);
    const first = data.indexOf('slow body');
    const second = data.indexOf('fast body');
    assert.ok(first > 0 && second > first, data);
    assert.strictEqual(data.match(/HTTP\/1\.1 200 OK/g).length, 2);
    assert.match(data, /Connection: close\r\n/);
    server.close();
  });
});
