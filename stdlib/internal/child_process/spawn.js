'use strict';
// child_process.spawn and fork: argument handling around ChildProcess, plus the
// `timeout`/`killSignal` and `signal` (AbortSignal) options.

const {
  AbortError,
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const { validateAbortSignal, validateArray, validateObject, validateString } =
  require('internal/validators');
const {
  normalizeSpawnArguments, sanitizeKillSignal, validateNullCheck,
} = require('internal/child_process/normalize');
const { ChildProcess } = require('internal/child_process/child_process');

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function abortChildProcess(child, killSignal, reason) {
  try {
    if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: reason }));
  } catch (err) {
    child.emit('error', err);
  }
}

/**
 * Starts `file` with `args` and returns its ChildProcess.
 * @param {string} file
 * @param {string[]} [args]
 * @param {object} [options]
 * @returns {ChildProcess}
 */
function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();
  child.spawn(options);

  if (options.timeout > 0) {
    let timer = setTimeout(() => {
      timer = null;
      try {
        child.kill(killSignal);
      } catch (err) {
        child.emit('error', err);
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timer) clearTimeout(timer);
      timer = null;
    });
  }
  const { signal } = options;
  if (signal) {
    const onAbort = () => abortChildProcess(child, killSignal, signal.reason);
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return child;
}

function stdioStringToArray(stdio, channel) {
  const out = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      out.push(stdio, stdio, stdio);
      break;
    case 'inherit':
      out.push(0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) out.push(channel);
  return out;
}

/**
 * Runs the module `modulePath` in a new skua process with an IPC channel.
 * @param {string|URL} modulePath
 * @param {string[]} [args]
 * @param {object} [options]
 * @returns {ChildProcess}
 */
function fork(modulePath, args, options) {
  const { toPathIfFileURL } = require('internal/url');
  modulePath = toPathIfFileURL(modulePath);
  if (ArrayBuffer.isView(modulePath)) modulePath = require('buffer').Buffer.from(modulePath).toString();
  validateString(modulePath, 'modulePath');
  validateNullCheck(modulePath, 'modulePath');
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options != null) validateObject(options, 'options');
  options = { ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  validateNullCheck(options.execPath, 'options.execPath');
  const execArgv = options.execArgv || process.execArgv;
  for (let i = 0; i < execArgv.length; i++) {
    validateNullCheck(execArgv[i], `options.execArgv[${i}]`);
  }
  args = [...execArgv, modulePath, ...args];
  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!Array.isArray(options.stdio)) {
    // The child shares our stdio unless `silent`; fd 3 is the channel.
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit', 'ipc');
  } else if (!options.stdio.includes('ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

module.exports = { spawn, fork, validateTimeout };
