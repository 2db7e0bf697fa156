// A fastify 4 app with async handlers, a plugin with decorators, hooks, JSON schema
// validation and errors, exercised over real HTTP (and once through inject()); prints
// what came back so the output can be compared between node and skua.
'use strict';
const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');
const Fastify = require('fastify');

async function counterPlugin(app, opts) {
  let count = opts.start;
  app.decorate('nextCount', () => ++count);
}
counterPlugin[Symbol.for('skip-override')] = true;

function build() {
  const app = Fastify({ logger: false });
  app.register(counterPlugin, { start: 100 });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-count', String(app.nextCount()));
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-route', req.routeOptions.url || 'none');
    return payload;
  });

  app.get('/hello/:name', async (req) => {
    await sleep(5);
    return { hello: req.params.name, upper: req.query.upper === '1' };
  });
  app.post('/sum', {
    schema: {
      body: {
        type: 'object',
        required: ['values'],
        properties: { values: { type: 'array', items: { type: 'number' } } },
      },
      response: { 200: { type: 'object', properties: { sum: { type: 'number' } } } },
    },
  }, async (req) => ({ sum: req.body.values.reduce((a, b) => a + b, 0), secret: 'dropped' }));
  app.get('/slow', async (req, reply) => {
    await sleep(10);
    reply.code(202).type('text/plain');
    return 'accepted later';
  });
  app.get('/fail', async () => {
    await sleep(1);
    const err = new Error('teapot trouble');
    err.statusCode = 418;
    throw err;
  });
  app.get('/stream', (req, reply) => {
    const { Readable } = require('node:stream');
    reply.type('text/plain').send(Readable.from(['one ', 'two ', 'three']));
  });
  app.setErrorHandler(async (err, req, reply) => {
    reply.code(err.statusCode || 500);
    return { message: err.message, code: err.code || null, validation: !!err.validation };
  });
  return app;
}

function request(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = http.request({ port, host: '127.0.0.1', method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ res, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const app = build();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address();
  const steps = [
    ['GET', '/hello/skua?upper=1'],
    ['POST', '/sum', JSON.stringify({ values: [1, 2, 3.5] })],
    ['POST', '/sum', JSON.stringify({ values: ['x'] })],
    ['POST', '/sum', '{"values": ['],
    ['GET', '/slow'],
    ['GET', '/fail'],
    ['GET', '/stream'],
    ['GET', '/missing'],
  ];
  // Concurrent requests: async handlers interleave.
  const results = await Promise.all(steps.map(([m, p, b]) => request(port, m, p, b)));
  results.forEach(({ res, text }, i) => {
    const h = res.headers;
    console.log(steps[i][0], steps[i][1], res.statusCode, h['content-type'],
      h['x-route'] || '-', h['x-request-count'] ? 'counted' : '-');
    const parsed = (h['content-type'] || '').startsWith('application/json') ? JSON.parse(text) : text;
    // JSON.parse messages are V8's wording, which differs between V8 versions.
    if (parsed && parsed.code === 'FST_ERR_CTP_INVALID_JSON_BODY') parsed.message = '<parse error>';
    console.log('   ', JSON.stringify(parsed));
  });
  const counts = results.map(({ res }) => Number(res.headers['x-request-count'])).sort();
  console.log('counts', counts.join(','));
  const injected = await app.inject({ method: 'GET', url: '/hello/inject' });
  console.log('inject', injected.statusCode, injected.body);
  await app.close();
  console.log('closed', app.server.listening);
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
