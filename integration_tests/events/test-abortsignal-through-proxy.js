'use strict';
// AbortSignal's accessors work when read through a Proxy of a signal (the receiver is
// the proxy), and still refuse objects that are not signals.
const assert = require('assert');
const fsp = require('fs/promises');

const reason = new Error('stop');
const signal = AbortSignal.abort(reason);
const proxy = new Proxy(signal, {});
assert.strictEqual(proxy.aborted, true);
assert.strictEqual(proxy.reason, reason);
assert.throws(() => proxy.throwIfAborted(), (err) => err === reason);

const live = new AbortController();
const liveProxy = new Proxy(live.signal, {});
assert.strictEqual(liveProxy.aborted, false);
live.abort();
assert.strictEqual(liveProxy.aborted, true);

const getter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get;
assert.throws(() => getter.call({}), { code: 'ERR_INVALID_THIS' });
assert.throws(() => getter.call(new Proxy({}, {})), { code: 'ERR_INVALID_THIS' });

// APIs that take a signal accept the proxy too.
fsp.readFile(__filename, { signal: proxy }).then(
  () => assert.fail('should have been aborted'),
  (err) => assert.strictEqual(err.name, 'AbortError'));
