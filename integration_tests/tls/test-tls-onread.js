'use strict';
// tls.connect({ onread }): cleartext arrives through the caller's buffer and callback,
// in order and complete, never as 'data', also when a callback returns false and the
// socket is resumed later.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const message = Buffer.alloc(40000, 'abcdefghij');

const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (socket) => socket.end(message));

server.listen(0, '127.0.0.1', () => {
  const buffer = Buffer.alloc(1000);
  const pieces = [];
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
    onread: {
      buffer,
      callback(nread, buf) {
        assert.strictEqual(buf, buffer);
        assert.ok(nread > 0 && nread <= buffer.length);
        pieces.push(Buffer.from(buf.subarray(0, nread)));
        if (pieces.length === 1) {
          setImmediate(() => client.resume());
          return false;
        }
        return true;
      },
    },
  });
  client.on('data', () => assert.fail('no data events with onread'));
  client.on('end', () => {
    assert.ok(pieces.length >= message.length / buffer.length);
    assert.deepStrictEqual(Buffer.concat(pieces), message);
    server.close();
    console.log('ok');
  });
});
