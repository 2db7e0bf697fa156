// An express 4 application: a small REST resource, static files, cookies and error
// middleware.
'use strict';
const path = require('node:path');
const express = require('express');
const cookieParser = require('cookie-parser');

function createApp() {
  const app = express();
  const items = new Map();
  let nextId = 1;

  app.use(express.json());
  app.use(cookieParser('s3cret'));
  app.use(express.static(path.join(__dirname, 'public')));

  const api = express.Router();
  api.get('/items', (req, res) => res.json([...items.values()]));
  api.post('/items', (req, res) => {
    if (typeof req.body.name !== 'string') {
      return res.status(400).json({ error: 'name is required' });
    }
    const item = { id: nextId++, name: req.body.name, tags: req.body.tags || [] };
    items.set(item.id, item);
    res.status(201).location(`/api/items/${item.id}`).json(item);
  });
  api.get('/items/:id(\\d+)', (req, res, next) => {
    const item = items.get(Number(req.params.id));
    if (!item) return next(Object.assign(new Error('no such item'), { status: 404 }));
    res.json(item);
  });
  api.delete('/items/:id', (req, res) => {
    res.sendStatus(items.delete(Number(req.params.id)) ? 204 : 404);
  });
  app.use('/api', api);

  app.get('/login', (req, res) => {
    res.cookie('session', 'abc123', { httpOnly: true, path: '/' });
    res.cookie('prefs', { theme: 'dark' }, { signed: true });
    res.send('logged in');
  });
  app.get('/whoami', (req, res) => {
    res.json({ session: req.cookies.session || null, prefs: req.signedCookies.prefs || null });
  });
  app.get('/query', (req, res) => res.json(req.query));
  app.get('/boom', () => { throw new Error('kaboom'); });
  app.get('/async-boom', (req, res, next) => {
    Promise.reject(new Error('async kaboom')).catch(next);
  });

  app.use((req, res) => res.status(404).json({ error: 'not found', path: req.path }));
  // Error middleware: four arguments.
  app.use((err, req, res, next) => {
    // A JSON.parse message is V8's own wording, which differs between V8 versions.
    const parseFailed = err.type === 'entity.parse.failed';
    res.status(err.status || (parseFailed ? 400 : 500))
      .json({ error: parseFailed ? 'invalid JSON' : err.message, type: err.type || null });
  });
  return app;
}

module.exports = { createApp };
