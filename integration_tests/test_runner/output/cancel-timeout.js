'use strict';
// Timeouts, subtests left running when their parent ends, and uncaught errors.
const test = require('node:test');

test('timeout', { timeout: 20 }, async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
});
test('unawaited subtests', (t) => {
  t.test('still running', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  t.test('queued', () => {});
});
test('uncaught exception', (t, done) => {
  setImmediate(() => {
    throw new Error('thrown from setImmediate');
  });
});
test('passes afterwards', () => {});
