'use strict';
// A client that sends its head too slowly hits headersTimeout: it gets 408 Request
// Timeout and is closed, while a prompt client on another connection is served.
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer({
  headersTimeout: 200,
  requestTimeout: 1000,
  connectionsCheckingInterval: 50,
}, (req, res) => res.end('ok'));

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const slow = net.connect(port, '127.0.0.1');
  let data = '';
  slow.setEncoding('latin1');
  slow.write('GET / HTTP/1.1\r\nHost: x\r\n');  // ...and never the final CRLF.
  const trickle = setInterval(() => slow.write('X-Slow: 1\r\n'), 20);
  slow.on('data', (d) => { data += d; });
  slow.on('error', () => {});
  slow.on('close', () => {
    clearInterval(trickle);
    assert.strictEqual(data, 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    server.close();
  });

  http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
    assert.strictEqual(res.statusCode, 200);
    res.resume();
    res.on('end', () => assert.strictEqual(data, ''));
  });
});
