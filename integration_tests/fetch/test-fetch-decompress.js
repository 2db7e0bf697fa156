'use strict';
// gzip, deflate and br response bodies are decoded; Content-Encoding stays visible.
const assert = require('assert');
const http = require('http');
const zlib = require('zlib');

const text = 'a compressible line of text\n'.repeat(5000);
const encoders = {
  gzip: zlib.gzipSync,
  deflate: zlib.deflateSync,
  br: zlib.brotliCompressSync,
};

const server = http.createServer((req, res) => {
  const coding = req.url.slice(1);
  assert.match(req.headers['accept-encoding'], new RegExp(coding === 'br' ? 'gzip' : coding));
  const body = encoders[coding](text);
  res.writeHead(200, { 'content-encoding': coding, 'content-length': body.length });
  // In two writes, so that decoding spans chunks.
  res.write(body.subarray(0, 100));
  res.end(body.subarray(100));
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (const coding of Object.keys(encoders)) {
      const res = await fetch(`${base}/${coding}`);
      assert.strictEqual(res.headers.get('content-encoding'), coding);
      assert.strictEqual(await res.text(), text, coding);
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
