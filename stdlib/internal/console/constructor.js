'use strict';
// The Console class (nodejs.org/api/console.html). A Console writes formatted lines to
// two streams; each stream only needs a `write(string)` method.

const { inspect, formatWithOptions, types } = require('internal/util/inspect');
const { codes } = require('internal/errors');
const { ERR_CONSOLE_WRITABLE_STREAM, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

const kStdout = Symbol('kStdout');
const kStderr = Symbol('kStderr');
const kIgnoreErrors = Symbol('kIgnoreErrors');
const kColorMode = Symbol('kColorMode');
const kInspectOptions = Symbol('kInspectOptions');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentationWidth');
const kCounts = Symbol('kCounts');
const kTimers = Symbol('kTimers');
const kIsConsole = Symbol('kIsConsole');

function now() {
  if (typeof performance !== 'undefined' && performance && typeof performance.now === 'function') {
    return performance.now();
  }
  return Date.now();
}

function warn(message) {
  if (typeof process.emitWarning === 'function') process.emitWarning(message);
}

function checkStream(stream, name) {
  if (!stream || typeof stream.write !== 'function') throw new ERR_CONSOLE_WRITABLE_STREAM(name);
}

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const {
    stdout,
    stderr: errStream = stdout,
    ignoreErrors: ignore = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation = 2,
  } = options;
  checkStream(stdout, 'stdout');
  checkStream(errStream, 'stderr');
  if (colorMode !== 'auto' && colorMode !== true && colorMode !== false) {
    throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode);
  }
  if (inspectOptions !== undefined) {
    if (inspectOptions === null || typeof inspectOptions !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options.inspectOptions', 'object', inspectOptions);
    }
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('options.inspectOptions.color', inspectOptions,
        'cannot be used in combination with colorMode');
    }
  }
  require('internal/validators').validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  initConsole(this, () => stdout, () => errStream, {
    ignoreErrors: !!ignore, colorMode, inspectOptions, groupIndentation,
  });
}

// console._stdout / _stderr: the stream in use; assigning one replaces it.
function streamProperty(key, get) {
  return {
    get,
    set(stream) { this[key] = () => stream; },
    configurable: true,
    enumerable: false,
  };
}

// Sets up the per-instance state and binds every method, so `const { log } = console`
// works. The streams are functions, looked up at each write.
function initConsole(instance, getStdout, getStderr, opts) {
  Object.defineProperties(instance, {
    [kStdout]: { value: getStdout, writable: true, configurable: true },
    [kStderr]: { value: getStderr, writable: true, configurable: true },
    [kIgnoreErrors]: { value: opts.ignoreErrors, writable: true, configurable: true },
    [kColorMode]: { value: opts.colorMode, writable: true, configurable: true },
    [kInspectOptions]: { value: opts.inspectOptions, writable: true, configurable: true },
    [kGroupIndent]: { value: '', writable: true, configurable: true },
    [kGroupIndentationWidth]: { value: opts.groupIndentation, writable: true, configurable: true },
    [kCounts]: { value: new Map(), writable: true, configurable: true },
    [kTimers]: { value: new Map(), writable: true, configurable: true },
    [kIsConsole]: { value: true, configurable: true },
    _times: { get() { return this[kTimers]; }, configurable: true, enumerable: false },
    _stdout: streamProperty(kStdout, getStdout),
    _stderr: streamProperty(kStderr, getStderr),
  });
  // Bound through the prototype chain, so a subclass's override is what gets bound.
  for (const key of Object.keys(consoleMethods)) {
    const method = typeof instance[key] === 'function' ? instance[key] : consoleMethods[key];
    const fn = method.bind(instance);
    Object.defineProperty(fn, 'name', { value: key });
    instance[key] = fn;
  }
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value: (instance) => instance != null && instance[kIsConsole] === true,
});

function inspectOptionsFor(console, stream) {
  const base = console[kInspectOptions];
  let colors = console[kColorMode];
  if (colors === 'auto') {
    colors = !!(stream && stream.isTTY) &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  }
  if (base) return base.colors === undefined ? { ...base, colors } : base;
  return colors ? { colors: true } : {};
}

