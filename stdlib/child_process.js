'use strict';
// node:child_process: spawn/exec/execFile/fork (internal/child_process/*) and the
// synchronous functions (spawnSync, execSync, execFileSync), which are here.

const { spawn: spawnBinding } = internalBinding('spawn_sync');
const {
  normalizeSpawnArguments,
  normalizeStdio,
  signalNumber,
} = require('internal/child_process/normalize');
const { validateString } = require('internal/validators');

const kDefaultMaxBuffer = 1024 * 1024;

// A failed spawnSync, shaped as Node's: "spawnSync /bin/nope ENOENT" with code and errno.
function spawnError(errno, file, args) {
  const { errname } = internalBinding('uv');
  const code = errname(errno);
  const error = new Error(`spawnSync ${file} ${code}`);
  error.errno = errno;
  error.code = code;
  error.syscall = `spawnSync ${file}`;
  error.path = file;
  error.spawnargs = args.slice(1);
  return error;
}

function spawnSync(file, args, options) {
  const { Buffer } = require('buffer');
  options = normalizeSpawnArguments(file, args, options);
  const stdio = normalizeStdio(options.stdio);
  let input = options.input;
  if (input !== undefined && input !== null) {
    if (typeof input === 'string') input = Buffer.from(input, options.encoding);
    else if (!ArrayBuffer.isView(input)) {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('options.stdio[0]',
        ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
    if (stdio[0].type === 'pipe') stdio[0].input = input;
  }
  const result = spawnBinding({
    file: options.file,
    args: options.args,
    cwd: options.cwd,
    envPairs: options.envPairs,
    stdio,
    timeout: options.timeout > 0 ? options.timeout : 0,
    maxBuffer: options.maxBuffer === Infinity ? 0 : (options.maxBuffer ?? kDefaultMaxBuffer),
    killSignal: signalNumber(options.killSignal),
    detached: options.detached ? 1 : 0,
    uid: options.uid,
    gid: options.gid,
  });
  if (result.output) {
    result.output = result.output.map((chunk) => {
      if (chunk === null) return null;
      const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      return options.encoding && options.encoding !== 'buffer' ?
        buffer.toString(options.encoding) : buffer;
    });
    result.stdout = result.output[1];
    result.stderr = result.output[2];
  }
  if (result.error !== undefined) {
    result.error = spawnError(result.error, options.file, options.args);
  }
  return result;
}

function checkExecSyncError(result, args, command) {
  let error;
  if (result.error) {
    error = result.error;
    Object.assign(error, result);
    delete error.error;
  } else if (result.status !== 0) {
    let message = 'Command failed: ';
    message += command || args.join(' ');
    if (result.stderr && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
    error = new Error(message);
    Object.assign(error, result);
  }
  return error;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args) && args !== undefined && args !== null && typeof args === 'object') {
    options = args;
    args = [];
  }
  options = { ...options };
  const inheritStderr = !options.stdio;
  const result = spawnSync(file, args, options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const error = checkExecSyncError(result, [file, ...(args || [])], undefined);
  if (error) throw error;
  return result.stdout;
}

function execSync(command, options) {
  validateString(command, 'command');
  options = { ...options, shell: typeof options?.shell === 'string' ? options.shell : true };
  const inheritStderr = !options.stdio;
  const result = spawnSync(command, [], options);
  if (inheritStderr && result.stderr) process.stderr.write(result.stderr);
  const error = checkExecSyncError(result, [], command);
  if (error) throw error;
  return result.stdout;
}

const { ChildProcess } = require('internal/child_process/child_process');
const { spawn, fork } = require('internal/child_process/spawn');
const { exec, execFile } = require('internal/child_process/exec');

module.exports = {
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
