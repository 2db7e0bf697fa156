'use strict';
// The entry point of a worker thread (C++: runtime/bindings/worker_thread.cc calls the
// exported function as the first macrotask). It receives the startup data cloned by the
// parent, sets up process and worker_threads for a worker, reports 'online', and runs
// the worker's script (a file, CommonJS or ES module, or eval'd source).

const path = require('path');
const binding = internalBinding('worker');
const { setFatalExceptionHandler } = internalBinding('errors');
const { threadState, environmentData } = require('internal/worker');
const { targetOf } = require('internal/worker/io');
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

function restrictProcess() {
  process.chdir = function chdir() {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION('process.chdir()');
  };
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask();
  };
  process.abort = function abort() {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION('process.abort()');
  };
}

// An uncaught exception ends the worker: 'exit' in the worker, then the error goes to
// the parent (its 'error' event) and the thread stops with exit code 1.
function setupUncaughtExceptions(internalPort) {
  setFatalExceptionHandler(function onWorkerUncaught(error, fromPromise) {
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
  } catch {
    const { inspect } = require('internal/util/inspect');
    internalPort.postMessage({ type: 'error', error: inspect(error), extra: {} });
  }
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
  restrictProcess();
  if (startup.env !== null) process.env = envProxy(startup.env);
  process.argv = [process.execPath, startup.doEval ? '[worker eval]' : startup.entry,
    ...startup.argv];
  for (const [key, value] of startup.environmentData) environmentData.set(key, value);
  threadState.parentPort = publicPort;
  threadState.workerData = startup.workerData;
  // The internal port never keeps the worker alive; it only carries notices.
  targetOf(internalPort);
  internalPort.postMessage({ type: 'up' });
  if (startup.doEval) runEval(startup.entry);
  else if (startup.entry.startsWith('data:')) runDataURL(startup.entry);
  else runFile(startup.entry);
};
