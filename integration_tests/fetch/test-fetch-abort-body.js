'use strict';
// Aborting a fetch mid-body errors the body stream with the abort reason and closes the
// connection (the server sees it go); a cancelled body does the same.
const assert = require('assert');
const http = require('http');

const closed = [];
const server = http.createServer((req, res) => {
  res.writeHead(200);
  res.write('first part');
  req.socket.on('close', () => closed.shift()?.());
  // Never ends.
});

const serverSawClose = () => new Promise((resolve) => closed.push(resolve));

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  try {
    const ac = new AbortController();
    const res = await fetch(url, { signal: ac.signal });
    const reader = res.body.getReader();
    const { value } = await reader.read();
    assert.strictEqual(Buffer.from(value).toString(), 'first part');
    const gone = serverSawClose();
    ac.abort(new Error('stop'));
    await assert.rejects(reader.read(), { message: 'stop' });
    await gone;

    const res2 = await fetch(url);
    const reader2 = res2.body.getReader();
    await reader2.read();
    const gone2 = serverSawClose();
    await reader2.cancel();
    await gone2;
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
