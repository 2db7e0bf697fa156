'use strict';
// diagnostics_channel: channels by name, subscribe/publish/unsubscribe, hasSubscribers,
// and a throwing subscriber reported as an uncaught exception without stopping others.
const assert = require('node:assert');
const dc = require('node:diagnostics_channel');

const ch = dc.channel('skua.test.publish');
assert.strictEqual(dc.channel('skua.test.publish'), ch);
assert.ok(ch instanceof dc.Channel);
assert.strictEqual(ch.name, 'skua.test.publish');
assert.strictEqual(ch.hasSubscribers, false);
assert.strictEqual(dc.hasSubscribers('skua.test.publish'), false);

const seen = [];
const first = (message, name) => seen.push(['first', message, name]);
ch.subscribe(first);
dc.subscribe('skua.test.publish', (message) => seen.push(['second', message]));
assert.strictEqual(ch.hasSubscribers, true);
assert.strictEqual(dc.hasSubscribers('skua.test.publish'), true);

ch.publish({ n: 1 });
assert.deepStrictEqual(seen, [
  ['first', { n: 1 }, 'skua.test.publish'],
  ['second', { n: 1 }],
]);

assert.strictEqual(ch.unsubscribe(first), true);
assert.strictEqual(ch.unsubscribe(first), false);
assert.strictEqual(dc.unsubscribe('skua.test.publish', first), false);

const sym = Symbol('skua.test.symbol');
assert.strictEqual(dc.channel(sym).name, sym);
assert.throws(() => dc.channel(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => ch.subscribe('nope'), { code: 'ERR_INVALID_ARG_TYPE' });

// A throwing subscriber: later subscribers still run, the error arrives uncaught later.
const boom = new Error('subscriber failed');
const errors = dc.channel('skua.test.errors');
const after = [];
errors.subscribe(() => { throw boom; });
errors.subscribe((m) => after.push(m));
process.once('uncaughtException', (err) => {
  assert.strictEqual(err, boom);
  after.push('reported');
});
errors.publish('x');
assert.deepStrictEqual(after, ['x']);
process.on('exit', () => assert.deepStrictEqual(after, ['x', 'reported']));
