'use strict';
// The entry point: runs the script, -e/-p code, or code piped into stdin. C++ calls the
// exported function as the first macrotask, so ticks and microtasks drain after it.

const path = require('path');
const Module = require('internal/modules/cjs/loader');
const options = internalBinding('options');
const { runScript } = internalBinding('contextify');
const { readFileUtf8 } = internalBinding('fs');
const { guessHandleType } = internalBinding('util');
const { uvException } = require('internal/errors');

// -e, -p and stdin code run as a script in the global scope, with module-like globals.
function evalScript(name, source, print) {
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

function runStdin() {
  if (guessHandleType(0) === 'TTY') {
    // TODO(compat): the REPL.
    process.stderr.write('skua: the REPL is not implemented yet; pass a script or -e CODE\n');
    process.exitCode = 9;
    return;
  }
  const ctx = {};
  const source = readFileUtf8('/dev/stdin', ctx);
  if (ctx.code !== undefined) throw uvException(ctx);
  evalScript('[stdin]', source, false);
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
  if (options.evalSource !== undefined) {
    process.argv.push(...options.scriptArgs);
    loadPreloads();
    evalScript('[eval]', options.evalSource, options.printEvalResult);
  } else if (options.script !== undefined && options.script !== '-') {
    const main = path.resolve(options.script);
    process.argv.push(main, ...options.scriptArgs);
    loadPreloads();
    Module.runMain(main);
  } else {
    if (options.script === '-') process.argv.push('-');
    process.argv.push(...options.scriptArgs);
    loadPreloads();
    runStdin();
  }
};
