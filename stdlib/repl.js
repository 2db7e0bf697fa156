'use strict';
// node:repl — the Read-Eval-Print-Loop (nodejs.org/api/repl.html). The server is in
// internal/repl/server.js; evaluation, completion, commands and history beside it.

const { REPLServer, REPL_MODE_SLOPPY, REPL_MODE_STRICT, writer } =
  require('internal/repl/server');
const { Recoverable } = require('internal/repl/eval');
const { builtinLibs } = require('internal/repl/context');

/**
 * Starts a REPL.
 * @param {object|string} [prompt] options, or the prompt
 * @returns {REPLServer}
 */
function start(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, evalFn, useGlobal, ignoreUndefined, replMode);
}

// util.inspect.replDefaults: the options the default writer uses.
const { inspect } = require('internal/util/inspect');
const { validateObject } = require('internal/validators');
if (!Object.prototype.hasOwnProperty.call(inspect, 'replDefaults')) {
  Object.defineProperty(inspect, 'replDefaults', {
    configurable: true,
    enumerable: true,
    get() { return writer.options; },
    set(options) {
      validateObject(options, 'options');
      Object.assign(writer.options, options);
    },
  });
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules: builtinLibs,
};
