'use strict';
// The smaller process members that need no binding of their own: process.assert
// (deprecated), _rawDebug, openStdin, setSourceMapsEnabled, getActiveResourcesInfo,
// release and allowedNodeEnvironmentFlags.

const { ERR_ASSERTION } = require('internal/errors').codes;
const { validateBoolean } = require('internal/validators');

let assertWarned = false;
function processAssert(value, message) {
  if (!assertWarned) {
    assertWarned = true;
    process.emitWarning('process.assert() is deprecated. Please use the `assert` module ' +
      'instead.', 'DeprecationWarning', 'DEP0100');
  }
  if (!value) throw new ERR_ASSERTION(message || 'assertion error');
}

// Writes straight to fd 2, bypassing process.stderr (usable while streams are broken).
function rawDebug(...args) {
  const { format } = require('internal/util/inspect');
  require('fs').writeSync(2, `${format(...args)}\n`);
}

function openStdin() {
  process.stdin.resume();
  return process.stdin;
}

// Differs from Node 20: stack traces are not rewritten through source maps; the switch
// is validated and remembered only.
let sourceMapsEnabled = false;
function setSourceMapsEnabled(value) {
  validateBoolean(value, 'val');
  sourceMapsEnabled = value;
}

// The options NODE_OPTIONS may carry (Node 20's documented list, node's then V8's).
const kAllowedFlags = [
  '--conditions', '-C', '--diagnostic-dir', '--disable-proto', '--dns-result-order',
  '--enable-fips', '--enable-source-maps', '--experimental-abortcontroller',
  '--experimental-default-type', '--experimental-detect-module',
  '--experimental-import-meta-resolve', '--experimental-json-modules',
  '--experimental-loader', '--loader', '--experimental-modules',
  '--experimental-network-imports', '--experimental-permission', '--experimental-policy',
  '--experimental-shadow-realm', '--experimental-specifier-resolution',
  '--experimental-top-level-await', '--experimental-vm-modules',
  '--experimental-wasi-unstable-preview1', '--experimental-wasm-modules',
  '--force-context-aware', '--force-fips', '--frozen-intrinsics',
  '--heapsnapshot-near-heap-limit', '--heapsnapshot-signal', '--http-parser',
  '--icu-data-dir', '--import', '--input-type', '--insecure-http-parser',
  '--max-http-header-size', '--napi-modules', '--no-addons', '--no-deprecation',
  '--no-experimental-fetch', '--no-experimental-global-customevent',
  '--no-experimental-global-webcrypto', '--no-experimental-repl-await',
  '--no-extra-info-on-fatal-exception', '--no-force-async-hooks-checks',
  '--no-global-search-paths', '--no-warnings', '--node-memory-debug', '--openssl-config',
  '--openssl-legacy-provider', '--openssl-shared-config', '--pending-deprecation',
  '--preserve-symlinks', '--preserve-symlinks-main', '--redirect-warnings',
  '--report-compact', '--report-dir', '--report-directory', '--report-filename',
  '--report-on-fatalerror', '--report-on-signal', '--report-signal',
  '--report-uncaught-exception', '--require', '-r', '--secure-heap', '--secure-heap-min',
  '--snapshot-blob', '--test-only', '--test-reporter', '--test-reporter-destination',
  '--test-shard', '--throw-deprecation', '--title', '--tls-cipher-list', '--tls-keylog',
  '--tls-max-v1.2', '--tls-max-v1.3', '--tls-min-v1.0', '--tls-min-v1.1', '--tls-min-v1.2',
  '--tls-min-v1.3', '--trace-deprecation', '--trace-event-categories',
  '--trace-event-file-pattern', '--trace-events-enabled', '--trace-exit', '--trace-sigint',
  '--trace-sync-io', '--trace-tls', '--trace-uncaught', '--trace-warnings',
  '--track-heap-objects', '--unhandled-rejections', '--use-bundled-ca', '--use-largepages',
  '--use-openssl-ca', '--v8-pool-size', '--watch', '--watch-path', '--watch-preserve-output',
  '--zero-fill-buffers',
  '--abort-on-uncaught-exception', '--disallow-code-generation-from-strings',
  '--enable-etw-stack-walking', '--huge-max-old-generation-size',
  '--interpreted-frames-native-stack', '--jitless', '--max-old-space-size',
  '--max-semi-space-size', '--perf-basic-prof', '--perf-basic-prof-only-functions',
  '--perf-prof', '--perf-prof-unwinding-info', '--stack-trace-limit',
];

// A read-only Set: the flags live in a private Set, so neither its own methods nor
// Set.prototype's called on it can change what it reports. has() accepts the spellings
// the command line does: underscores for dashes, leading dashes omitted, `=value` after.
class NodeEnvironmentFlagsSet extends Set {
  #flags;

  constructor(flags) {
    super();
    this.#flags = new Set(flags);
  }

  add() { return this; }
  delete() { return false; }
  clear() {}

  has(key) {
    if (typeof key !== 'string') return false;
    key = key.replace(/_/g, '-');
    if (/^--?/.test(key)) return this.#flags.has(key.replace(/=.*$/, ''));
    return this.#flags.has(`-${key}`) || this.#flags.has(`--${key}`);
  }

  get size() { return this.#flags.size; }
  entries() { return this.#flags.entries(); }
  keys() { return this.#flags.keys(); }
  values() { return this.#flags.values(); }
  [Symbol.iterator]() { return this.#flags.values(); }

  forEach(callback, thisArg = undefined) {
    for (const flag of this.#flags) Reflect.apply(callback, thisArg, [flag, flag, this]);
  }
}

let allowedFlags;

// In-flight fs requests (FSReqCallback), the ref'd libuv handles (TCPSocketWrap,
// TCPServerWrap, PipeWrap ...), timers and immediates, in Node's order. Differs from
// Node 20: other requests (WriteWrap, GetAddrInfoReqWrap ...) are not listed yet.
function getActiveResourcesInfo() {
  const { timeouts, immediates } = require('internal/timers').activeTimerCounts();
  const info = [];
  for (let i = internalBinding('fs').activeRequests(); i > 0; i--) info.push('FSReqCallback');
  info.push(...internalBinding('process_methods').getActiveHandlesInfo());
  for (let i = 0; i < timeouts; i++) info.push('Timeout');
  for (let i = 0; i < immediates; i++) info.push('Immediate');
  return info;
}

function setupProcessMisc() {
  Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
    get() {
      allowedFlags ??= Object.freeze(new NodeEnvironmentFlagsSet(kAllowedFlags));
      return allowedFlags;
    },
    set(value) {
      Object.defineProperty(this, 'allowedNodeEnvironmentFlags', {
        value, writable: true, enumerable: true, configurable: true,
      });
    },
    enumerable: true,
    configurable: true,
  });
  process.assert = processAssert;
  process._rawDebug = rawDebug;
  process.openStdin = openStdin;
  process.getActiveResourcesInfo = getActiveResourcesInfo;
  process.setSourceMapsEnabled = setSourceMapsEnabled;
  Object.defineProperty(process, 'sourceMapsEnabled', {
    get() { return sourceMapsEnabled; }, enumerable: true, configurable: true,
  });
  const base = `https://nodejs.org/download/release/${process.version}/node-${process.version}`;
  process.release = {
    name: 'node',
    lts: 'Iron',
    sourceUrl: `${base}.tar.gz`,
    headersUrl: `${base}-headers.tar.gz`,
  };
}

module.exports = { setupProcessMisc };
