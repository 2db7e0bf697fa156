'use strict';
// A rejection that is reported as unhandled and handled later (here from a
// timer) emits 'rejectionHandled' with the promise.
const assert = require('node:assert');

const events = [];
process.on('unhandledRejection', (reason, promise) => {
  events.push(['unhandledRejection', reason.message, promise]);
});
process.on('rejectionHandled', (promise) => {
  events.push(['rejectionHandled', promise]);
});

const p = Promise.reject(new Error('late'));
let caught = null;
setTimeout(() => {
  events.push(['timer']);
  p.catch((e) => { caught = e.message; });
}, 1);

process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(caught, 'late');
  assert.deepStrictEqual(events, [
    ['unhandledRejection', 'late', p],
    ['timer'],
    ['rejectionHandled', p],
  ]);
  console.log('ok');
});
