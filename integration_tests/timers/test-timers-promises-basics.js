'use strict';
// timers/promises: setTimeout/setImmediate resolve with the value; abort rejects with an
// AbortError whose cause is the reason; bad options reject.
const assert = require('assert');
const tp = require('timers/promises');

assert.strictEqual(require('timers').promises, tp);

(async () => {
  assert.strictEqual(await tp.setTimeout(5, 'v'), 'v');
  assert.strictEqual(await tp.setImmediate('i'), 'i');
  assert.strictEqual(await tp.scheduler.wait(1), undefined);
  await tp.scheduler.yield();

  const ac = new AbortController();
  const pending = tp.setTimeout(100000, 'never', { signal: ac.signal });
  ac.abort('why');
  await assert.rejects(pending, (err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
    assert.strictEqual(err.cause, 'why');
    return true;
  });
  await assert.rejects(tp.setImmediate(1, { signal: AbortSignal.abort() }),
    { name: 'AbortError' });
  await assert.rejects(tp.setTimeout(1, 1, 5), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setTimeout(1, 1, { ref: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(tp.setTimeout(1, 1, { signal: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(() => { process.exitCode = 0; });
process.exitCode = 1; // set back to 0 only when every step ran
