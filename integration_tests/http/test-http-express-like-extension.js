'use strict';
// Frameworks extend the prototypes the way express does: app.request/app.response
// objects inheriting IncomingMessage/ServerResponse prototypes, swapped onto each
// req/res with Object.setPrototypeOf, plus req.res/res.req links and res.locals; and
// the way koa and others subclass through createServer({ IncomingMessage,
// ServerResponse }).
const assert = require('assert');
const http = require('http');

const app = {
  request: Object.create(http.IncomingMessage.prototype),
  response: Object.create(http.ServerResponse.prototype),
};
app.request.get = function get(name) { return this.headers[name.toLowerCase()]; };
app.response.status = function status(code) { this.statusCode = code; return this; };
app.response.json = function json(value) {
  const body = JSON.stringify(value);
  this.setHeader('Content-Type', 'application/json; charset=utf-8');
  this.setHeader('Content-Length', Buffer.byteLength(body));
  this.end(body);
  return this;
};

class MyResponse extends http.ServerResponse {
  constructor(req, options) {
    super(req, options);
    this.marked = true;
  }
}

function handle(req, res) {
  Object.setPrototypeOf(req, app.request);
  Object.setPrototypeOf(res, app.response);
  req.res = res;
  res.req = req;
  res.locals = { user: req.get('X-User') };
  assert.ok(res instanceof http.ServerResponse);
  assert.ok(res.marked);
  res.status(201).json({ user: res.locals.user, url: req.url, same: res.req === req });
}

const server = http.createServer({ ServerResponse: MyResponse }, handle);
server.listen(0, '127.0.0.1', () => {
  http.get({ port: server.address().port, host: '127.0.0.1', path: '/me',
             headers: { 'X-User': 'ana' } }, (res) => {
    assert.strictEqual(res.statusCode, 201);
    assert.strictEqual(res.headers['content-type'], 'application/json; charset=utf-8');
    let body = '';
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      assert.deepStrictEqual(JSON.parse(body), { user: 'ana', url: '/me', same: true });
      server.close();
    });
  });
});
