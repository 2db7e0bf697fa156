'use strict';
// The parent side of worker_threads.Worker: validates options, clones the startup data
// into the native Worker (the `worker` binding), and turns what comes back over the
// internal channel ('up', uncaught errors) and the thread's end into Node's events:
// 'online', 'message', 'messageerror', 'error', 'exit'.

const EventEmitter = require('events');
const path = require('path');
const { Worker: WorkerHandle } = internalBinding('worker');
const { addInternalListener, drainMessagePort } = require('internal/worker/io');
const { DOMException } = require('internal/per_context/domexception');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_WORKER_PATH, ERR_WORKER_OUT_OF_MEMORY,
  ERR_WORKER_INVALID_EXEC_ARGV, ERR_METHOD_NOT_IMPLEMENTED, ERR_INVALID_URL_SCHEME,
} = require('internal/errors').codes;
const { validateArray, validateObject, validateString } = require('internal/validators');

const kHandle = Symbol('kHandle');
const kPublicPort = Symbol('kPublicPort');
const kInternalPort = Symbol('kInternalPort');
const kOnExit = Symbol('kOnExit');
const kOnInternal = Symbol('kOnInternal');
const kExited = Symbol('kExited');
const kSetupStdio = Symbol('kSetupStdio');
const kStdin = Symbol('kStdin');
const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kLimitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb',
  'stackSizeMb'];

// setEnvironmentData(): copied into every worker started afterwards.
const environmentData = new Map();
// Inside a worker: filled by internal/main/worker_thread.js before user code runs.
const threadState = { parentPort: null, workerData: null };

function resolveEntry(filename, options) {
  if (options.eval) {
    if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_VALUE('options.eval', options.eval,
        'must be false when \'filename\' is not a string');
    }
    return filename;
  }
  const { isURL, fileURLToPath } = require('internal/url');
  if (isURL(filename)) {
    if (filename.protocol === 'file:') return fileURLToPath(filename);
    if (filename.protocol === 'data:') return filename.href;
    throw new ERR_INVALID_URL_SCHEME(['file', 'data']);
  }
  validateString(filename, 'filename');
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
    throw new ERR_WORKER_PATH(filename);
  }
  return path.resolve(filename);
}

function copyEnv(env) {
  if (env === SHARE_ENV) return null;
  if (env === undefined || env === null) env = process.env;
  else if (typeof env !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options.env', ['object', 'undefined', 'null'], env);
  }
  const copy = {};
  for (const key of Object.keys(env)) copy[key] = `${env[key]}`;
  return copy;
}

function limitsArray(limits) {
  const array = new Float64Array(4).fill(-1);
  if (limits === undefined) return array;
  validateObject(limits, 'options.resourceLimits');
  // Zero or less means V8's default (C++ checks > 0), except that the old generation
  // gets at least 2 MB, as in Node: a tiny heap runs out of memory, it is not ignored.
  kLimitNames.forEach((name, i) => {
    if (typeof limits[name] === 'number') array[i] = limits[name];
  });
  if (typeof limits.maxOldGenerationSizeMb === 'number') {
    array[1] = Math.max(limits.maxOldGenerationSizeMb, 2);
  }
  return array;
}

function limitsObject(array) {
  const out = {};
  kLimitNames.forEach((name, i) => { out[name] = array[i]; });
  return out;
}

// Options a worker may have of its own (Node's per-isolate and per-environment ones that
// skua knows). Anything else — per-process options (--title, --redirect-warnings), V8
// flags (--max-old-space-size), unknown options — is refused, as Node does.
const kWorkerOptions = new Set([
  '--no-warnings', '--trace-warnings', '--no-deprecation', '--throw-deprecation',
  '--trace-deprecation', '--pending-deprecation', '--preserve-symlinks',
  '--preserve-symlinks-main', '--trace-uncaught', '--enable-source-maps',
  '--zero-fill-buffers', '--abort-on-uncaught-exception', '--no-addons',
  '--insecure-http-parser', '--trace-exit', '--no-force-async-hooks-checks',
  '--expose-internals', '--frozen-intrinsics', '--disable-proto', '--require', '-r',
  '--conditions', '-C', '--input-type', '--unhandled-rejections', '--import', '--loader',
]);

function invalidOptions(args) {
  return args.filter((arg) => {
    if (typeof arg !== 'string' || !arg.startsWith('-') || arg === '-' || arg === '--') {
      return false;
    }
    const name = arg.split('=')[0];
    return !kWorkerOptions.has(name) && !/^--(no-)?experimental-/.test(name);
  });
}

