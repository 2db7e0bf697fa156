// A koa 2 app: async middleware around the router (error handling, a header set after
// `await next()`), JSON bodies, ctx.throw, redirects, Buffer bodies, 405 and 404;
// exercised over HTTP, one line printed per request.
'use strict';
const http = require('node:http');
const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');

const app = new Koa();
const router = new Router();
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status || 500;
    ctx.body = { error: err.message };
  }
  ctx.set('x-wrapped', 'yes');
});
app.use(bodyParser());
router.get('/hi/:name', async (ctx) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  ctx.body = { hi: ctx.params.name, query: ctx.query };
});
router.post('/echo', async (ctx) => { ctx.body = ctx.request.body; });
router.get('/err', async (ctx) => { ctx.throw(422, 'bad thing'); });
router.get('/redirect', (ctx) => ctx.redirect('/hi/there'));
router.get('/buffer', (ctx) => { ctx.type = 'bin'; ctx.body = Buffer.from('abc'); });
app.use(router.routes()).use(router.allowedMethods());

function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'content-type': 'application/json' } : {};
    const req = http.request({ port, host: '127.0.0.1', method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve([res.statusCode, res.headers['content-type'],
        res.headers.location || null, res.headers['x-wrapped'] || null, text]));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const steps = [['GET', '/hi/a?z=1'], ['POST', '/echo', '{"a":[1,2]}'], ['GET', '/err'],
    ['GET', '/redirect'], ['GET', '/buffer'], ['PUT', '/hi/a'], ['GET', '/none']];
  try {
    for (const step of steps) console.log(step[0], step[1], JSON.stringify(await request(port, ...step)));
  } finally {
    server.close();
  }
});