function writeTo(console, stream, string) {
  const indent = console[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  if (!console[kIgnoreErrors]) {
    stream.write(string);
    return;
  }
  try {
    // An asynchronous write error would reach 'error' with nobody listening: as Node,
    // add a one-time no-op listener when the write reports one.
    stream.write(string, (err) => {
      if (err && stream._writableState && !stream._writableState.errorEmitted &&
          stream.listenerCount('error') === 0) {
        stream.once('error', () => {});
      }
    });
  } catch (e) {
    // Errors from the stream are dropped when ignoreErrors is set (the default); a
    // stack overflow is not.
    if (e instanceof RangeError && /call stack/i.test(String(e.message))) throw e;
  }
}

function toStdout(console, args) {
  const stream = console[kStdout]();
  writeTo(console, stream, formatWithOptions(inspectOptionsFor(console, stream), ...args));
}

function toStderr(console, args) {
  const stream = console[kStderr]();
  writeTo(console, stream, formatWithOptions(inspectOptionsFor(console, stream), ...args));
}

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// 1.234ms, 1.234s, 1:02.345 (m:ss.mmm), 1:02:03.456 (h:mm:ss.mmm)
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [secs, millis] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(secs)}.${millis} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(console, name, label, data) {
  const start = console[kTimers].get(label);
  if (start === undefined) {
    warn(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(now() - start);
  if (data === undefined) console.log('%s: %s', label, formatted);
  else console.log('%s: %s', label, formatted, ...data);
  return true;
}

const consoleMethods = {
  log(...args) {
    toStdout(this, args);
  },
  warn(...args) {
    toStderr(this, args);
  },
  dir(object, options) {
    const stream = this[kStdout]();
    writeTo(this, stream, inspect(object, {
      customInspect: false, ...inspectOptionsFor(this, stream), ...options,
    }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this[kTimers].has(label)) {
      warn(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, now());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this[kTimers].delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  trace(...args) {
    const err = { name: 'Trace', message: formatWithOptions(inspectOptionsFor(this, this[kStderr]()), ...args) };
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, this.trace);
    this.error(err.stack === undefined ? `Trace: ${err.message}` : err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },
  clear() {
    // Only a terminal is cleared: cursor to 1;1, then erase below.
    const stream = this[kStdout]();
    if (stream && stream.isTTY && process.env.TERM !== 'dumb') stream.write('\x1b[1;1H\x1b[0J');
  },
  count(label = 'default') {
    label = `${label}`;
    const count = (this[kCounts].get(label) || 0) + 1;
    this[kCounts].set(label, count);
    this.log(`${label}: ${count}`);
  },
  countReset(label = 'default') {
    label = `${label}`;
    if (!this[kCounts].has(label)) {
      warn(`Count for '${label}' does not exist`);
      return;
    }
    this[kCounts].delete(label);
  },
  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0,
      this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw new ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const opts = inspectOptionsFor(this, this[kStdout]());
    return this.log(renderTable(tabularData, properties, opts));
  },
};
consoleMethods.info = consoleMethods.log;
consoleMethods.debug = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

// The methods are also on the prototype, for code that calls Console.prototype.log.
for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key], writable: true, configurable: true, enumerable: false,
  });
}

// --- console.table -----------------------------------------------------------------------

// Terminal columns: full-width characters take two, combining marks none.
const widthOf = (str) => require('internal/readline/terminal').getStringWidth(
  require('internal/util/inspect').stripVTControlCharacters(str));

function renderRow(row, widths) {
  let out = '│ ';
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    // Cells are left-aligned, as in Node 20.20.
    out += cell + ' '.repeat(widths[i] - widthOf(cell));
    if (i !== row.length - 1) out += ' │ ';
  }
  return `${out} │`;
}

function drawTable(head, columns) {
  const rows = [];
  const widths = head.map(widthOf);
  const longest = Math.max(0, ...columns.map((c) => c.length));
  for (let i = 0; i < head.length; i++) {
    for (let j = 0; j < longest; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '';
      widths[i] = Math.max(widths[i] || 0, widthOf(value));
    }
  }
  const divider = widths.map((w) => '─'.repeat(w + 2));
  let result = `┌${divider.join('┬')}┐\n${renderRow(head, widths)}\n├${divider.join('┼')}┤\n`;
  for (const row of rows) result += `${renderRow(row, widths)}\n`;
  return `${result}└${divider.join('┴')}┘`;
}

function renderTable(data, properties, inspectOptions) {
  const show = (v) => {
    const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
      Object.keys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...inspectOptions });
  };
  const indices = (n) => Array.from({ length: n }, (_, i) => show(i));
  if (types.isMapIterator(data) || types.isSetIterator(data)) {
    const [entries, isKeyValue] = internalBinding('util').previewEntries(data, true);
    if (isKeyValue) {
      const keys = [];
      const values = [];
      for (let i = 0; i < entries.length; i += 2) {
        keys.push(show(entries[i]));
        values.push(show(entries[i + 1]));
      }
      return drawTable(['(iteration index)', 'Key', 'Values'], [indices(keys.length), keys, values]);
    }
    return drawTable(['(iteration index)', 'Values'], [indices(entries.length), entries.map(show)]);
  }
  if (types.isMap(data)) {
    const keys = [];
    const values = [];
    for (const [k, v] of data) {
      keys.push(show(k));
      values.push(show(v));
    }
    return drawTable(['(iteration index)', 'Key', 'Values'], [indices(keys.length), keys, values]);
  }
  if (types.isSet(data)) {
    const values = [];
    for (const v of data) values.push(show(v));
    return drawTable(['(iteration index)', 'Values'], [indices(values.length), values]);
  }
  const map = Object.create(null);
  let hasPrimitives = false;
  const primitiveValues = [];
  const indexKeys = Object.keys(data);
  for (let i = 0; i < indexKeys.length; i++) {
    const item = data[indexKeys[i]];
    const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
    if (properties === undefined && primitive) {
      hasPrimitives = true;
      primitiveValues[i] = show(item);
    } else {
      for (const key of properties || Object.keys(item)) {
        if (map[key] === undefined) map[key] = [];
        if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
          map[key][i] = '';
        } else {
          map[key][i] = show(item[key]);
        }
      }
    }
  }
  const head = Object.keys(map);
  const columns = Object.values(map);
  if (hasPrimitives) {
    head.push('Values');
    columns.push(primitiveValues);
  }
  head.unshift('(index)');
  columns.unshift(indexKeys);
  return drawTable(head, columns);
}

module.exports = {
  Console,
  initConsole,
  renderTable,
  formatTime,
};
