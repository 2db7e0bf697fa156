'use strict';
// assert.AssertionError and the messages Node prints for failed comparisons
// (nodejs.org/api/assert.html#class-assertassertionerror).

const { inspect } = require('internal/util/inspect');
const { codes } = require('internal/errors');

const kHeaders = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Short enough pairs print as `a !== b` on one line.
const kMaxShortLength = 12;

function inspectValue(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

const isObj = (v) => typeof v === 'object' && v !== null;

// Caps a listing at 47 lines, as Node does for long single-value messages.
function capLines(lines) {
  if (lines.length > 50) {
    lines[46] = '...';
    lines.length = 47;
  }
  return lines;
}

// Prints up to the last `identical` equal lines (at most three, with '...' for more)
// before a diverging line at index i.
function contextBefore(lines, i, identical) {
  let out = '';
  if (identical > 2) {
    if (identical > 3) {
      if (identical > 4) out += identical === 5 ? `\n  ${lines[i - 3]}` : '\n...';
      out += `\n  ${lines[i - 2]}`;
    }
    out += `\n  ${lines[i - 1]}`;
  }
  return out;
}

function contextCount(identical) {
  if (identical <= 2) return 0;
  return identical > 5 ? 2 : identical - 2;
}

// A line-by-line "+ actual - expected" comparison of the two inspected values.
function createErrDiff(actual, expected, operator) {
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  let indicator = '';
  if (operator === 'strictEqual' &&
      ((isObj(actual) && isObj(expected)) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }

  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const a = actualLines[0];
    const e = expectedLines[0];
    const inputLength = a.length + e.length;
    if (inputLength <= kMaxShortLength) {
      if (!isObj(actual) && !isObj(expected) && (actual !== 0 || expected !== 0)) {
        return `${kHeaders[operator]}\n\n${a} !== ${e}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      const stderr = process.stderr;
      const maxLength = stderr && stderr.isTTY ? stderr.columns : 80;
      if (inputLength < maxLength) {
        let pos = 0;
        while (a[pos] === e[pos]) pos++;
        if (pos > 2) indicator = `\n  ${' '.repeat(pos)}^`;
      }
    }
  }

  // Equal lines at the end are dropped; the last three (and the first of them) are kept.
  let end = '';
  let firstOfEnd = '';
  let trimmed = 0;
  let skipped = false;
  while (actualLines.length !== 0 && expectedLines.length !== 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (trimmed++ < 3) end = `\n  ${line}${end}`;
    else firstOfEnd = line;
  }
  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    const lines = capLines(actualInspected.split('\n'));
    return `${kHeaders.notIdentical}\n\n${lines.join('\n')}\n`;
  }
  if (trimmed >= 5) {
    end = `\n...${end}`;
    skipped = true;
  }
  if (firstOfEnd !== '') end = `\n  ${firstOfEnd}${end}`;

  let res = '';
  let pendingMinus = '';
  let printed = 0;
  let identical = 0;
  const header = `${kHeaders[operator]}\n+ actual - expected`;
  const skippedNote = ' ... Lines skipped';
  const longer = actualLines.length >= maxLines ? actualLines : expectedLines;
  const shorterLength = longer === actualLines ? expectedLines.length : actualLines.length;

  for (let i = 0; i < maxLines; i++) {
    if (i >= shorterLength) {
      const ctx = contextBefore(longer, i, identical);
      if (ctx.includes('\n...')) skipped = true;
      res += ctx;
      printed += contextCount(identical);
      identical = 0;
      if (longer === actualLines) res += `\n+ ${longer[i]}`;
      else pendingMinus += `\n- ${longer[i]}`;
      printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      let diverging = actualLine !== expectedLine &&
        (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
      if (diverging && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        const ctx = contextBefore(actualLines, i, identical);
        if (ctx.includes('\n...')) skipped = true;
        res += ctx;
        printed += contextCount(identical);
        identical = 0;
        // Diverging runs print as +++--- rather than +-+-.
        res += `\n+ ${actualLine}`;
        pendingMinus += `\n- ${expectedLine}`;
        printed += 2;
      } else {
        res += pendingMinus;
        pendingMinus = '';
        identical++;
        if (identical <= 2) {
          res += `\n  ${actualLine}`;
          printed++;
        }
      }
    }
    if (printed > 50 && i < maxLines - 2) {
      return `${header}${skippedNote}\n${res}\n...${pendingMinus}\n...`;
    }
  }
  return `${header}${skipped ? skippedNote : ''}\n${res}${pendingMinus}${end}${indicator}`;
}

function generateMessage(actual, expected, operator) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let header = kHeaders[operator];
    const lines = capLines(inspectValue(actual).split('\n'));
    if (operator === 'notStrictEqual' && (isObj(actual) || typeof actual === 'function')) {
      header = kHeaders.notStrictEqualObject;
    }
    if (lines.length === 1) return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    return `${header}\n\n${lines.join('\n')}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const header = kHeaders[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${header}\n\n${res}`;
    return res.length > 1024 ? `${res.slice(0, 1021)}...` : res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${header}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else if (kHeaders[`${operator}Unequal`]) {
    res = `${kHeaders[`${operator}Unequal`]}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
  } else {
    other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

class AssertionError extends Error {
  constructor(options) {
    if (!isObj(options)) throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    const { message, operator, stackStartFn, actual, expected } = options;
    const limit = Error.stackTraceLimit;
    if (message != null) {
      super(String(message));
    } else {
      super(generateMessage(actual, expected, operator));
    }
    Error.stackTraceLimit = limit;
    this.generatedMessage = !message;
    // A null-prototype descriptor: user code may have set Object.prototype.get.
    Object.defineProperty(this, 'name', {
      __proto__: null,
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || AssertionError);
    }
    // Materialise the stack while the name still carries the code.
    this.stack; // eslint-disable-line no-unused-expressions
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

module.exports = { AssertionError, inspectValue };
