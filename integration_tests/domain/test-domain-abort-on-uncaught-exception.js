'use strict';
// --abort-on-uncaught-exception aborts at the throw of an exception nothing will catch,
// unless a domain with an 'error' listener or a capture callback takes it; a throw from
// the outermost domain's own listener still aborts.
const assert = require('assert');
const { spawnSync } = require('child_process');

const children = {
  plain: 'throw new Error("plain")',
  listener: 'process.on("uncaughtException", () => process.exit(42)); throw new Error("x")',
  tryCatch: 'try { throw new Error("x") } catch {} console.log("ok")',
  capture: 'process.setUncaughtExceptionCaptureCallback(() => console.log("ok"));' +
    'throw new Error("x")',
  domain: 'const d = require("domain").create(); d.on("error", () => console.log("ok"));' +
    'd.run(() => { setTimeout(() => { throw new Error("x") }, 1); })',
  domainNoListener: 'process.on("uncaughtException", () => process.exit(42));' +
    'require("domain").create().run(() => { throw new Error("x") })',
  // The immediate belongs to the inner domain only, which has no listener.
  innerNoListener: 'const domain = require("domain"); const d = domain.create();' +
    'const d2 = domain.create(); d.on("error", () => console.log("ok"));' +
    'd.run(() => d2.run(() => setImmediate(() => { throw new Error("x") })))',
  throwInListener: 'const d = require("domain").create();' +
    'd.on("error", () => { throw new Error("again") }); d.run(() => { throw new Error("x") })',
};

function run(name) {
  // No core files from the aborting children.
  return spawnSync('/bin/sh', ['-c', 'ulimit -c 0; exec "$0" "$@"', process.execPath,
                               '--abort-on-uncaught-exception', '-e', children[name]],
                   { encoding: 'utf8' });
}

function assertAborted(name) {
  const child = run(name);
  assert.ok(['SIGABRT', 'SIGTRAP', 'SIGILL'].includes(child.signal) ||
            [132, 133, 134].includes(child.status),
            `${name}: status ${child.status} signal ${child.signal}\n${child.stderr}`);
  assert.doesNotMatch(child.stdout, /ok/);
}

function assertSurvived(name) {
  const child = run(name);
  assert.strictEqual(child.signal, null, `${name}: ${child.stderr}`);
  assert.strictEqual(child.status, 0, `${name}: ${child.stderr}`);
  assert.strictEqual(child.stdout, 'ok\n');
}

assertAborted('plain');
assertAborted('listener');
assertAborted('domainNoListener');
assertAborted('throwInListener');
assertAborted('innerNoListener');
assertSurvived('tryCatch');
assertSurvived('capture');
assertSurvived('domain');

// The underscore spelling is V8's and is accepted too.
const underscore = spawnSync(process.execPath, ['--abort_on_uncaught_exception', '-e',
                                                 'console.log("ok")'], { encoding: 'utf8' });
assert.strictEqual(underscore.status, 0, underscore.stderr);
assert.strictEqual(underscore.stdout, 'ok\n');
