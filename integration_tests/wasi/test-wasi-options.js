'use strict';
// node:wasi: option validation, the import object per version, and instance checks.
const assert = require('assert');

process.on('warning', (warning) => assert.strictEqual(warning.name, 'ExperimentalWarning'));
const { WASI } = require('wasi');

assert.throws(() => new WASI(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new WASI({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new WASI({ version: 'preview2' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => new WASI({ version: 'preview1', args: 'a' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new WASI({ version: 'preview1', env: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new WASI({ version: 'preview1', preopens: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new WASI({ version: 'preview1', returnOnExit: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new WASI({ version: 'preview1', stdin: 'a' }),
              { code: 'ERR_INVALID_ARG_TYPE' });

const unstable = new WASI({ version: 'unstable' });
assert.deepStrictEqual(Object.keys(unstable.getImportObject()), ['wasi_unstable']);

const wasi = new WASI({ version: 'preview1' });
for (const name of ['args_get', 'fd_write', 'fd_read', 'fd_seek', 'fd_close', 'path_open',
  'fd_prestat_get', 'clock_time_get', 'random_get', 'proc_exit', 'poll_oneoff']) {
  assert.strictEqual(typeof wasi.wasiImport[name], 'function', name);
}

const memory = new WebAssembly.Memory({ initial: 1 });
assert.throws(() => wasi.start({ exports: { _start() {}, memory: {} } }),
              { code: 'ERR_INVALID_ARG_TYPE' });
// A failed start() still counts as the start.
assert.throws(() => wasi.start({ exports: { _start() {}, memory } }),
              { code: 'ERR_WASI_ALREADY_STARTED' });

const reactor = new WASI({ version: 'preview1' });
let initialized = 0;
reactor.initialize({ exports: { _initialize() { initialized++; }, memory } });
assert.strictEqual(initialized, 1);
assert.throws(() => reactor.initialize({ exports: { memory } }),
              { code: 'ERR_WASI_ALREADY_STARTED' });

// A command that returns without proc_exit exits with 0.
assert.strictEqual(new WASI({ version: 'preview1' }).start({ exports: { _start() {}, memory } }),
                   0);
console.log('ok');
