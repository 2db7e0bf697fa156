'use strict';
// REPLServer: a readline Interface that evaluates each line (nodejs.org/api/repl.html).
// Input that is not finished yet (a Recoverable error from eval) is buffered and the
// prompt becomes '... '; lines that arrive while an evaluation is still awaiting are
// queued, so results come out in input order.
// Evaluation runs in a node:domain (`_domain`): errors thrown later by work the input
// scheduled (timers, ticks, rejected promises) reach the REPL, which prints them as
// "Uncaught ..." and goes on.
// Differs from Node 20: no preview, no reverse-i-search; on a terminal in raw mode,
// Ctrl+C interrupts only a pending top-level await (breakEvalOnSigint stops synchronous
// code on a real SIGINT only).

const { Interface } = require('readline');
const vm = require('vm');
const { inspect, isError } = require('internal/util/inspect');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_REPL_EVAL_CONFIG, ERR_INVALID_REPL_INPUT,
    ERR_SCRIPT_EXECUTION_INTERRUPTED,
  },
  prepareStackTrace: defaultPrepareStackTrace,
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { Recoverable, makeDefaultEval } = require('internal/repl/eval');
const { createReplContext, defineUnderscores } = require('internal/repl/context');
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
const kOnDomainError = Symbol('kOnDomainError');
// Set by the interactive CLI: its errors go to the process's 'uncaughtException'
// listeners when the user added some.
const kStandaloneREPL = Symbol('kStandaloneREPL');

