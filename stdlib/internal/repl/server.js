'use strict';
// REPLServer: a readline Interface that evaluates each line (nodejs.org/api/repl.html).
// Input that is not finished yet (a Recoverable error from eval) is buffered and the
// prompt becomes '... '; lines that arrive while an evaluation is still awaiting are
// queued, so results come out in input order.
// Differs from Node 20: no domain, no preview, no reverse-i-search, no breakEvalOnSigint
// for synchronous code (Ctrl+C interrupts only a pending top-level await).

const { Interface } = require('readline');
const { inspect, isError } = require('internal/util/inspect');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_REPL_EVAL_CONFIG, ERR_SCRIPT_EXECUTION_INTERRUPTED },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { Recoverable, makeDefaultEval } = require('internal/repl/eval');
const { createReplContext } = require('internal/repl/context');
const { defineDefaultCommands } = require('internal/repl/commands');
const { makeCompleter } = require('internal/repl/completion');
const { setupHistory } = require('internal/repl/history');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const kQueue = Symbol('kQueue');
const kPendingAwait = Symbol('kPendingAwait');
const kSawSigint = Symbol('kSawSigint');
const kRun = Symbol('kRun');
const kDrain = Symbol('kDrain');

function writer(obj) {
  return inspect(obj, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

// Frames from the REPL's own machinery end the part of a stack worth showing.
const kInternalFrame = /^\s+at (?:async )?(?:REPL\d+:\d+:\d+$|.*\(?node:(?:vm|repl|internal\/repl\/))/;

function trimStack(stack) {
  const lines = stack.split('\n');
  const cut = lines.findIndex((line, i) => i > 0 && kInternalFrame.test(line));
  return cut === -1 ? stack : lines.slice(0, cut).join('\n');
}

function REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined, replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
  } else {
    options = { prompt, stream, eval: evalFn, useGlobal, ignoreUndefined, replMode };
  }
  if (options.breakEvalOnSigint && options.eval) throw new ERR_INVALID_REPL_EVAL_CONFIG();
  const input = options.input || options.stream || process.stdin;
  const output = options.output || options.stream || process.stdout;
  const terminal = options.terminal === undefined ? !!output.isTTY : !!options.terminal;
  this.useColors = options.useColors === undefined ?
    terminal && typeof output.hasColors === 'function' && output.hasColors() :
    !!options.useColors;
  this.useGlobal = !!options.useGlobal;
  this.ignoreUndefined = !!options.ignoreUndefined;
  this.replMode = options.replMode || REPL_MODE_SLOPPY;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this._initialPrompt = options.prompt === undefined ? '> ' : `${options.prompt}`;
  if (options.writer !== undefined) {
    validateFunction(options.writer, 'options.writer');
    this.writer = options.writer;
  } else {
    this.writer = this.useColors ?
      (obj) => inspect(obj, { ...writer.options, colors: true }) : writer;
  }
  this.eval = options.eval || makeDefaultEval(this);
  this.commands = { __proto__: null };
  this.lines = [];
  this.lexicalNames = new Set();
  this.bufferedCommand = '';
  this.editorMode = false;
  this[kQueue] = [];
  this[kPendingAwait] = null;
  this[kSawSigint] = false;
  Interface.call(this, {
    input,
    output,
    completer: options.completer || makeCompleter(this),
    terminal,
    prompt: this._initialPrompt,
    historySize: options.historySize,
  });
  this.inputStream = input;
  this.outputStream = output;
  this.context = createReplContext(this);
  defineDefaultCommands(this);

  this.on('line', (line) => {
    this[kSawSigint] = false;
    if (this.editorMode) {
      this.editorLines.push(line);
      return;
    }
    // While a top-level await is pending, later lines wait their turn.
    if (this[kPendingAwait] || this[kQueue].length > 0) {
      this[kQueue].push(line);
    } else {
      this.processLine(line);
    }
  });
  this.on('SIGINT', () => this.onSigint());
  if (this.terminal) {
    // Ctrl+D ends editor mode even on a non-empty line: keep the line, empty it, and
    // readline's own handler (which runs next) calls close(), which finishes the editor.
    const onEditorKey = (s, key) => {
      if (!this.editorMode || !key || !key.ctrl || key.name !== 'd') return;
      this.editorLines.push(this.line);
      this.line = '';
      this.cursor = 0;
    };
    input.prependListener('keypress', onEditorKey);
    this.once('close', () => input.removeListener('keypress', onEditorKey));
  }
  this.once('close', () => this.emit('exit'));
  this.displayPrompt();
}
Object.setPrototypeOf(REPLServer.prototype, Interface.prototype);
Object.setPrototypeOf(REPLServer, Interface);
REPLServer.REPL_MODE_SLOPPY = REPL_MODE_SLOPPY;
REPLServer.REPL_MODE_STRICT = REPL_MODE_STRICT;

REPLServer.prototype[kDrain] = function drain() {
  while (!this[kPendingAwait] && this[kQueue].length > 0 && !this.closed) {
    this.processLine(this[kQueue].shift());
  }
};

// One line of input: a dot-command, or code (maybe completing buffered code).
REPLServer.prototype.processLine = function processLine(cmd) {
  cmd = cmd || '';
  const trimmed = cmd.trim();
  if (trimmed.startsWith('.') && trimmed[1] !== '.' && Number.isNaN(parseFloat(trimmed))) {
    const match = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
    const command = match && this.commands[match[1]];
    if (command) {
      command.action.call(this, match[2]);
      return;
    }
    if (this.bufferedCommand === '') {
      this.output.write('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }
  if (trimmed !== '') this.lines.push(cmd);
  this[kRun](this.bufferedCommand + cmd + '\n');
};

// Evaluates `code` as one input (a .load file, an .editor buffer).
REPLServer.prototype.evalInput = function evalInput(code) {
  this.lines.push(code);
  this[kRun](code.endsWith('\n') ? code : `${code}\n`);
};

REPLServer.prototype[kRun] = function run(code) {
  let done = false;
  const finish = (error, result) => {
    if (done) return;
    done = true;
    this[kPendingAwait] = null;
    if (error instanceof Recoverable) {
      this.bufferedCommand = code;
    } else {
      this.bufferedCommand = '';
      if (error) {
        this.handleError(error);
      } else if (code.trim() !== '') {
        for (const [, name] of code.matchAll(/\b(?:let|const|class)\s+([\p{ID_Start}$_][\p{ID_Continue}$]*)/gu)) {
          this.lexicalNames.add(name);
        }
        this.printResult(result);
      }
    }
    if (!this.closed) this.displayPrompt();
    if (this[kQueue].length > 0) process.nextTick(() => this[kDrain]());
  };
  try {
    this.eval(code, this.context, 'REPL', finish);
  } catch (error) {
    finish(error);
  }
};

// Waits for `promise` (a top-level await), unless Ctrl+C gives up on it first.
REPLServer.prototype.awaitPromise = function awaitPromise(promise, callback) {
  let settled = false;
  const once = (error, value) => {
    if (settled) return;
    settled = true;
    this[kPendingAwait] = null;
    callback(error, value);
  };
  this[kPendingAwait] = () => once(new ERR_SCRIPT_EXECUTION_INTERRUPTED());
  Promise.resolve(promise).then((value) => once(null, value), (error) => once(error || new Error(`${error}`)));
};

REPLServer.prototype.printResult = function printResult(result) {
  if (!this.underscoreAssigned) this.last = result;
  if (result === undefined && this.ignoreUndefined) return;
  this.output.write(`${this.writer(result)}\n`);
};

// Prints an error from evaluated code; the session goes on.
REPLServer.prototype.handleError = function handleError(error) {
  if (!this.underscoreErrAssigned) this.lastError = error;
  let text;
  if (isError(error) && typeof error.stack === 'string') {
    const stack = trimStack(error.stack);
    // A Node error's `code` is in its header already: "Error [ERR_X]: ...".
    const extra = Object.keys(error).filter((key) => !(key === 'code' &&
      stack.startsWith(`${error.name} [${error.code}]`)));
    if (extra.length === 0) {
      text = stack;
    } else {
      try {
        error.stack = stack;
      } catch {
        // A frozen error keeps its stack.
      }
      text = inspect(error, { colors: this.useColors });
    }
  } else {
    text = inspect(error, { colors: this.useColors });
  }
  this.output.write(`Uncaught ${text}\n`);
};

REPLServer.prototype.onSigint = function onSigint() {
  if (this[kPendingAwait]) {
    this.clearLine();
    this[kPendingAwait]();
    return;
  }
  if (this.editorMode) {
    this.editorMode = false;
    this.editorLines = [];
    this.clearLine();
    this.displayPrompt();
    return;
  }
  const empty = this.line.length === 0 && this.bufferedCommand === '';
  this.clearLine();
  this.clearBufferedCommand();
  if (empty) {
    if (this[kSawSigint]) {
      this[kSawSigint] = false;
      this.close();
      return;
    }
    this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this[kSawSigint] = true;
  }
  this.displayPrompt();
};

// setPrompt() changes the REPL's own prompt; '... ' stays for continued input.
REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  Interface.prototype.setPrompt.call(this, prompt);
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  Interface.prototype.setPrompt.call(this,
    this.bufferedCommand.length > 0 ? '... ' : this._initialPrompt);
  this.prompt(preserveCursor);
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this.bufferedCommand = '';
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') cmd = { action: cmd };
  else if (cmd === null || typeof cmd !== 'object' || typeof cmd.action !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd?.action);
  }
  this.commands[keyword] = cmd;
};

REPLServer.prototype.resetContext = function resetContext() {
  this.context = createReplContext(this);
  this.lexicalNames.clear();
  this.emit('reset', this.context);
};

REPLServer.prototype.createContext = function createContext() {
  return createReplContext(this);
};

REPLServer.prototype.setupHistory = function (historyPath, callback) {
  setupHistory(this, historyPath, callback);
};

// In editor mode, Ctrl+D (which closes a readline) ends the editor and runs the code.
REPLServer.prototype.close = function close() {
  if (this.editorMode && !this.input.readableEnded) {
    this.editorMode = false;
    const code = this.editorLines.join('\n');
    this.editorLines = [];
    this.line = '';
    this.cursor = 0;
    this.output.write('\n');
    if (code.trim() === '') this.displayPrompt();
    else this.evalInput(code);
    return;
  }
  Interface.prototype.close.call(this);
};

module.exports = { REPLServer, REPL_MODE_SLOPPY, REPL_MODE_STRICT, writer };
