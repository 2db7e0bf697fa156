'use strict';
// Argument handling shared by the child_process functions: (file, args, options) as Node
// accepts them, the shell option, the environment and stdio.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_SIGNAL },
} = require('internal/errors');
const {
  isInt32, validateBoolean, validateObject, validateString,
} = require('internal/validators');
const { signals } = internalBinding('process_methods');

// A string argument must not hold NUL bytes: exec would cut it there.
function validateNullCheck(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateNullCheck(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  for (let i = 0; i < args.length; i++) validateNullCheck(args[i], `args[${i}]`);
  if (options === undefined) options = {};
  else validateObject(options, 'options');

  let cwd = options.cwd;
  if (cwd !== undefined && cwd !== null) {
    const { toPathIfFileURL } = require('internal/url');
    cwd = toPathIfFileURL(cwd);
    if (ArrayBuffer.isView(cwd)) cwd = require('buffer').Buffer.from(cwd).toString();
    validateString(cwd, 'options.cwd');
    validateNullCheck(cwd, 'options.cwd');
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  for (const id of ['uid', 'gid']) {
    if (options[id] != null && !isInt32(options[id])) {
      throw new ERR_INVALID_ARG_TYPE(`options.${id}`, 'int32', options[id]);
    }
  }
  const { shell } = options;
  if (shell != null && typeof shell !== 'boolean' && typeof shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateNullCheck(options.argv0, 'options.argv0');
  }
  for (const name of ['windowsHide', 'windowsVerbatimArguments']) {
    if (options[name] != null) validateBoolean(options[name], `options.${name}`);
  }
  if (shell) {
    validateNullCheck(shell, 'options.shell');
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof shell === 'string' ? shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);
  const env = options.env || process.env;
  const envPairs = [];
  // Inherited (prototype) keys are passed on too, as Node does.
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    validateNullCheck(key, `options.env['${key}']`);
    validateNullCheck(value, `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }
  return {
    ...options,
    args,
    cwd: cwd || undefined,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
  };
}

// 'pipe' | 'inherit' | 'ignore' | [..] of those or fds -> [{ type, fd? }, x3 at least].
function normalizeStdio(stdio) {
  if (stdio === undefined || stdio === null) stdio = 'pipe';
  if (typeof stdio === 'string') stdio = [stdio, stdio, stdio];
  if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  const out = [];
  for (let i = 0; i < Math.max(3, stdio.length); i++) {
    const entry = stdio[i];
    if (entry === undefined || entry === null || entry === 'pipe' || entry === 'overlapped') {
      out.push({ type: 'pipe' });
    } else if (entry === 'ignore') {
      out.push({ type: 'ignore' });
    } else if (entry === 'inherit') {
      out.push({ type: 'inherit' });
    } else if (typeof entry === 'number') {
      out.push({ type: 'fd', fd: entry });
    } else if (entry === process.stdin || entry === process.stdout || entry === process.stderr) {
      out.push({ type: 'fd', fd: entry.fd });
    } else if (typeof entry === 'object' && typeof entry.fd === 'number') {
      out.push({ type: 'fd', fd: entry.fd });
    } else {
      throw new ERR_INVALID_ARG_VALUE('stdio', entry);
    }
  }
  return out;
}

// A signal name ('SIGTERM', any case) or number -> its number; undefined -> SIGTERM.
function signalNumber(signal) {
  if (signal === undefined || signal === null) return signals.SIGTERM;
  if (typeof signal === 'number' && Object.values(signals).includes(signal)) return signal;
  if (typeof signal === 'string' && signals[signal.toUpperCase()] !== undefined) {
    return signals[signal.toUpperCase()];
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

// options.killSignal: a name or number, else ERR_INVALID_ARG_TYPE.
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return signalNumber(killSignal);
  }
  if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  }
  return signals.SIGTERM;
}

module.exports = {
  normalizeSpawnArguments, normalizeStdio, sanitizeKillSignal, signalNumber, validateNullCheck,
};
