'use strict';
// A corked socket flushes its buffered writes together (writev): strings in UTF-8,
// Latin-1, ASCII and base64, Buffers and empty chunks must reach the peer as the same
// bytes, in order, and every write callback must run.
const assert = require('assert');
const net = require('net');

const expected = Buffer.concat([
  Buffer.from('h\u00e9llo \u20ac '),
  Buffer.from('w\u00f6rld ', 'latin1'),
  Buffer.from('plain '),
  Buffer.from('buf '),
  Buffer.from('aGV4', 'base64'),
  Buffer.from(' \u00ff', 'latin1'),
]);
let callbacks = 0;
const done = () => { callbacks++; };

const server = net.createServer((socket) => {
  socket.cork();
  socket.write('h\u00e9llo \u20ac ', 'utf8', done);
  socket.write('w\u00f6rld ', 'latin1', done);
  socket.write('', 'utf8', done);
  socket.write('plain ', 'ascii', done);
  socket.write(Buffer.from('buf '), done);
  socket.write('aGV4', 'base64', done);
  socket.write(' \u00ff', 'binary', done);
  socket.write('', 'latin1', done);
  socket.uncork();
  socket.end();
});

server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  const parts = [];
  client.on('data', (d) => parts.push(d));
  client.on('end', () => {
    assert.deepStrictEqual(Buffer.concat(parts), expected);
    assert.strictEqual(callbacks, 8);
    server.close();
  });
});
