'use strict';
// Bootstrap: turns the native `process` into Node's (an EventEmitter with its methods)
// and installs the globals. Runs once, before any user code.

internalBinding('errors').setPrepareStackTraceCallback(
  require('internal/errors').prepareStackTrace);

// Node 20 defines these well-known symbols; V8 10.2 does not yet. Defined before any
// module captures them (events, streams).
for (const name of ['dispose', 'asyncDispose']) {
  if (Symbol[name] === undefined) {
    Object.defineProperty(Symbol, name, { value: Symbol(`Symbol.${name}`) });
  }
}

const EventEmitter = require('events');

// process -> process.__proto__ ('process') -> EventEmitter.prototype, as in Node.
Object.setPrototypeOf(Object.getPrototypeOf(process), EventEmitter.prototype);
EventEmitter.call(process);
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', writable: false, enumerable: false, configurable: true,
});

require('internal/process/per_thread').setupProcessMethods();
require('internal/process/per_thread').setupSignalHandlers();
require('internal/process/credentials').setupCredentials();

const { nextTick, queueMicrotask, setupTaskQueue } = require('internal/process/task_queues');
setupTaskQueue();
require('internal/process/promises').setupPromiseRejectTracking();
require('internal/process/execution').setupUncaughtExceptionHandling();
const { emitWarning, onWarning } = require('internal/process/warning');

process._exiting = false;
process.nextTick = nextTick;
process.emitWarning = emitWarning;
process.on('warning', onWarning);
process.title = 'skua';
{
  // --title=name (or --title name) sets the initial title.
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--title=')) process.title = argv[i].slice(8);
    else if (argv[i] === '--title' && i + 1 < argv.length) process.title = argv[++i];
  }
}
require('internal/process/misc').setupProcessMisc();
process.features = {
  inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false,
  tls_ocsp: false, tls: false, cached_builtins: true, typescript: false,
};
process.config = { target_defaults: {}, variables: { v8_enable_i18n_support: 1 } };
process.argv = [process.execPath];
process.env = internalBinding('process_env').env;

const stdio = require('internal/process/stdio');
Object.defineProperty(process, 'stdout', {
  get: stdio.getStdout, enumerable: false, configurable: true,
});
Object.defineProperty(process, 'stderr', {
  get: stdio.getStderr, enumerable: false, configurable: true,
});
Object.defineProperty(process, 'stdin', {
  get: stdio.getStdin, enumerable: false, configurable: true,
});

// Globals. Enumerability matches Node 20 exactly: Node's own tests check it.
function defineGlobal(name, value, enumerable) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable, configurable: true,
  });
}

const timers = require('timers');
defineGlobal('global', globalThis, true);
for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout',
  'setInterval', 'setTimeout']) {
  defineGlobal(name, timers[name], true);
}
defineGlobal('queueMicrotask', queueMicrotask, true);
{
  const { URL, URLSearchParams } = require('internal/url');
  defineGlobal('URL', URL, false);
  defineGlobal('URLSearchParams', URLSearchParams, false);
}
Object.defineProperty(globalThis, 'console', {
  get() {
    const console = require('console');
    defineGlobal('console', console, false);
    return console;
  },
  set(value) { defineGlobal('console', value, false); },
  enumerable: false,
  configurable: true,
});

// Globals loaded on first use, as Node's are: an accessor that replaces itself with a
// data property. atob/btoa are the very functions require('buffer') exports.
function defineLazyGlobal(name, load, enumerable) {
  Object.defineProperty(globalThis, name, {
    get() {
      const value = load();
      defineGlobal(name, value, enumerable);
      return value;
    },
    set(value) { defineGlobal(name, value, enumerable); },
    enumerable,
    configurable: true,
  });
}
// `process` and `Buffer` stay accessor pairs even after assignment, as in Node.
const processObject = process;
for (const [name, load] of [['process', () => processObject],
  ['Buffer', () => require('buffer').Buffer]]) {
  let loaded = false;
  let value;
  Object.defineProperty(globalThis, name, {
    get() {
      if (!loaded) { value = load(); loaded = true; }
      return value;
    },
    set(v) { value = v; loaded = true; },
    enumerable: false,
    configurable: true,
  });
}
Object.defineProperty(globalThis, Symbol.toStringTag, {
  value: 'global', writable: false, enumerable: false, configurable: true,
});
for (const [name, enumerable] of [['atob', true], ['btoa', true],
  ['Blob', false], ['File', false]]) {
  defineLazyGlobal(name, () => require('buffer')[name], enumerable);
}
defineLazyGlobal('DOMException',
                 () => require('internal/per_context/domexception').DOMException, false);
for (const name of ['BroadcastChannel', 'MessageChannel', 'MessageEvent', 'MessagePort']) {
  defineLazyGlobal(name, () => require('internal/worker/io')[name], false);
}

// Web Crypto: `crypto` is enumerable in Node 20, its interfaces are not.
if (!process.execArgv.includes('--no-experimental-global-webcrypto')) {
  defineLazyGlobal('crypto', () => require('internal/crypto/webcrypto').crypto, true);
  for (const name of ['Crypto', 'CryptoKey', 'SubtleCrypto']) {
    defineLazyGlobal(name, () => require('internal/crypto/webcrypto')[name], false);
  }
}

require('internal/bootstrap/web_globals');
