'use strict';
// end(data) after writeHead() without a length sends data as chunked, with the right
// byte counts for UTF-8 and Latin-1 strings and trailers; a replaced socket.write()
// still sees one call per piece, as in Node.
const assert = require('assert');
const http = require('http');
const net = require('net');

let writes = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/count') {
    const write = res.socket.write;
    res.socket.write = function(...args) {
      writes++;
      return write.apply(this, args);
    };
  }
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  if (req.url === '/latin1') {
    res.end('caf\xe9', 'latin1');
  } else if (req.url === '/trailer') {
    res.addTrailers({ 'X-Sum': 'abc' });
    res.end('with trailer');
  } else {
    res.end('h\u00e9llo \u{1f600}');
  }
});

function rawGet(port, path) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.end(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

function body(raw) {
  const text = raw.toString('latin1');
  assert.match(text, /\r\nTransfer-Encoding: chunked\r\n/);
  return raw.subarray(text.indexOf('\r\n\r\n') + 4);
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const utf8 = Buffer.from('h\u00e9llo \u{1f600}');
  assert.deepStrictEqual(body(await rawGet(port, '/')),
                         Buffer.concat([Buffer.from(`${utf8.length.toString(16)}\r\n`), utf8,
                                        Buffer.from('\r\n0\r\n\r\n')]));
  assert.deepStrictEqual(body(await rawGet(port, '/latin1')),
                         Buffer.from('4\r\ncaf\xe9\r\n0\r\n\r\n', 'latin1'));
  assert.strictEqual(body(await rawGet(port, '/trailer')).toString(),
                     'c\r\nwith trailer\r\n0\r\nX-Sum: abc\r\n\r\n');
  assert.strictEqual(body(await rawGet(port, '/count')).toString(),
                     `${utf8.length.toString(16)}\r\n${utf8}\r\n0\r\n\r\n`);
  assert.strictEqual(writes, 5);
  server.close();
});