function writer(obj) {
  return inspect(obj, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

// The domains of all REPLs: code they run may not listen for 'uncaughtException' (the
// REPL's domain would never see the errors then), as in Node.
const replDomains = new WeakSet();
let guardingUncaughtListeners = false;

function guardUncaughtListeners() {
  if (guardingUncaughtListeners) return;
  guardingUncaughtListeners = true;
  process.prependListener('newListener', (event, listener) => {
    if (event === 'uncaughtException' && process.domain &&
        listener.name !== 'domainUncaughtExceptionClear' &&
        replDomains.has(process.domain)) {
      throw new ERR_INVALID_REPL_INPUT(
        'Listeners for `uncaughtException` cannot be used in the REPL');
    }
  });
}

// The frames of an error worth showing: those above the REPL input's own top-level
// frame (the lowest anonymous frame of a REPLn script); all of them when there is none.
function replFrames(callSites) {
  for (let i = callSites.length - 1; i >= 0; i--) {
    const site = callSites[i];
    if (site.getFunctionName() === null && /^REPL\d+$/.test(`${site.getFileName()}`)) {
      return callSites.slice(0, i);
    }
  }
  return callSites;
}

// Frames from the REPL's own machinery, in a stack formatted before the REPL saw it.
const kInternalFrame = /^\s+at (?:async )?.*\(?node:(?:vm|domain|internal\/repl\/)/;

// Formats `error.stack` (if V8 has not yet) with only the frames of the user's code.
function trimStack(error, errorClasses) {
  let formatted = false;
  const saved = errorClasses.map((E) => E.prepareStackTrace);
  const restore = () => errorClasses.forEach((E, i) => { E.prepareStackTrace = saved[i]; });
  const userPrepare = saved.find((fn) => typeof fn === 'function');
  const prepare = (err, callSites) => {
    formatted = true;
    restore();
    const frames = replFrames(callSites);
    if (userPrepare !== undefined) return userPrepare(err, frames);
    return defaultPrepareStackTrace({}, err, frames);
  };
  try {
    errorClasses.forEach((E) => { E.prepareStackTrace = prepare; });
    void error.stack;
  } catch {
    // A throwing `stack` getter leaves the error as it is.
  } finally {
    restore();
  }
  if (formatted || typeof error.stack !== 'string') return;
  // Already formatted: cut the text at the first frame of the REPL itself.
  const lines = error.stack.split('\n');
  const cut = lines.findIndex((line, i) => i > 0 && kInternalFrame.test(line));
  if (cut === -1) return;
  try {
    error.stack = lines.slice(0, cut).join('\n');
  } catch {
    // A frozen error keeps its stack.
  }
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
  this._domain = options.domain || require('domain').create();
  replDomains.add(this._domain);
  if (!options[kStandaloneREPL]) guardUncaughtListeners();
  this[kStandaloneREPL] = !!options[kStandaloneREPL];
  this.eval = this._domain.bind(options.eval || makeDefaultEval(this));
  this._domain.on('error', (error) => this[kOnDomainError](error));
  this.commands = { __proto__: null };
  this.lines = [];
  this.lexicalNames = new Set();
  this.bufferedCommand = '';
  this.editorMode = false;
  this._sawKeyPress = false;
  this[kQueue] = [];
  this[kPendingAwait] = null;
  this[kSawSigint] = false;
  const completer = options.completer || makeCompleter(this);
  Interface.call(this, {
    input,
    output,
    completer,
    terminal,
    prompt: this._initialPrompt,
    historySize: options.historySize,
  });
  this.inputStream = input;
  this.outputStream = output;
  this.resetContext(false);
  defineDefaultCommands(this);

  this.on('line', (line) => {
    this[kSawSigint] = false;
    if (this.editorMode) {
      this.editorLines.push(line);
      // Typed code keeps its indentation: the next line starts with this one's.
      const indent = this._sawKeyPress ? /^\s+/.exec(line) : null;
      if (indent !== null) this.write(indent[0]);
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
    // A chunk of one character was typed; a longer one was pasted (Node's rule).
    const onData = (chunk) => {
      const text = `${chunk}`;
      const first = text.codePointAt(0);
      this._sawKeyPress = first !== undefined && String.fromCodePoint(first).length === text.length;
    };
    input.prependListener('data', onData);
    this.once('close', () => input.removeListener('data', onData));
    const onEditorKey = (s, key) => {
      if (!this.editorMode || !key || !key.ctrl || key.name !== 'd') return;
      if (this.line !== '') this.editorLines.push(this.line);
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
        // The domain's handler prints it and shows the next prompt.
        this._domain.emit('error', error.err || error);
        return;
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

// The Error classes whose prepareStackTrace V8 may consult for errors of this REPL.
function errorClasses(server) {
  const classes = [Error];
  if (server.context !== globalThis) {
    try {
      const ContextError = vm.runInContext('Error', server.context);
      if (ContextError !== Error) classes.push(ContextError);
    } catch {
      // A context whose `Error` cannot be read: its errors keep their whole stack.
    }
  }
  return classes;
}

// The text of an error from evaluated code: "Uncaught " and the writer's view of it, with
// the REPL's own frames left out.
REPLServer.prototype.formatError = function formatError(error) {
  let text = '';
  if (typeof error === 'object' && error !== null) {
    trimStack(error, errorClasses(this));
    if (error.domainThrown) {
      delete error.domain;
      delete error.domainThrown;
    }
    if (isError(error)) {
      if (typeof error.stack === 'string') {
        if (error.name === 'SyntaxError') {
          // The source line and caret stay; the location header and frames go.
          error.stack = error.stack.replace(/^REPL\d+:\d+\r?\n/, '')
            .replace(/^\s+at\s.*\n?/gm, '');
        } else if (this.replMode === REPL_MODE_STRICT) {
          // The 'use strict' prefix line is not the user's.
          error.stack = error.stack.replace(/(\s+at\s+REPL\d+:)(\d+)/,
                                            (_, pre, line) => pre + (line - 1));
        }
      }
      text = this.writer(error);
      // One-line errors print without inspect's brackets.
      if (text[0] === '[' && text[text.length - 1] === ']') text = text.slice(1, -1);
    }
  }
  if (text === '') text = this.writer(error);
  const lines = text.split(/(?<=\n)/);
  let matched = false;
  let out = '';
  for (const line of lines) {
    if (!matched && /^\[?([A-Z][a-z0-9_]*)*Error/.test(line)) {
      out += writer.options.breakLength >= line.length ? `Uncaught ${line}` : `Uncaught:\n${line}`;
      matched = true;
    } else {
      out += line;
    }
  }
  if (!matched) out = `Uncaught${lines.length === 1 ? ' ' : ':\n'}${out}`;
  return out.endsWith('\n') ? out : `${out}\n`;
};

// Prints an error from evaluated code; the session goes on.
REPLServer.prototype.handleError = function handleError(error) {
  if (!this.underscoreErrAssigned) this.lastError = error;
  this.output.write(this.formatError(error));
};

// Errors of evaluated code, now or later, come here through the REPL's domain.
REPLServer.prototype[kOnDomainError] = function onDomainError(error) {
  this[kPendingAwait] = null;
  if (this[kStandaloneREPL] && process.listenerCount('uncaughtException') !== 0) {
    if (!this.underscoreErrAssigned) this.lastError = error;
    process.nextTick(() => {
      process.emit('uncaughtException', error);
      this.clearBufferedCommand();
      this.displayPrompt();
    });
    return;
  }
  if (this.terminal && this.line) this.clearLine();
  this.handleError(error);
  this.clearBufferedCommand();
  if (!this.closed) this.displayPrompt();
  if (this[kQueue].length > 0) process.nextTick(() => this[kDrain]());
};

REPLServer.prototype.onSigint = function onSigint() {
  if (this[kPendingAwait]) {
    this.clearLine();
    this[kPendingAwait]();
    return;
  }
  // Ctrl+C leaves editor mode and drops the line and any unfinished input; twice in a
  // row on an empty line, it ends the REPL.
  const empty = this.line.length === 0 && this.bufferedCommand === '';
  this.clearLine();
  if (this.editorMode) {
    this.editorMode = false;
    this.editorLines = [];
  }
  this.clearBufferedCommand();
  if (empty) {
    if (this[kSawSigint]) {
      this[kSawSigint] = false;
      this.close();
      return;
    }
    this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this[kSawSigint] = true;
  } else {
    this[kSawSigint] = false;
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

REPLServer.prototype.resetContext = function resetContext(emit = true) {
  this.context = createReplContext(this);
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.last = undefined;
  this.lastError = undefined;
  this.lines = [];
  defineUnderscores(this, this.context);
  this.lexicalNames.clear();
  if (emit) this.emit('reset', this.context);
};

// Tab completion: callback(err, [completions, substring]).
REPLServer.prototype.complete = function complete(line, callback) {
  this.completer(line, callback);
};

REPLServer.prototype.createContext = function createContext() {
  return createReplContext(this);
};

REPLServer.prototype.setupHistory = function (historyPath, callback) {
  setupHistory(this, historyPath, callback);
};

// Keys given to write() skip the input's 'keypress' listeners: Ctrl+D in editor mode
// needs the same treatment here.
REPLServer.prototype.write = function write(d, key) {
  if (this.editorMode && this.terminal && key && key.ctrl && key.name === 'd') {
    if (this.line !== '') this.editorLines.push(this.line);
    this.line = '';
    this.cursor = 0;
  }
  return Interface.prototype.write.call(this, d, key);
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
    else this.evalInput(`${code}\n`);  // Saved by .save as typed, newline included.
    return;
  }
  Interface.prototype.close.call(this);
};

module.exports = { REPLServer, REPL_MODE_SLOPPY, REPL_MODE_STRICT, kStandaloneREPL, writer };
