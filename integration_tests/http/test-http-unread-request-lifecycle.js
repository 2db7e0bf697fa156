'use strict';
// A request whose body nobody reads still ends and closes once its response is done,
// and listeners added late (from the response's 'finish' or 'close') still see it.
const assert = require('assert');
const http = require('http');

const seen = [];
const server = http.createServer((req, res) => {
  const which = req.url;
  if (which === '/plain') {
    res.on('close', () => setImmediate(() => {
      seen.push([which, req.readableEnded, req.destroyed, req.complete]);
    }));
    res.end('plain');
  } else if (which === '/finish') {
    res.on('finish', () => {
      req.on('end', () => seen.push([which, 'end']));
      req.on('close', () => seen.push([which, 'close']));
    });
    res.end('finish');
  } else {
    res.on('close', () => req.on('close', () => seen.push([which, 'close'])));
    res.end('close');
  }
});

server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const path of ['/plain', '/finish', '/close', '/plain']) {
    await new Promise((resolve, reject) => {
      http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => {
          assert.strictEqual(body, path.slice(1));
          resolve();
        });
      }).on('error', reject);
    });
  }
  agent.destroy();
  server.close();
  setImmediate(() => {
    assert.deepStrictEqual(seen, [
      ['/plain', true, true, true],
      ['/finish', 'end'],
      ['/finish', 'close'],
      ['/close', 'close'],
      ['/plain', true, true, true],
    ]);
  });
});
