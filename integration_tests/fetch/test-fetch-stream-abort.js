'use strict';
// Streaming a large response body with backpressure, and aborting mid-body.
const assert = require('assert');
const http = require('http');

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const TOTAL = 8 * 1024 * 1024;

const server = http.createServer((req, res) => {
  if (req.url === '/large') {
    res.writeHead(200, { 'content-length': TOTAL });
    let sent = 0;
    const write = () => {
      while (sent < TOTAL) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) {
          res.once('drain', write);
          return;
        }
      }
      res.end();
    };
    write();
  } else if (req.url === '/slow') {
    res.writeHead(200);
    res.write('first');
    req.socket.on('close', () => {});
    // Never ends: the client aborts.
  } else if (req.url === '/upload') {
    let n = 0;
    req.on('data', (c) => { n += c.length; });
    req.on('end', () => res.end(`${n}`));
  }
});

server.listen(0, async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const res = await fetch(`${base}/large`);
    let received = 0;
    for await (const chunk of res.body) {
      assert.ok(chunk instanceof Uint8Array);
      received += chunk.byteLength;
    }
    assert.strictEqual(received, TOTAL);

    // Streamed upload
    let count = 0;
    const body = new ReadableStream({
      pull(c) {
        if (count++ < 10) c.enqueue(new Uint8Array(1000));
        else c.close();
      },
    });
    const up = await fetch(`${base}/upload`, { method: 'POST', body, duplex: 'half' });
    assert.strictEqual(await up.text(), '10000');

    // Abort before the response
    const ac0 = new AbortController();
    ac0.abort();
    await assert.rejects(fetch(`${base}/slow`, { signal: ac0.signal }), { name: 'AbortError' });

    // Abort mid-body
    const ac = new AbortController();
    const slow = await fetch(`${base}/slow`, { signal: ac.signal });
    const reader = slow.body.getReader();
    const first = await reader.read();
    assert.strictEqual(new TextDecoder().decode(first.value), 'first');
    ac.abort();
    await assert.rejects(reader.read(), { name: 'AbortError' });
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
});
