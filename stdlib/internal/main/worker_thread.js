'use strict';
// The entry point of a worker thread (C++: runtime/bindings/worker_thread.cc calls the
// exported function as the first macrotask). It receives the startup data cloned by the
// parent, sets up process and worker_threads for a worker, reports 'online', and runs
// the worker's script (a file, CommonJS or ES module, or eval'd source).

const path = require('path');
const binding = internalBinding('worker');
const { setFatalExceptionHandler } = internalBinding('errors');
const { threadState, environmentData } = require('internal/worker');
const {
  ERR_WORKER_UNSUPPORTED_OPERATION,
} = require('internal/errors').codes;

// process.env of a worker without SHARE_ENV: its own copy; values become strings.
function envProxy(copy) {
  return new Proxy(copy, {
    set(target, key, value) {
      if (typeof key === 'symbol') return false;
      target[key] = `${value}`;
      return true;
    },
    defineProperty(target, key, descriptor) {
      if ('value' in descriptor) descriptor.value = `${descriptor.value}`;
      return Reflect.defineProperty(target, key, descriptor);
    },
  });
}

// What a worker may not do to the process, as in Node: these throw (and are marked
// `disabled`; the IPC ones exist only when the process has an IPC channel); title and
// debugPort ignore assignments; debugger hooks are absent.
function restrictProcess(hasIpc) {
  const unsupported = (name) => {
    const stub = function() {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
    };
    stub.disabled = true;
    return stub;
  };
  const ipc = hasIpc ? ['send', 'disconnect'] : [];
  for (const name of ['abort', 'chdir', ...ipc, 'setuid', 'seteuid', 'setgid', 'setegid',
    'setgroups', 'initgroups']) {
    process[name] = unsupported(name);
  }
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask();
  };
  for (const name of hasIpc ? ['channel', 'connected'] : []) {
    Object.defineProperty(process, name, {
      get() { throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`); },
      enumerable: false,
      configurable: true,
    });
  }
  for (const name of ['title', 'debugPort']) {
    const value = process[name];
    Object.defineProperty(process, name, {
      get() { return value; },
      set(ignored) {},
      enumerable: true,
      configurable: true,
    });
  }
  for (const name of ['_startProfilerIdleNotifier', '_stopProfilerIdleNotifier',
    '_debugProcess', '_debugPause', '_debugEnd']) {
    delete process[name];
  }
}

// An uncaught exception ends the worker: 'exit' in the worker, then the error goes to
// the parent (its 'error' event) and the thread stops with exit code 1. As in Node, the
// handler is process._fatalException; a worker that replaced it with a non-function
// prints the error and ends with exit code 6.
function setupUncaughtExceptions(internalPort) {
  process._fatalException = function onWorkerUncaught(error, fromPromise) {
    const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
    let threw = false;
    try {
      process.emit('uncaughtExceptionMonitor', error, origin);
      if (process.emit('uncaughtException', error, origin)) return true;
    } catch (err) {
      error = err;
      threw = true;
    }
    if (!process._exiting) {
      try {
        process._exiting = true;
        process.exitCode = 1;
        if (!threw) process.emit('exit', 1);
      } catch {
        // The original error matters more.
      }
    }
    postError(internalPort, error);
    process.reallyExit(process.exitCode ?? 1);
    return true;
  };
  setFatalExceptionHandler(function callFatalException(error, fromPromise) {
    const handler = process._fatalException;
    if (typeof handler !== 'function') {
      process.exitCode = 6;
      return false;
    }
    return handler(error, fromPromise);
  });
}

function postError(internalPort, error) {
  const extra = {};
  if (error !== null && typeof error === 'object') {
    for (const key of Object.keys(error)) {
      const value = error[key];
      if (value === null || typeof value !== 'object' && typeof value !== 'function') {
        extra[key] = value;
      }
    }
  }
  try {
    internalPort.postMessage({ type: 'error', error, extra });
    return;
  } catch {
    // Not cloneable (a throwing `stack` getter, say): send what can be read.
  }
  if (error === null || typeof error !== 'object') {
    let text;
    try {
      text = String(error);
    } catch {
      text = typeof error;
    }
    internalPort.postMessage({ type: 'error', error: text, extra: {} });
    return;
  }
  const read = (key) => {
    try {
      const value = error[key];
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  internalPort.postMessage({
    type: 'error',
    error: null,
    extra,
    fields: { name: read('name'), message: read('message'), stack: read('stack') },
  });
}

function runEval(source) {
  const Module = require('internal/modules/cjs/loader');
  const { runScript } = internalBinding('contextify');
  const name = '[worker eval]';
  const module = new Module(name, null);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = Module.makeRequireFunction(module);
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  runScript(source, name);
}

function runFile(filename) {
  const { formatOfFile } = require('internal/modules/package_scope');
  const { internalModuleStat, realpath } = internalBinding('fs');
  const isModule = filename.endsWith('.mjs') ||
    (internalModuleStat(filename) === 0 && formatOfFile(filename) === 'module');
  if (!isModule) {
    require('internal/modules/cjs/loader').runMain(filename);
    return;
  }
  const { runEntry } = require('internal/modules/esm/loader');
  runModule(() => runEntry(realpath(filename, {}) || filename));
}

// An ES module entry runs inside a microtask; top-level await that never settled when the
// loop ran empty ends the worker with exit code 13, as on the main thread.
function runModule(start) {
  queueMicrotask(() => {
    const promise = start();
    const { getPromiseDetails } = internalBinding('util');
    promise.then(undefined, (error) => {
      internalBinding('errors').triggerUncaughtException(error, false);
    });
    process.on('exit', (code) => {
      if (getPromiseDetails(promise)[0] === 0 && code === 0) process.exitCode = 13;
    });
  });
}

// A data: URL entry (new Worker(new URL('data:text/javascript,...'))) is an ES module.
function runDataURL(href) {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(href);
  const mime = match ? match[1].split(';')[0].trim().toLowerCase() : '';
  runModule(() => {
    if (mime !== 'text/javascript' && mime !== 'application/javascript') {
      const { ERR_UNKNOWN_MODULE_FORMAT } = require('internal/errors').codes;
      return Promise.reject(new ERR_UNKNOWN_MODULE_FORMAT(mime || 'none', href));
    }
    const { Buffer } = require('buffer');
    const source = match[2] ? Buffer.from(match[3], 'base64').toString() :
      Buffer.from(decodeURIComponent(match[3]), 'utf8').toString();
    const { runEntrySource } = require('internal/modules/esm/loader');
    try {
      return Promise.resolve(runEntrySource(source, '[worker data: URL]'));
    } catch (error) {
      return Promise.reject(error);
    }
  });
}

module.exports = function runWorker() {
  require('internal/modules/esm/loader');
  const [publicPort, internalPort] = binding.getParentPorts();
  const startup = binding.getStartupData();
  setupUncaughtExceptions(internalPort);
  require('internal/worker/stdio').setupWorkerStdio(internalPort, startup.stdin);
  restrictProcess((startup.env ?? process.env).NODE_CHANNEL_FD !== undefined);
  if (startup.env !== null) process.env = envProxy(startup.env);
  process.argv = [process.execPath, startup.doEval ? '[worker eval]' : startup.entry,
    ...startup.argv];
  for (const [key, value] of startup.environmentData) environmentData.set(key, value);
  threadState.parentPort = publicPort;
  threadState.workerData = startup.workerData;
  // The internal port never keeps the worker alive; it only carries notices.
  internalPort.postMessage({ type: 'up' });
  if (startup.doEval) runEval(startup.entry);
  else if (startup.entry.startsWith('data:')) runDataURL(startup.entry);
  else runFile(startup.entry);
};
