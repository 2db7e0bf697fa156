'use strict';
// process members Node 20 has: assert (deprecated), _rawDebug, setSourceMapsEnabled,
// release.lts, allowedNodeEnvironmentFlags (read-only), cpuUsage and umask argument
// handling, the uncaught-exception capture callback, and warning printing rules.
const assert = require('assert');

assert.strictEqual(process.release.name, 'node');
assert.strictEqual(process.release.lts, 'Iron');
assert.strictEqual(process.assert(1), undefined);
assert.throws(() => process.assert(false), { code: 'ERR_ASSERTION', message: 'assertion error' });
assert.strictEqual(typeof process._rawDebug, 'function');
assert.throws(() => process.setSourceMapsEnabled(1), { code: 'ERR_INVALID_ARG_TYPE' });
process.setSourceMapsEnabled(false);

const flags = process.allowedNodeEnvironmentFlags;
assert.ok(flags.has('--perf_basic_prof'));
assert.ok(flags.has('r'));
assert.ok(flags.has('--stack-trace-limit=10'));
assert.ok(!flags.has('--r'));
assert.ok(Object.isFrozen(flags));
const size = flags.size;
flags.add('foo');
Set.prototype.add.call(flags, 'foo');
assert.ok(!flags.has('foo'));
flags.clear();
assert.strictEqual(flags.size, size);

assert.throws(() => process.cpuUsage(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => process.cpuUsage({ user: -1, system: 0 }), {
  code: 'ERR_INVALID_ARG_VALUE', name: 'RangeError',
});
const old = process.umask(0o10664);
assert.strictEqual(process.umask(), 0o664);
process.umask('10022');
assert.strictEqual(process.umask(), 0o022);
process.umask(old);

// A non-Error 'warning' prints nothing; throwDeprecation throws on a later tick.
const write = process.stderr.write;
process.stderr.write = () => { throw new Error('no output expected'); };
process.emit('warning', 'text');
process.stderr.write = write;
process.throwDeprecation = true;
assert.doesNotThrow(() => process.emitWarning('dep', 'DeprecationWarning'));

assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), false);
const seen = [];
process.setUncaughtExceptionCaptureCallback((err) => seen.push(err.message));
assert.throws(() => process.setUncaughtExceptionCaptureCallback(() => {}), {
  code: 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
});
process.on('uncaughtException', () => assert.fail('captured instead'));
process.on('exit', () => assert.deepStrictEqual(seen, ['dep', 'boom']));
setTimeout(() => { throw new Error('boom'); }, 1);
