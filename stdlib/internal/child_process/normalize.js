'use strict';
// Argument handling shared by the child_process functions: (file, args, options) as Node
// accepts them, the shell option, the environment and stdio.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_SIGNAL },
} = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');
const { signals } = internalBinding('process_methods');

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
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
  if (options === undefined || options === null) options = {};
  else validateObject(options, 'options');

  let cwd = options.cwd;
  if (cwd !== undefined && cwd !== null) {
    const { toPathIfFileURL } = require('internal/url');
    cwd = toPathIfFileURL(cwd);
    validateString(cwd, 'options.cwd');
  }
  if (options.shell) {
    const command = [file, ...args].join(' ');
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  const argv0 = typeof options.argv0 === 'string' ? options.argv0 : file;
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    if (env[key] !== undefined) envPairs.push(`${key}=${env[key]}`);
  }
  return {
    ...options,
    args: [argv0, ...args],
    cwd: cwd || undefined,
    envPairs,
    file,
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

function signalNumber(signal) {
  if (signal === undefined || signal === null) return signals.SIGTERM;
  if (typeof signal === 'number') return signal;
  if (typeof signal === 'string' && signals[signal] !== undefined) return signals[signal];
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

module.exports = { normalizeSpawnArguments, normalizeStdio, signalNumber };
