'use strict';
// Upgrade: the server's 'upgrade' gets the request, the raw socket and the bytes after
// the head; the client's 'upgrade' gets the 101 response and the socket, and both sides
// then speak their own protocol over it.
const assert = require('assert');
const http = require('http');

const server = http.createServer(() => assert.fail('no request event for upgrades'));
server.on('upgrade', (req, socket, head) => {
  assert.strictEqual(req.headers.upgrade, 'echo');
  assert.strictEqual(head.toString(), 'early');
  socket.write('HTTP/1.1 101 Switching Protocols\r\n' +
               'Upgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.write('head:' + head.toString() + ';');
  socket.pipe(socket);
});

server.listen(0, '127.0.0.1', () => {
  const req = http.request({
    port: server.address().port, host: '127.0.0.1',
    headers: { Connection: 'Upgrade', Upgrade: 'echo' },
  });
  req.on('upgrade', (res, socket, head) => {
    assert.strictEqual(res.statusCode, 101);
    assert.strictEqual(res.headers.upgrade, 'echo');
    let data = head.toString();
    socket.on('data', (d) => {
      data += d;
      if (data === 'head:early;ping') {
        socket.end();
        server.close();
      }
    });
    socket.write('ping');
  });
  req.end('early');
});
