'use strict';
// Request bodies that share one socket read with their heads and with the next
// pipelined request arrive as Buffers holding exactly their own bytes (also when the
// bytes start inside a pooled Buffer of a non-net connection), and an echo answered
// with end(body, cb) under a Content-Length still runs 'finish' and then the callback
// before 'close', once per response.
const assert = require('assert');
const http = require('http');
const net = require('net');
const { Duplex } = require('stream');

const events = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => {
    assert.ok(Buffer.isBuffer(d));
    chunks.push(Buffer.from(d));  // A copy: later reads must not change what we saw.
  });
  req.on('end', () => {
    const body = `${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
    res.on('finish', () => events.push(`finish ${req.url}`));
    res.on('close', () => events.push(`close ${req.url}`));
    res.end(body, () => events.push(`cb ${req.url}`));
  });
});

server.listen(0, '127.0.0.1', () => {
  const socket = net.connect(server.address().port, '127.0.0.1');
  const received = [];
  socket.on('data', (d) => received.push(d));
  socket.on('end', () => {
    const text = Buffer.concat(received).toString();
    const bodies = text.split('HTTP/1.1 200 OK\r\n').slice(1)
      .map((r) => r.slice(r.indexOf('\r\n\r\n') + 4));
    assert.deepStrictEqual(bodies, [
      'POST /a first-body',
      'POST /b xxxxxyy',
      'PUT /c caf\u00e9',
      'GET /d ',
    ]);
    assert.match(text, /Content-Length: 18\r\n/);
    for (const url of ['/a', '/b', '/c', '/d']) {
      const mine = events.filter((e) => e.endsWith(` ${url}`));
      assert.deepStrictEqual(mine, [`finish ${url}`, `cb ${url}`, `close ${url}`]);
    }
    viaDuplex();
  });
  const cafe = Buffer.from('caf\u00e9');
  // All four requests in one write: each body sits between two heads in the same read.
  socket.end(Buffer.concat([
    Buffer.from('POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nfirst-body'),
    Buffer.from('POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' +
                '5\r\nxxxxx\r\n2\r\nyy\r\n0\r\n\r\n'),
    Buffer.from(`PUT /c HTTP/1.1\r\nHost: x\r\nContent-Length: ${cafe.length}\r\n\r\n`),
    cafe,
    Buffer.from('GET /d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
  ]));
});

// A connection that is a plain Duplex, fed a small Buffer.from() (a slice of the pool,
// so its bytes do not start at offset 0 of their ArrayBuffer).
function viaDuplex() {
  const out = [];
  const duplex = new Duplex({
    read() {},
    write(chunk, encoding, cb) {
      out.push(Buffer.from(chunk));
      cb();
    },
  });
  duplex.on('finish', () => {
    assert.match(Buffer.concat(out).toString(), /\r\n\r\nPOST \/p hello$/);
    server.close();
  });
  server.emit('connection', duplex);
  duplex.push(Buffer.from('POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n' +
                          'Connection: close\r\n\r\nhello'));
}
