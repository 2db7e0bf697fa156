'use strict';
// Expect: 100-continue: the server's 'checkContinue' decides; writeContinue() sends the
// interim response, the client gets 'continue' (and 'information'), then sends the body.
const assert = require('assert');
const http = require('http');

const events = [];
const server = http.createServer(() => assert.fail('checkContinue replaces request'));
server.on('checkContinue', (req, res) => {
  events.push('checkContinue');
  res.writeContinue();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(`got ${body}`));
});

server.listen(0, '127.0.0.1', () => {
  const req = http.request({
    port: server.address().port, host: '127.0.0.1', method: 'POST',
    headers: { Expect: '100-continue', 'Content-Length': 4 },
  });
  req.on('information', (info) => {
    events.push(`information ${info.statusCode}`);
  });
  req.on('continue', () => {
    events.push('continue');
    req.end('data');
  });
  req.on('response', (res) => {
    assert.strictEqual(res.statusCode, 200);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      assert.strictEqual(body, 'got data');
      assert.deepStrictEqual(events, ['checkContinue', 'continue', 'information 100']);
      server.close();
    });
  });
});
