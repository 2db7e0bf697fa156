'use strict';
// The readline Interface shared by `readline` and `readline/promises`: splits its input
// into lines ('line' events, question(), async iteration) and, in terminal mode, edits the
// line with keypresses (internal/readline/terminal.js) and keeps a history.

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  AbortError,
  codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const {
  validateAbortSignal, validateArray, validateString, validateUint32,
} = require('internal/validators');
const { emitKeypressEvents, kEscapeCodeTimeout } = require('internal/readline/keypress');
const { kOnLine, kSawReturnAt } = require('internal/readline/symbols');
const terminal = require('internal/readline/terminal');

const kHistorySize = 30;
const kMinCrlfDelay = 100;
const lineEnding = /\r?\n|\r(?!\n)/g;

const kDecoder = Symbol('kDecoder');
const kLineBuffer = Symbol('kLineBuffer');
const kLineObjectStream = Symbol('kLineObjectStream');
const kOldPrompt = Symbol('kOldPrompt');
const kPrompt = Symbol('kPrompt');
const kQuestionCallback = Symbol('kQuestionCallback');
const kQuestionReject = Symbol('kQuestionReject');
const kNormalWrite = Symbol('kNormalWrite');
const kSetRawMode = Symbol('kSetRawMode');
const kWatermarkData = Symbol.for('nodejs.watermarkData');

// The common constructor of both Interface classes: (input, output, completer, terminal)
// or ({ input, output, completer, terminal, history, historySize, ... }).
function InterfaceConstructor(input, output, completer, isTerminal) {
  EventEmitter.call(this);
  this.isCompletionEnabled = true;
  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;
  let escapeCodeTimeout = kEscapeCodeTimeout;
  let tabSize = 8;
  if (input && input.input) {
    // An options object.
    const options = input;
    output = options.output;
    completer = options.completer;
    isTerminal = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      tabSize = options.tabSize;
    }
    removeHistoryDuplicates = options.removeHistoryDuplicates;
    if (options.prompt !== undefined) prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(options.escapeCodeTimeout)) {
        escapeCodeTimeout = options.escapeCodeTimeout;
      } else {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', options.escapeCodeTimeout);
      }
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;
  }
  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (history === undefined) history = [];
  else validateArray(history, 'history');
  if (historySize === undefined) historySize = kHistorySize;
  if (typeof historySize !== 'number' || Number.isNaN(historySize) || historySize < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('historySize', historySize);
  }
  // Without an explicit terminal option, a TTY output means terminal mode.
  if (isTerminal === undefined && !(output === null || output === undefined)) {
    isTerminal = !!output.isTTY;
  }

  this.line = '';
  this[kPrompt] = prompt;
  this[kQuestionCallback] = null;
  this[kSawReturnAt] = 0;
  this[kLineBuffer] = null;
  this.output = output;
  this.input = input;
  this.history = history;
  this.historySize = historySize;
  this.removeHistoryDuplicates = !!removeHistoryDuplicates;
  this.crlfDelay = crlfDelay ? Math.max(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  this.escapeCodeTimeout = escapeCodeTimeout;
  this.tabSize = tabSize;
  this.completer = completer;
  this.terminal = !!isTerminal;
  this.closed = false;
  this.paused = false;
  this.historyIndex = -1;
  this.cursor = 0;
  this.prevRows = 0;

  const onerror = (err) => this.emit('error', err);
  const ondata = (data) => this[kNormalWrite](data);
  const onend = () => {
    if (typeof this[kLineBuffer] === 'string' && this[kLineBuffer].length > 0) {
      this.emit('line', this[kLineBuffer]);
    }
    this.close();
  };
  input.on('error', onerror);
  if (!this.terminal) {
    this[kDecoder] = new StringDecoder('utf8');
    input.on('data', ondata);
    input.on('end', onend);
    this.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    });
  } else {
    const onkeypress = (s, key) => terminal.ttyWrite(this, s, key);
    const ontermend = () => {
      if (typeof this.line === 'string' && this.line.length > 0) this.emit('line', this.line);
      this.close();
    };
    const onresize = () => terminal.refreshLine(this);
    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this[kSetRawMode](true);
    if (output !== null && output !== undefined) output.on('resize', onresize);
    this.once('close', () => {
      input.removeListener('keypress', onkeypress);
      input.removeListener('error', onerror);
      input.removeListener('end', ontermend);
      if (output !== null && output !== undefined) output.removeListener('resize', onresize);
    });
  }
  if (signal) {
    const onAborted = () => this.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  input.resume();
}
Object.setPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
Object.setPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  [kSetRawMode](mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') this.input.setRawMode(mode);
    return wasInRawMode;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      terminal.refreshLine(this);
    } else {
      this._writeToOutput(this[kPrompt]);
    }
  }

  // Asks `query` and passes the next line to `cb` (instead of a 'line' event).
  question(query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this[kQuestionCallback]) {
      this.prompt();
    } else {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
      this.prompt();
    }
  }

  // Drops a pending question (its AbortSignal fired).
  _questionCancel() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  [kOnLine](line) {
    if (this[kQuestionCallback]) {
      const cb = this[kQuestionCallback];
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  _writeToOutput(text) {
    validateString(text, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  // Ends the current line in terminal mode (the cursor goes below it).
  clearLine() {
    terminal.moveCursor(this, +Infinity);
    this._writeToOutput('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
    if (this[kQuestionReject]) {
      this[kQuestionReject](new AbortError('The readline interface was closed', {
        cause: new ERR_USE_AFTER_CLOSE('readline'),
      }));
    }
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) terminal.ttyWrite(this, d, key);
    else this[kNormalWrite](d);
  }

  // Splits decoded input into lines; a '\r' then '\n' within crlfDelay is one ending.
  [kNormalWrite](b) {
    if (b === undefined) return;
    let string = this[kDecoder].write(b);
    if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
      if (string.codePointAt(0) === 10) string = string.slice(1);
      this[kSawReturnAt] = 0;
    }
    lineEnding.lastIndex = 0;
    if (!lineEnding.test(string)) {
      if (string) this[kLineBuffer] = (this[kLineBuffer] || '') + string;
      return;
    }
    if (this[kLineBuffer]) {
      string = this[kLineBuffer] + string;
      this[kLineBuffer] = null;
    }
    this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
    lineEnding.lastIndex = 0;
    let start = 0;
    let match;
    const lines = [];
    while ((match = lineEnding.exec(string)) !== null) {
      lines.push(string.slice(start, match.index));
      start = lineEnding.lastIndex;
    }
    this[kLineBuffer] = string.slice(start);
    for (const line of lines) this[kOnLine](line);
  }

  getCursorPos() {
    return terminal.getCursorPos(this);
  }

  [Symbol.asyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      const { on } = require('events');
      const events = on(this, 'line', { close: ['close'], highWaterMark: 1024 });
      this[kLineObjectStream] = {
        async next() {
          const result = await events.next();
          return result.done ? result : { value: result.value[0], done: false };
        },
        return() { return events.return(); },
        throw(err) { return events.throw(err); },
        [Symbol.asyncIterator]() { return this; },
        [kWatermarkData]: events[kWatermarkData],
      };
    }
    return this[kLineObjectStream];
  }
}

module.exports = {
  Interface,
  InterfaceConstructor,
  kOnLine,
  kPrompt,
  kQuestionCallback,
  kQuestionReject,
  kSawReturnAt,
};