function validateExecArgv(execArgv, env) {
  if (env !== null && typeof env === 'object' && typeof env.NODE_OPTIONS === 'string') {
    const invalid = invalidOptions(env.NODE_OPTIONS.split(/\s+/).filter(Boolean));
    if (invalid.length > 0) {
      throw new ERR_WORKER_INVALID_EXEC_ARGV(invalid, 'invalid NODE_OPTIONS env variable');
    }
  }
  if (execArgv === undefined) return process.execArgv;
  validateArray(execArgv, 'options.execArgv');
  const invalid = invalidOptions(execArgv);
  if (invalid.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(invalid);
  return execArgv.map(String);
}

// Many workers piping into process.stdout must not trip MaxListenersExceededWarning.
function pipeWithoutWarning(source, dest) {
  const sourceMax = source._maxListeners;
  const destMax = dest._maxListeners;
  source.setMaxListeners(Infinity);
  dest.setMaxListeners(Infinity);
  source.pipe(dest, { end: false });
  source._maxListeners = sourceMax;
  dest._maxListeners = destMax;
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (options === null || typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const entry = resolveEntry(filename, options);
    let argv = [];
    if (options.argv !== undefined) {
      validateArray(options.argv, 'options.argv');
      argv = options.argv.map(String);
    }
    const execArgv = validateExecArgv(options.execArgv, options.env);
    const env = copyEnv(options.env);
    const startup = {
      entry,
      doEval: !!options.eval,
      workerData: options.workerData,
      env,
      argv,
      execArgv,
      environmentData,
      name: typeof options.name === 'string' ? options.name : '',
      stdin: !!options.stdin,
    };
    let handle;
    try {
      handle = new WorkerHandle(startup, options.transferList ?? [], execArgv,
                                limitsArray(options.resourceLimits), process.argv0);
    } catch (err) {
      if (err?.code === 'ERR_DATA_CLONE') throw new DOMException(err.message, 'DataCloneError');
      throw err;
    }
    this[kHandle] = handle;
    const hooks = require('internal/async_hooks');
    hooks.emitInit(hooks.newAsyncId(), 'WORKER', hooks.getDefaultTriggerAsyncId(), handle);
    this[kExited] = false;
    this.threadId = handle.threadId;
    this[kPublicPort] = handle.messagePort;
    this[kInternalPort] = handle.internalPort;
    addInternalListener(handle.messagePort, 'message',
      (message) => this.emit('message', message));
    addInternalListener(handle.messagePort, 'messageerror',
      (error) => this.emit('messageerror', error));
    handle.messagePort.start();
    addInternalListener(handle.internalPort, 'message',
      (message) => this[kOnInternal](message));
    handle.internalPort.start();
    this[kSetupStdio](options);
    handle.onexit = (code, errorCode) => this[kOnExit](code, errorCode);
    handle.startThread();
  }

  // worker.stdout/stderr carry what the worker writes to its process.stdout/stderr
  // (piped to ours unless the options ask for the streams); worker.stdin feeds its stdin.
  [kSetupStdio](options) {
    const { Readable, Writable } = require('stream');
    const internalPort = this[kInternalPort];
    this[kStdout] = new Readable({ read() {} });
    this[kStderr] = new Readable({ read() {} });
    if (!options.stdout) pipeWithoutWarning(this[kStdout], process.stdout);
    if (!options.stderr) pipeWithoutWarning(this[kStderr], process.stderr);
    this[kStdin] = null;
    if (options.stdin) {
      const post = (chunk, encoding) => {
        if (this[kExited]) return;
        internalPort.postMessage({ type: 'stdio', stream: 'stdin', chunk, encoding });
      };
      this[kStdin] = new Writable({
        decodeStrings: false,
        write(chunk, encoding, callback) {
          post(chunk, encoding);
          callback();
        },
        final(callback) {
          post(null);
          callback();
        },
      });
    }
  }

  [kOnInternal](message) {
    if (message?.type === 'stdio') {
      const stream = message.stream === 'stderr' ? this[kStderr] : this[kStdout];
      const { chunk, encoding } = message;
      const { Buffer } = require('buffer');
      stream.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) :
        Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    } else if (message?.type === 'up') {
      this.emit('online');
    } else if (message?.type === 'error') {
      const { extra, fields } = message;
      let { error } = message;
      if (fields !== undefined) {
        // The worker could not clone its error: rebuild one from the readable parts.
        error = new Error(fields.message);
        error.name = fields.name;
        error.stack = fields.stack;
      }
      if (error !== null && typeof error === 'object' && extra) Object.assign(error, extra);
      this.emit('error', error);
    }
  }

  [kOnExit](code, errorCode) {
    // Messages posted before the thread ended are delivered before 'exit'.
    drainMessagePort(this[kInternalPort]);
    drainMessagePort(this[kPublicPort]);
    this[kExited] = true;
    this[kStdout].push(null);
    this[kStderr].push(null);
    this.threadId = -1;
    if (errorCode === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.emit('error', new ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
    }
    this[kPublicPort].close();
    this[kInternalPort].close();
    this.emit('exit', code);
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }

  postMessage(...args) {
    if (this[kExited]) return;
    this[kPublicPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.', 'DeprecationWarning', 'DEP0132');
      if (this[kExited]) {
        process.nextTick(callback, null, undefined);
      } else {
        this.once('exit', (code) => callback(null, code));
      }
    }
    if (this[kExited]) return Promise.resolve();
    const exited = new Promise((resolve) => this.once('exit', resolve));
    this[kHandle].stopThread();
    return exited;
  }

  ref() {
    if (this[kExited]) return;
    this[kHandle].ref();
    this[kPublicPort].ref();
  }

  unref() {
    if (this[kExited]) return;
    this[kHandle].unref();
    this[kPublicPort].unref();
  }

  get resourceLimits() {
    if (this[kExited]) return {};
    return limitsObject(this[kHandle].getResourceLimits());
  }

  get stdin() { return this[kStdin]; }
  get stdout() { return this[kStdout]; }
  get stderr() { return this[kStderr]; }

  get performance() {
    return { eventLoopUtilization() { return { idle: 0, active: 0, utilization: 0 }; } };
  }

  getHeapSnapshot() {
    return Promise.reject(new ERR_METHOD_NOT_IMPLEMENTED('getHeapSnapshot()'));
  }
}

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

module.exports = {
  SHARE_ENV,
  Worker,
  environmentData,
  getEnvironmentData,
  limitsObject,
  setEnvironmentData,
  threadState,
};
