'use strict';
// ERR_SYSTEM_ERROR as Node shapes it: a SystemError for a failed libuv call whose `info`
// holds the call's context ({ errno, code, message, syscall, path?, dest? }) and whose
// errno/syscall/path/dest read through to it.

const { kIsNodeError } = require('internal/errors');

class SystemError extends Error {
  constructor(context) {
    let message = 'A system error occurred: ' +
      `${context.syscall} returned ${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;
    super(message);
    Object.defineProperty(this, 'name', {
      value: 'SystemError', writable: true, enumerable: false, configurable: true,
    });
    this.code = 'ERR_SYSTEM_ERROR';
    Object.defineProperty(this, 'info', {
      value: context, enumerable: true, configurable: true, writable: false,
    });
    for (const key of ['errno', 'syscall', 'path', 'dest']) {
      if (key !== 'errno' && key !== 'syscall' && context[key] === undefined) continue;
      Object.defineProperty(this, key, {
        get() { return context[key]; },
        set(value) { context[key] = value; },
        enumerable: true,
        configurable: true,
      });
    }
    Object.defineProperty(this, kIsNodeError, { value: true, configurable: true });
    Error.captureStackTrace(this, SystemError);
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

// Header of the stack: "SystemError [ERR_SYSTEM_ERROR]: ...", as Node prints it.
Object.defineProperty(SystemError.prototype, 'name', {
  value: 'SystemError', writable: true, enumerable: false, configurable: true,
});

// The info object of a binding's ctx, without the binding-only fields.
function systemError(ctx) {
  const info = { errno: ctx.errno, code: ctx.code, message: ctx.message, syscall: ctx.syscall };
  if (ctx.path !== undefined) info.path = ctx.path;
  if (ctx.dest !== undefined) info.dest = ctx.dest;
  return new SystemError(info);
}

module.exports = { SystemError, systemError };
