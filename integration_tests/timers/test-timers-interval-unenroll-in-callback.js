'use strict';
// An interval stops for good when its own callback unenrolls it or sets _idleTimeout
// to -1, as clearInterval() does.
const assert = require('assert');
const timers = require('timers');

process.noDeprecation = true;
const calls = { unenroll: 0, idle: 0, clear: 0 };

const a = setInterval(() => {
  calls.unenroll++;
  timers.unenroll(a);
}, 1);

const b = setInterval(() => {
  calls.idle++;
  b._idleTimeout = -1;
}, 1);

const c = setInterval(() => {
  calls.clear++;
  clearInterval(c);
}, 1);

// Each would have fired many more times by then were it still running.
let rounds = 0;
const watcher = setInterval(() => {
  if (++rounds < 20) return;
  clearInterval(watcher);
  assert.deepStrictEqual(calls, { unenroll: 1, idle: 1, clear: 1 });
}, 2);

process.on('exit', () => assert.strictEqual(rounds, 20));
