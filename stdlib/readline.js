'use strict';
// node:readline — line-by-line reading of a stream (internal/readline/interface.js),
// terminal line editing, and the cursor helpers. `readline/promises` has the
// promise-returning Interface.

const { promisify } = require('util');
const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { Interface: BaseInterface, InterfaceConstructor, kQuestionReject } =
  require('internal/readline/interface');
const { clearLine, clearScreenDown, cursorTo, moveCursor } =
  require('internal/readline/callbacks');
const { emitKeypressEvents } = require('internal/readline/keypress');
const { kOnLine } = require('internal/readline/symbols');
const { refreshLine, ttyWrite } = require('internal/readline/terminal');

// readline.Interface is callable without `new`, as in Node.
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  InterfaceConstructor.call(this, input, output, completer, terminal);
  if (typeof this.completer === 'function' && this.completer.length !== 2) {
    // A synchronous completer returns its result.
    const completerSync = this.completer;
    this.completer = (line, cb) => cb(null, completerSync(line));
  }
}
Object.setPrototypeOf(Interface.prototype, BaseInterface.prototype);
Object.setPrototypeOf(Interface, BaseInterface);

// question(query[, options], cb): options.signal cancels the question.
Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this._questionCancel();
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const original = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return original(answer);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') BaseInterface.prototype.question.call(this, query, cb);
};

Object.defineProperty(Interface.prototype.question, promisify.custom, {
  enumerable: false,
  configurable: true,
  value: function question(query, options) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options?.signal) {
        validateAbortSignal(options.signal, 'options.signal');
        const { signal } = options;
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestionReject] = reject;
      this.question(query, options, cb);
    });
  },
});

// Node's underscore-prefixed methods, which some modules still call.
Interface.prototype._ttyWrite = function _ttyWrite(s, key) { ttyWrite(this, s, key); };
Interface.prototype._refreshLine = function _refreshLine() { refreshLine(this); };
Interface.prototype._onLine = function _onLine(line) { this[kOnLine](line); };

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return require('readline/promises'); },
});
