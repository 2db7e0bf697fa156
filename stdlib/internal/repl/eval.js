'use strict';
// The REPL's default eval(code, context, filename, callback): compiles the input as a
// script, tells incomplete input (Recoverable, so the REPL keeps reading with '... ')
// from real syntax errors, runs it in the REPL's context, and awaits it when the input
// used top-level await (internal/repl/await.js).

const vm = require('vm');
const { kUseMainLoader } = require('internal/vm/constants');
const { tokenize } = require('internal/repl/tokens');
const { processTopLevelAwait } = require('internal/repl/await');

// The input may continue on the next line: the REPL buffers it and asks for more.
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

const kIncompleteMessage = /^(Unexpected end of input|Unterminated template)/;

/**
 * Whether `error`, a SyntaxError compiling `code`, only says that the input is not
 * finished yet.
 */
function isRecoverableError(error, code) {
  if (!error || error.name !== 'SyntaxError') return false;
  if (kIncompleteMessage.test(error.message)) return true;
  const { open, unterminated } = tokenize(code);
  if (unterminated === 'template' || unterminated === 'comment' || unterminated === 'string') {
    return true;
  }
  // `await` in unfinished input fails before the parser reaches the end.
  return open.length > 0 && unterminated === null && /\bawait\b/.test(error.message);
}

let nextScriptId = 0;

function compile(code, filename) {
  return new vm.Script(code, {
    filename, displayErrors: false, importModuleDynamically: kUseMainLoader,
  });
}

/**
 * Makes the default eval of `server` (for its replMode).
 */
function makeDefaultEval(server) {
  return function defaultEval(code, context, file, cb) {
    if (file === 'REPL' || file === undefined) file = `REPL${++nextScriptId}`;
    if (code.trim() === '') {
      cb(null);
      return;
    }
    const strict = server.replMode === server.constructor.REPL_MODE_STRICT;
    const prefix = strict ? "'use strict'; void 0;\n" : '';
    let script;
    let awaited = false;
    // `{ a: 1 }` is an object, not a block, unless that does not compile.
    if (/^\s*\{/.test(code) && !/;\s*$/.test(code)) {
      try {
        script = compile(`${prefix}(${code.trim()}\n)`, file);
      } catch {
        // A block statement after all.
      }
    }
    if (script === undefined) {
      try {
        script = compile(prefix + code, file);
      } catch (error) {
        const wrapped = /\bawait\b/.test(code) ? processTopLevelAwait(code) : null;
        if (wrapped !== null) {
          try {
            script = compile(prefix + wrapped, file);
            awaited = true;
          } catch (wrappedError) {
            // The original message is the one that makes sense to the user.
          }
        }
        if (script === undefined) {
          cb(isRecoverableError(error, code) ? new Recoverable(error) : error);
          return;
        }
      }
    }
    let result;
    try {
      // breakEvalOnSigint: SIGINT (kill -INT, or Ctrl+C without raw mode) stops the code.
      const options = { displayErrors: false, breakOnSigint: server.breakEvalOnSigint };
      result = context === globalThis || context === undefined ?
        script.runInThisContext(options) : script.runInContext(context, options);
    } catch (error) {
      // Thrown while a node:domain is still entered: that domain gets it, as in Node.
      const { domain } = process;
      if (domain) {
        domain.emit('error', error);
        domain.exit();
        return;
      }
      cb(error);
      return;
    }
    if (!awaited) {
      cb(null, result);
      return;
    }
    server.awaitPromise(result, (error, wrapper) => {
      if (error) cb(error);
      else cb(null, wrapper === undefined ? undefined : wrapper.value);
    });
  };
}

module.exports = { Recoverable, isRecoverableError, makeDefaultEval };
