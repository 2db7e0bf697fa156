'use strict';
// A 50 MiB response body is streamed with backpressure: while the reader does not
// read, the server's writes stall well short of the whole body; then all of it arrives.
const assert = require('assert');
const http = require('http');

const CHUNK = Buffer.alloc(256 * 1024, 'b');
const TOTAL = 50 * 1024 * 1024;
let written = 0;
let stalled = null;  // Resolves when a write is refused and no 'drain' follows soon.

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-length': TOTAL });
  const pump = () => {
    while (written < TOTAL) {
      written += CHUNK.length;
      if (!res.write(CHUNK)) {
        stalled?.();
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
});

// Waits until the server has been stalled for a while (or has sent everything).
function serverStalled() {
  return new Promise((resolve) => {
    let timer;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(() => resolve(), 300);
    };
    stalled = check;
    check();
  });
}

server.listen(0, '127.0.0.1', async () => {
  try {
    const res = await fetch(`http://127.0.0.1:${server.address().port}/`);
    const reader = res.body.getReader();
    const first = await reader.read();
    let received = first.value.byteLength;
    await serverStalled();
    stalled = null;
    assert.ok(written < TOTAL / 2, `${written} bytes written to a reader that reads nothing`);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value.byteLength;
    }
    assert.strictEqual(received, TOTAL);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
