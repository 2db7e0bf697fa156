'use strict';
// The bytes of small responses: a chunked body written from a UTF-8 or Latin-1 string,
// a Latin-1 status message, Date and Keep-Alive lines (with the request limit), and
// the 400 for a request without Host; also that Expect is still honoured.
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => {
  if (req.url === '/latin1') {
    res.writeHead(200, 'Gr\u00fc\u00dfe', { 'X-Name': 'caf\u00e9' });
    res.write('\u00e9t\u00e9', 'latin1');
    res.end('!');
  } else if (req.url === '/utf8') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('\u20ac uro');
  } else {
    res.end('plain');
  }
});
server.maxRequestsPerSocket = 10;

// Sends raw requests on one connection and returns everything the server sent.
function exchange(port, text) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    const parts = [];
    socket.on('data', (d) => parts.push(d));
    socket.on('close', () => resolve(Buffer.concat(parts)));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const latin1 = (await exchange(port, 'GET /latin1 HTTP/1.1\r\nHost: a\r\n\r\n'))
    .toString('latin1');
  assert.match(latin1, /^HTTP\/1\.1 200 Gr\u00fc\u00dfe\r\n/);
  assert.match(latin1, /\r\nX-Name: caf\u00e9\r\n/);
  assert.match(latin1, /\r\nDate: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\r\n/);
  assert.match(latin1, /\r\nKeep-Alive: timeout=5, max=10\r\n/);
  assert.ok(latin1.endsWith('\r\n\r\n3\r\n\u00e9t\u00e9\r\n1\r\n!\r\n0\r\n\r\n'), latin1);

  const utf8 = (await exchange(port, 'GET /utf8 HTTP/1.1\r\nHost: a\r\n\r\n')).toString();
  assert.match(utf8, /\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n\u20ac uro\r\n0\r\n\r\n$/);

  const noHost = (await exchange(port, 'GET / HTTP/1.1\r\n\r\n')).toString();
  assert.match(noHost, /^HTTP\/1\.1 400 Bad Request\r\nConnection: close\r\n/);

  const host = (await exchange(port, 'GET / HTTP/1.1\r\nhOsT: a\r\n\r\n')).toString();
  assert.match(host, /^HTTP\/1\.1 200 OK\r\n[^]*\r\nContent-Length: 5\r\n\r\nplain$/);

  const expect = (await exchange(port, 'GET / HTTP/1.1\r\nHost: a\r\nExpect: nothing\r\n\r\n'))
    .toString();
  assert.match(expect, /^HTTP\/1\.1 417 Expectation Failed\r\n/);
  server.close();
});
