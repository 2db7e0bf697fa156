'use strict';
// The entry point: runs the script, -e/-p code, or code piped into stdin. C++ calls the
// exported function as the first macrotask, so ticks and microtasks drain after it.

const path = require('path');
const Module = require('internal/modules/cjs/loader');
const options = internalBinding('options');
const { runScript } = internalBinding('contextify');
const { guessHandleType } = internalBinding('util');

// As in Node's -e/-p (not piped stdin), the builtin modules are globals there (`os.cpus()`), loaded on
// first use and replaceable.
function defineBuiltinGlobals() {
  const { publicIds } = require('internal/bootstrap/realm');
  for (const id of publicIds) {
    // As in Node 20, `crypto` here is the module, not the Web Crypto global.
    if (id.startsWith('_') || id.includes('/') || (id in globalThis && id !== 'crypto')) continue;
    const replace = (value) => Object.defineProperty(globalThis, id, {
      value, writable: true, enumerable: false, configurable: true,
    });
    Object.defineProperty(globalThis, id, {
      get() {
        const lib = require(id);
        replace(lib);
        return lib;
      },
      set: replace,
      enumerable: false,
      configurable: true,
    });
  }
}

// -e, -p and stdin code run as a script in the global scope, with module-like globals.
function evalScript(name, source, print) {
  if (name === '[eval]') defineBuiltinGlobals();
  const module = new Module(name, null);
  module.filename = path.join(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const require = Module.makeRequireFunction(module);
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = require;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  const result = runScript(source, name);
  if (print) {
    const { log } = require('console');
    log(result);
  }
}

// An ES module entry runs inside a microtask, as in Node: promise reactions queued by its
// body run before its process.nextTick callbacks.
function runModuleEntry(start) {
  queueMicrotask(() => {
    const promise = start();
    const { getPromiseDetails } = internalBinding('util');
    promise.then(undefined, (error) => {
      internalBinding('errors').triggerUncaughtException(error, false);
    });
    // Top-level await that never settled when the loop ran empty: Node 20 exits with 13.
    process.on('exit', (code) => {
      if (getPromiseDetails(promise)[0] === 0 && code === 0) process.exitCode = 13;
    });
  });
}

function isModuleEntry(filename) {
  const { formatOfFile } = require('internal/modules/package_scope');
  const { internalModuleStat } = internalBinding('fs');
  return internalModuleStat(filename) === 0 && formatOfFile(filename) === 'module';
}

function runMainFile(main) {
  if (checkOnly) {
    const source = require('fs').readFileSync(main, 'utf8');
    checkSyntax(main, source.charCodeAt(0) === 0xFEFF ? source.slice(1) : source,
      isModuleEntry(main));
    return;
  }
  if (isModuleEntry(main)) {
    const { runEntry } = require('internal/modules/esm/loader');
    const { realpath } = internalBinding('fs');
    runModuleEntry(() => runEntry(realpath(main, {}) || main));
  } else {
    Module.runMain(main);
  }
}

// -c/--check: compiles the code without running it; a SyntaxError is thrown as usual.
const checkOnly = process.execArgv.includes('-c') || process.execArgv.includes('--check');

function checkSyntax(name, source, isModule) {
  if (isModule) {
    internalBinding('module_wrap').compileSourceTextModule(name, source);
  } else {
    if (source.startsWith('#!')) source = `//${source.slice(2)}`;
    internalBinding('contextify').compileFunction(source, name,
      ['exports', 'require', 'module', '__filename', '__dirname']);
  }
}

function runSource(name, source, print) {
  if (checkOnly) {
    checkSyntax(name, source, options.inputType === 'module');
    return;
  }
  if (options.inputType === 'module') {
    if (print) {
      const { codes: { ERR_EVAL_ESM_CANNOT_PRINT } } = require('internal/errors');
      throw new ERR_EVAL_ESM_CANNOT_PRINT();
    }
    const { runEntrySource } = require('internal/modules/esm/loader');
    runModuleEntry(() => runEntrySource(source, name));
  } else {
    evalScript(name, source, print);
  }
}

function runStdin() {
  if (options.forceRepl || guessHandleType(0) === 'TTY') {
    require('internal/repl/cli').startCliRepl();
    return;
  }
  // Read from fd 0 itself: a socket (a child's stdio pipe) cannot be opened as /dev/stdin.
  const source = require('fs').readFileSync(0, 'utf8');
  runSource('[stdin]', source, false);
}

function loadPreloads() {
  if (options.preload.length === 0) return;
  const parent = new Module('internal/preload', null);
  parent.paths = Module._nodeModulePaths(process.cwd());
  for (const request of options.preload) {
    Module._load(request.startsWith('.') ? path.resolve(request) : request, parent, false);
  }
}

module.exports = function runMain() {
  // Installs the import() and import.meta hooks for every kind of entry.
  require('internal/modules/esm/loader');
  // A forked child: process.send and friends, before any user code.
  if (process.env.NODE_CHANNEL_FD) require('internal/child_process/ipc_setup').setupChildChannel();
  // A cluster worker: cluster.worker, and listen() asking the primary for handles.
  if (process.env.NODE_UNIQUE_ID) {
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
  if (options.evalSource !== undefined) {
    process.argv.push(...options.scriptArgs);
    loadPreloads();
    runSource('[eval]', options.evalSource, options.printEvalResult);
    // -i with -e: the REPL follows the code.
    if (options.forceRepl) require('internal/repl/cli').startCliRepl();
  } else if (options.script !== undefined && options.script !== '-') {
    const main = path.resolve(options.script);
    process.argv.push(main, ...options.scriptArgs);
    loadPreloads();
    runMainFile(main);
  } else {
    if (options.script === '-') process.argv.push('-');
    process.argv.push(...options.scriptArgs);
    loadPreloads();
    runStdin();
  }
};
