'use strict';
// CallTracker.getCalls() returns frozen records, as Node 20's do.
const assert = require('assert');
const tracker = new assert.CallTracker();
const tracked = tracker.calls();
tracked(1);
const calls = tracker.getCalls(tracked);
assert.ok(Object.isFrozen(calls));
assert.ok(Object.isFrozen(calls[0]));
assert.ok(Object.isFrozen(calls[0].arguments));
assert.deepStrictEqual(calls[0].arguments, [1]);
