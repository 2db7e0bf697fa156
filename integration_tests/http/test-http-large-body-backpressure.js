'use strict';
// 16 MB up and 16 MB down with backpressure honoured on both sides: writers wait for
// 'drain' when write() returns false, and a paused reader stops the flow without
// losing bytes.
const assert = require('assert');
const http = require('http');

const kSize = 16 * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'x');

function writeAll(stream, total, done) {
  let written = 0;
  let sawFalse = false;
  (function next() {
    while (written < total) {
      written += chunk.length;
      if (!stream.write(chunk)) {
        sawFalse = true;
        stream.once('drain', next);
        return;
      }
    }
    stream.end();
    done(sawFalse);
  })();
}

const server = http.createServer((req, res) => {
  let received = 0;
  req.on('data', (d) => { received += d.length; });
  req.on('end', () => {
    assert.strictEqual(received, kSize);
    res.setHeader('Content-Length', kSize);
    writeAll(res, kSize, (sawFalse) => assert.ok(sawFalse, 'server saw backpressure'));
  });
});

server.listen(0, '127.0.0.1', () => {
  const req = http.request({ port: server.address().port, host: '127.0.0.1', method: 'PUT',
                             headers: { 'Content-Length': kSize } }, (res) => {
    let received = 0;
    res.on('data', (d) => {
      received += d.length;
      if (received >= kSize / 2 && received - d.length < kSize / 2) {
        // Pause the reader for a while: the server must wait for us.
        res.pause();
        setTimeout(() => res.resume(), 100);
      }
    });
    res.on('end', () => {
      assert.strictEqual(received, kSize);
      server.close();
    });
  });
  writeAll(req, kSize, (sawFalse) => assert.ok(sawFalse, 'client saw backpressure'));
});
