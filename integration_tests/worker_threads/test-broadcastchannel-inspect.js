'use strict';
// BroadcastChannel's custom inspect: brand-checked, and its depth handling.
const assert = require('assert');
const { inspect } = require('util');
const { BroadcastChannel } = require('worker_threads');

const bc = new BroadcastChannel('inspect-test');
assert.throws(() => bc[inspect.custom].call({}, 1, {}), { code: 'ERR_INVALID_THIS' });
assert.throws(() => bc[inspect.custom].call(undefined, 1, {}), { code: 'ERR_INVALID_THIS' });
assert.strictEqual(inspect(bc, { depth: -1 }), 'BroadcastChannel');
assert.strictEqual(inspect(bc), "BroadcastChannel { name: 'inspect-test', active: true }");
bc.close();
assert.strictEqual(inspect(bc), "BroadcastChannel { name: 'inspect-test', active: false }");
