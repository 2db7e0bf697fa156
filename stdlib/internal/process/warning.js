'use strict';
// process.emitWarning and the default 'warning' listener, which prints
// "(node:PID) [CODE] Name: message" to stderr.

const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');

let traceHintShown = false;

// --redirect-warnings=file (or NODE_REDIRECT_WARNINGS): where warnings go instead of stderr.
function redirectTarget() {
  const argv = process.execArgv;
  for (let i = argv.length - 1; i >= 0; i--) {
    if (argv[i].startsWith('--redirect-warnings=')) return argv[i].slice(20);
    if (argv[i] === '--redirect-warnings' && i + 1 < argv.length) return argv[i + 1];
  }
  return process.env.NODE_REDIRECT_WARNINGS || undefined;
}

function writeWarning(warning) {
  // Only Errors are printed: process.emit('warning', 'text') shows nothing.
  if (!(warning instanceof Error)) return;
  if (process.execArgv.includes('--no-warnings')) return;
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
  const code = warning.code ? `[${warning.code}] ` : '';
  let text = `(node:${process.pid}) ${code}${warning.name}: ${warning.message}\n`;
  if (process.execArgv.includes('--trace-warnings')) {
    text = `(node:${process.pid}) ${code}${warning.stack}\n`;
  } else if (!traceHintShown) {
    traceHintShown = true;
    text += '(Use `node --trace-warnings ...` to show where the warning was created)\n';
  }
  if (warning.detail) text += `${warning.detail}\n`;
  const file = redirectTarget();
  if (file !== undefined) {
    // Appended synchronously, so a warning emitted just before exit is not lost.
    try {
      require('fs').appendFileSync(file, text);
      return;
    } catch {
      // Unwritable target: fall back to stderr, as Node does.
    }
  }
  process.stderr.write(text);
}


function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    const limit = Error.stackTraceLimit;
    const error = new Error(warning);
    error.name = String(type || 'Warning');
    if (code !== undefined) error.code = code;
    if (detail !== undefined) error.detail = detail;
    Error.captureStackTrace(error, ctor || process.emitWarning);
    Error.stackTraceLimit = limit;
    warning = error;
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Thrown on the next tick (as an uncaught exception), after earlier warnings print.
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => process.emit('warning', warning));
}

module.exports = { emitWarning, onWarning: writeWarning };
