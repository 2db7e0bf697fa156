'use strict';
// child_process.exec and execFile: spawn, collect stdout/stderr (up to maxBuffer bytes
// each, decoded with `encoding` unless 'buffer'), and call back once the child has closed
// with (error, stdout, stderr). Errors carry code/killed/signal/cmd as Node's do; the
// util.promisify forms resolve to { stdout, stderr }.

const { Buffer } = require('buffer');
const {
  codes: { ERR_CHILD_PROCESS_STDIO_MAXBUFFER, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const { sanitizeKillSignal, validateNullCheck } = require('internal/child_process/normalize');
const { spawn, validateTimeout } = require('internal/child_process/spawn');

const kDefaultMaxBuffer = 1024 * 1024;

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') callback = options;
  else if (options != null) validateObject(options, 'options');
  if (options == null) options = {};
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateNullCheck(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

// Collects one output stream, enforcing maxBuffer (in bytes of the decoded text).
function collect(stream, name, state, options, onOverflow) {
  if (!stream) return [];
  const chunks = [];
  let length = 0;
  if (state.encoding) stream.setEncoding(state.encoding);
  stream.on('data', (chunk) => {
    if (options.maxBuffer === Infinity) {
      chunks.push(chunk);
      return;
    }
    const encoding = stream.readableEncoding;
    const size = encoding ? Buffer.byteLength(chunk, encoding) : chunk.length;
    length += size;
    if (length > options.maxBuffer) {
      const keep = options.maxBuffer - (length - size);
      chunks.push(chunk.slice(0, keep));
      onOverflow(new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name));
    } else {
      chunks.push(chunk);
    }
  });
  return chunks;
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
    encoding: 'utf8', timeout: 0, maxBuffer: kDefaultMaxBuffer, killSignal: 'SIGTERM',
    cwd: null, env: null, shell: false, ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    argv0: options.argv0,
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  const state = {
    encoding: options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ?
      options.encoding : null,
  };
  let killed = false;
  let exited = false;
  let timer = null;
  let ex = null;

  function join(chunks, stream) {
    if (state.encoding || (stream && stream.readableEncoding)) return chunks.join('');
    return Buffer.concat(chunks);
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!callback) return;
    const stdout = join(stdoutChunks, child.stdout);
    const stderr = join(stderrChunks, child.stderr);
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    let cmd = file;
    if (args.length > 0) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? require('util').getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timer = setTimeout(() => {
      kill();
      timer = null;
    }, options.timeout);
  }
  const onOverflow = (error) => {
    ex = error;
    kill();
  };
  const stdoutChunks = collect(child.stdout, 'stdout', state, options, onOverflow);
  const stderrChunks = collect(child.stderr, 'stderr', state, options, onOverflow);
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

function exec(command, options, callback) {
  validateString(command, 'command');
  validateNullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return module.exports.execFile(command, options, callback);
}

// util.promisify(exec/execFile): a promise of { stdout, stderr } with `.child`.
function promisified(original) {
  return (...args) => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = original(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(exec, kCustomPromisify, { enumerable: false, value: promisified(exec) });
Object.defineProperty(execFile, kCustomPromisify, {
  enumerable: false, value: promisified(execFile),
});

module.exports = { exec, execFile };
