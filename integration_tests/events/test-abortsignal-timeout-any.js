'use strict';
// AbortSignal.timeout fires with a TimeoutError (its timer is unref'd); AbortSignal.any
// follows the first source to abort.
const assert = require('assert');

const timed = AbortSignal.timeout(10);
const manual = new AbortController();
const combined = AbortSignal.any([manual.signal, timed]);
assert.strictEqual(combined.aborted, false);

let fired = false;
combined.addEventListener('abort', () => {
  fired = true;
  assert.strictEqual(combined.reason, timed.reason);
  assert.strictEqual(timed.reason.name, 'TimeoutError');
  assert.strictEqual(timed.reason.message, 'The operation was aborted due to timeout');
  assert.strictEqual(timed.reason.code, 23);
});
// The timeout's own timer does not keep the process alive; this one does.
const keepAlive = setInterval(() => {
  if (fired) clearInterval(keepAlive);
}, 5);

const already = AbortSignal.any([AbortSignal.abort('first'), AbortSignal.abort('second')]);
assert.strictEqual(already.aborted, true);
assert.strictEqual(already.reason, 'first');

assert.throws(() => AbortSignal.timeout(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => AbortSignal.any([{}]), { code: 'ERR_INVALID_ARG_TYPE' });

// An unreferenced timeout alone lets the process exit.
AbortSignal.timeout(100000);
process.on('exit', () => assert.strictEqual(fired, true));
