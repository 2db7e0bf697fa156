'use strict';
// Every builtin module name of Node 20 is in require('module').builtinModules and can be
// required, with and without the node: prefix.
const assert = require('assert');
const { builtinModules, isBuiltin } = require('module');

// Node 20's builtinModules, minus http2 (not implemented in skua yet).
const node20 = [
  '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
  '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
  '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap',
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
  'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
  'events', 'fs', 'fs/promises', 'http', 'https', 'inspector', 'inspector/promises',
  'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
  'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
  'wasi', 'worker_threads', 'zlib',
];

// Loading these prints deprecation or experimental warnings; silence them for this test.
process.removeAllListeners('warning');
process.on('warning', () => {});

for (const name of node20) {
  assert.ok(builtinModules.includes(name), `${name} is missing from builtinModules`);
  assert.ok(isBuiltin(name), name);
  assert.ok(isBuiltin(`node:${name}`), `node:${name}`);
  if (name === 'inspector' || name === 'inspector/promises') {
    // Node 20 as released has the inspector; a runtime without one (skua, or a Node built
    // --without-inspector) says so through process.features.inspector, and loading the
    // module then throws ERR_INSPECTOR_NOT_AVAILABLE. Exactly that difference is allowed.
    if (process.features.inspector) {
      assert.strictEqual(typeof require(name).Session, 'function');
    } else {
      assert.throws(() => require(name), { code: 'ERR_INSPECTOR_NOT_AVAILABLE' });
      assert.throws(() => require(`node:${name}`), { code: 'ERR_INSPECTOR_NOT_AVAILABLE' });
    }
    continue;
  }
  const exports = require(name);
  assert.ok(exports !== null && (typeof exports === 'object' || typeof exports === 'function'),
    name);
  assert.strictEqual(require(`node:${name}`), exports, name);
}

// The list has no internal modules and is sorted.
assert.ok(!builtinModules.some((name) => name.startsWith('internal/')));
assert.deepStrictEqual([...builtinModules].sort(), builtinModules);
console.log('ok');
