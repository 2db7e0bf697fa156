'use strict';
// node:readline/promises — an Interface whose question() returns a promise, and the
// Readline class that queues cursor actions and writes them on commit().

const {
  AbortError, codes: { ERR_INVALID_ARG_VALUE, ERR_USE_AFTER_CLOSE },
} = require('internal/errors');
const { validateAbortSignal, validateBoolean, validateInteger } =
  require('internal/validators');
const { Interface: BaseInterface, kQuestionReject } = require('internal/readline/interface');
const { kClearLine, kClearScreenDown, kClearToLineBeginning, kClearToLineEnd } =
  require('internal/readline/callbacks');

class Interface extends BaseInterface {
  question(query, options = {}) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (options?.signal) {
        validateAbortSignal(options.signal, 'options.signal');
        const { signal } = options;
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          this._questionCancel();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestionReject] = reject;
      super.question(query, cb);
    });
  }
}

// Collects cursor actions; commit() writes them at once, rollback() forgets them.
class Readline {
  #autoCommit = false;
  #stream;
  #todo = [];

  constructor(stream, options = undefined) {
    if (stream == null || typeof stream.write !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('stream', stream);
    }
    this.#stream = stream;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #queue(data) {
    if (this.#autoCommit) process.nextTick(() => this.#stream.write(data));
    else this.#todo.push(data);
    return this;
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    return this.#queue(y == null ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`);
  }

  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let data = '';
      if (dx < 0) data += `\x1b[${-dx}D`;
      else if (dx > 0) data += `\x1b[${dx}C`;
      if (dy < 0) data += `\x1b[${-dy}A`;
      else if (dy > 0) data += `\x1b[${dy}B`;
      this.#queue(data);
    }
    return this;
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    return this.#queue(dir < 0 ? kClearToLineBeginning : dir > 0 ? kClearToLineEnd : kClearLine);
  }

  clearScreenDown() {
    return this.#queue(kClearScreenDown);
  }

  commit() {
    return new Promise((resolve) => {
      this.#stream.write(this.#todo.join(''), resolve);
      this.#todo = [];
    });
  }

  rollback() {
    this.#todo = [];
    return this;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
