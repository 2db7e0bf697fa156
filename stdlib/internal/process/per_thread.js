'use strict';
// The process methods backed by the process_methods binding: cwd, chdir, umask, hrtime,
// uptime, memoryUsage, cpuUsage, exit and exitCode.

const binding = internalBinding('process_methods');
const {
  uvException, codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  validateString, validateInteger, validateObject, parseFileMode,
} = require('internal/validators');

const hrtimeFields = new Uint32Array(3);
const memoryFields = new Float64Array(5);
const cpuFields = new Float64Array(2);

function cwd() {
  const ctx = {};
  const path = binding.cwd(ctx);
  if (ctx.code !== undefined) throw uvException(ctx);
  return path;
}

function chdir(directory) {
  validateString(directory, 'directory');
  const ctx = {};
  binding.chdir(directory, ctx);
  if (ctx.code !== undefined) {
    // Node names both directories in chdir's message.
    const error = uvException({ ...ctx, path: process.cwd(), dest: directory });
    throw error;
  }
}

function umask(mask) {
  if (mask === undefined) return binding.umask();
  // As umask(2): any file mode (number or octal string) is accepted; bits beyond the
  // permission bits are ignored.
  mask = parseFileMode(mask, 'mask');
  return binding.umask(mask & 0o777);
}

function hrtime(previous) {
  binding.hrtime(hrtimeFields);
  const seconds = hrtimeFields[0] * 0x100000000 + hrtimeFields[1];
  const nanos = hrtimeFields[2];
  if (previous === undefined) return [seconds, nanos];
  if (!Array.isArray(previous)) throw new ERR_INVALID_ARG_TYPE('time', 'Array', previous);
  if (previous.length !== 2) throw new ERR_OUT_OF_RANGE('time', 2, previous.length);
  let s = seconds - previous[0];
  let n = nanos - previous[1];
  if (n < 0) {
    s -= 1;
    n += 1e9;
  }
  return [s, n];
}
hrtime.bigint = binding.hrtimeBigInt;

function memoryUsage() {
  binding.memoryUsage(memoryFields);
  return {
    rss: memoryFields[0],
    heapTotal: memoryFields[1],
    heapUsed: memoryFields[2],
    external: memoryFields[3],
    arrayBuffers: memoryFields[4],
  };
}
memoryUsage.rss = binding.rss;

function validateCpuTime(previous, name) {
  const value = previous[name];
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(`prevValue.${name}`, 'number', value);
  }
  if (!(value >= 0 && Number.isFinite(value))) {
    throw new ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${name}`, value);
  }
}

function cpuUsage(previous) {
  if (previous !== undefined) {
    validateObject(previous, 'prevValue');
    validateCpuTime(previous, 'user');
    validateCpuTime(previous, 'system');
  }
  binding.cpuUsage(cpuFields);
  if (previous === undefined) return { user: cpuFields[0], system: cpuFields[1] };
  return { user: cpuFields[0] - previous.user, system: cpuFields[1] - previous.system };
}

let exitCode;

function validateExitCode(code) {
  if (code === undefined || code === null) return;
  // Node 20 accepts integers and integer strings.
  if (typeof code === 'string' && code !== '' && Number.isInteger(Number(code))) return;
  validateInteger(code, 'code');
}

const exitCodeProperty = {
  get() { return exitCode; },
  set(code) {
    validateExitCode(code);
    exitCode = code;
  },
  enumerable: true,
  configurable: false,
};

// The exit code as a number: process.exitCode, or 0.
function currentExitCode() {
  return exitCode === undefined || exitCode === null ? 0 : Number(exitCode) | 0;
}

function kill(pid, signal = 'SIGTERM') {
  if (pid != (pid | 0)) throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let number = signal;
  if (typeof signal !== 'number') {
    number = binding.signals[signal];
    if (number === undefined) {
      const { codes: { ERR_UNKNOWN_SIGNAL } } = require('internal/errors');
      throw new ERR_UNKNOWN_SIGNAL(signal);
    }
  }
  const err = binding.kill(pid, number);
  if (err !== 0) {
    // Node's errnoException shape: "kill ESRCH".
    const code = internalBinding('uv').errname(err);
    const error = new Error(`kill ${code}`);
    Object.assign(error, { errno: err, code, syscall: 'kill' });
    throw error;
  }
  return true;
}

function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', currentExitCode());
  }
  binding.reallyExit(currentExitCode());
  // In a worker reallyExit only requests termination; V8 acts on it at its next stack
  // check, which a call makes happen before any statement after process.exit() runs.
  nop();
}

function nop() {}

// Called by C++ when the loop runs empty ('beforeExit') and at the end ('exit').
function emitProcessEvent(name) {
  if (name === 'beforeExit') {
    process.emit('beforeExit', currentExitCode());
  } else if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', currentExitCode());
  }
  return currentExitCode();
}

// Signal events: the first listener for 'SIGxxx' starts a Signal handle (unref'd, so
// listening does not keep the process alive); the last one removed closes it.
const signalWraps = new Map();

function startListeningIfSignal(type) {
  // Own properties only: '__proto__' or 'toString' are event names, not signals.
  if (typeof type !== 'string' || !Object.hasOwn(binding.signals, type)) return;
  const signum = binding.signals[type];
  if (typeof signum !== 'number' || signalWraps.has(type)) return;
  const { Signal } = internalBinding('signal_wrap');
  const wrap = new Signal();
  wrap.unref();
  wrap.onsignal = () => process.emit(type, type, signum);
  const err = wrap.start(signum);
  if (err !== 0) {
    wrap.close();
    const code = internalBinding('uv').errname(err);
    const error = new Error(`uv_signal_start ${code}`);
    Object.assign(error, { errno: err, code, syscall: 'uv_signal_start' });
    throw error;
  }
  signalWraps.set(type, wrap);
}

function stopListeningIfSignal(type) {
  const wrap = signalWraps.get(type);
  if (wrap !== undefined && process.listenerCount(type) === 0) {
    wrap.close();
    signalWraps.delete(type);
  }
}

function setupSignalHandlers() {
  process.on('newListener', startListeningIfSignal);
  process.on('removeListener', stopListeningIfSignal);
}

function setupProcessMethods() {
  Object.assign(process, {
    cwd, chdir, umask, hrtime, memoryUsage, cpuUsage, exit, kill,
    uptime: binding.uptime,
    reallyExit: binding.reallyExit,
  });
  Object.defineProperty(process, 'exitCode', exitCodeProperty);
  binding.setEmitProcessEvent(emitProcessEvent);
}

module.exports = { setupProcessMethods, setupSignalHandlers };
