'use strict';
// Redirects: follow (method and body rules of 301/302/303/307), manual, error, the limit
// of 20, and Authorization dropped when the redirect leaves the origin.
const assert = require('assert');
const http = require('http');

const seen = [];
function handler(req, res) {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    seen.push({ path: url.pathname, method: req.method, body, auth: req.headers.authorization });
    const to = url.searchParams.get('to');
    const status = Number(url.searchParams.get('status'));
    if (to) {
      res.writeHead(status, { location: to });
      res.end('redirect body');
    } else if (url.pathname.startsWith('/chain/')) {
      const n = Number(url.pathname.slice(7));
      res.writeHead(302, { location: `/chain/${n + 1}` });
      res.end();
    } else {
      res.end(`${req.method} ${body}`);
    }
  });
}
const a = http.createServer(handler);
const b = http.createServer(handler);

a.listen(0, '127.0.0.1', () => b.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${a.address().port}`;
  const other = `http://127.0.0.1:${b.address().port}`;
  const go = (status, to, init) =>
    fetch(`${base}/start?status=${status}&to=${encodeURIComponent(to)}`, init);
  try {
    for (const status of [301, 302, 303]) {
      const res = await go(status, '/end', { method: 'POST', body: 'data' });
      assert.strictEqual(await res.text(), 'GET ', `${status}`);
      assert.strictEqual(res.redirected, true);
      assert.strictEqual(res.url, `${base}/end`);
    }
    for (const status of [307, 308]) {
      const res = await go(status, '/end', { method: 'POST', body: 'data' });
      assert.strictEqual(await res.text(), 'POST data', `${status}`);
    }

    let res = await go(302, '/end', { redirect: 'manual' });
    assert.strictEqual(res.status, 302);
    assert.strictEqual(res.headers.get('location'), '/end');
    assert.strictEqual(res.redirected, false);
    assert.strictEqual(await res.text(), 'redirect body');

    await assert.rejects(go(302, '/end', { redirect: 'error' }), TypeError);
    await assert.rejects(fetch(`${base}/chain/0`), TypeError);

    // Same origin keeps Authorization; another origin does not get it.
    seen.length = 0;
    res = await go(302, '/end', { headers: { authorization: 'Bearer t' } });
    await res.text();
    assert.deepStrictEqual(seen.map((s) => s.auth), ['Bearer t', 'Bearer t']);
    seen.length = 0;
    res = await go(302, `${other}/end`, { headers: { authorization: 'Bearer t' } });
    assert.strictEqual(await res.text(), 'GET ');
    assert.deepStrictEqual(seen.map((s) => s.auth), ['Bearer t', undefined]);
    assert.strictEqual(res.url, `${other}/end`);
  } finally {
    for (const s of [a, b]) {
      s.closeAllConnections();
      s.close();
    }
  }
}));
