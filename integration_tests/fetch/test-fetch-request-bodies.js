'use strict';
// Request bodies: a streamed ReadableStream of unknown length (chunked), a Blob, FormData
// and URLSearchParams arrive whole, with the headers their kind implies.
const assert = require('assert');
const crypto = require('crypto');
const http = require('http');

const server = http.createServer((req, res) => {
  const hash = crypto.createHash('sha256');
  let length = 0;
  req.on('data', (c) => {
    hash.update(c);
    length += c.length;
  });
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({
      length,
      sha: hash.digest('hex'),
      type: req.headers['content-type'] ?? null,
      te: req.headers['transfer-encoding'] ?? null,
      cl: req.headers['content-length'] ?? null,
    }));
  });
});

const sha = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  try {
    // 4 MiB in 64 KiB chunks from a pull stream.
    const chunk = new Uint8Array(64 * 1024).map((_, i) => i % 251);
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent === 64) return controller.close();
        sent++;
        controller.enqueue(chunk.slice());
      },
    });
    let res = await fetch(url, { method: 'PUT', body: stream, duplex: 'half' });
    let got = await res.json();
    assert.strictEqual(got.length, 64 * chunk.length);
    assert.strictEqual(got.sha, sha(Buffer.concat(Array(64).fill(chunk))));
    assert.strictEqual(got.te, 'chunked');
    assert.strictEqual(got.type, null);

    const blobBytes = crypto.randomBytes(300 * 1024);
    res = await fetch(url, { method: 'POST', body: new Blob([blobBytes], { type: 'x/y' }) });
    got = await res.json();
    assert.deepStrictEqual([got.length, got.sha, got.type, got.cl],
                           [blobBytes.length, sha(blobBytes), 'x/y', `${blobBytes.length}`]);

    const form = new FormData();
    form.append('field', 'value');
    res = await fetch(url, { method: 'POST', body: form });
    got = await res.json();
    assert.match(got.type, /^multipart\/form-data; boundary=/);
    assert.ok(got.length > 0);

    res = await fetch(url, { method: 'POST', body: new URLSearchParams({ a: '1' }) });
    got = await res.json();
    assert.deepStrictEqual([got.length, got.type],
                           [3, 'application/x-www-form-urlencoded;charset=UTF-8']);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
