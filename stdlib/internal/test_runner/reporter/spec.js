'use strict';
// The spec reporter (node:test's default on a terminal) and the dot reporter.

const { inspect } = require('internal/util/inspect');
const { isErrorLike } = require('internal/test_runner/reporter/tap');

const kColors = { pass: '\u001b[32m', fail: '\u001b[31m', skip: '\u001b[90m',
  todo: '\u001b[33m', info: '\u001b[34m', reset: '\u001b[39m' };
const kSymbols = { pass: '\u2714 ', fail: '\u2716 ', skip: '\ufe63 ', todo: '\u2714 ',
  suite: '\u25b6 ', info: '\u2139 ' };

function indentLines(text, indent) {
  return text.split('\n').map((line) => `${indent}${line}`).join('\n');
}

function shownError(error) {
  if (error?.code === 'ERR_TEST_FAILURE' && isErrorLike(error.cause)) return error.cause;
  if (error?.code === 'ERR_TEST_FAILURE') return error.message;
  return error;
}

class SpecReporter {
  constructor(write, colors) {
    this.write = write;
    this.colors = colors;
    this.stack = [];
    this.failures = [];
  }

  color(kind, text) {
    return this.colors ? `${kColors[kind]}${text}${kColors.reset}` : text;
  }

  // Prints the headers of the parents of a test that reports at `nesting`.
  printHeaders(nesting) {
    for (const entry of this.stack) {
      if (entry.nesting < nesting && !entry.printed) {
        entry.printed = true;
        this.write(`${'  '.repeat(entry.nesting)}${kSymbols.suite}${entry.name}\n`);
      }
    }
  }

  formatTest(type, data, indent, hasChildren) {
    const { details = {} } = data;
    const error = details.error;
    let kind = type === 'test:pass' ? 'pass' : 'fail';
    if (data.skip !== undefined) kind = 'skip';
    else if (data.todo !== undefined && kind === 'pass') kind = 'todo';
    const cancelled = error?.failureType === 'cancelledByParent' && !hasChildren;
    const duration = cancelled ? '' : ` (${details.duration_ms}ms)`;
    let directive = '';
    if (data.skip !== undefined) directive = ` # ${typeof data.skip === 'string' ? data.skip : 'SKIP'}`;
    else if (data.todo !== undefined) directive = ` # ${typeof data.todo === 'string' ? data.todo : 'TODO'}`;
    const symbol = hasChildren && details.type === 'suite' ? kSymbols.suite : kSymbols[kind];
    let out = `${indent}${this.color(kind, `${symbol}${data.name}${duration}`)}${directive}\n`;
    if (error !== undefined && error.failureType !== 'subtestsFailed') {
      const shown = shownError(error);
      const text = typeof shown === 'string' ? inspect(shown) : inspect(shown);
      out += `${indentLines(text, `${indent}  `)}\n\n`;
    } else if (hasChildren && details.type === 'suite') {
      out += '\n';
    }
    return out;
  }

  event(type, data) {
    const nesting = Math.max(data.nesting, 0);
    const indent = '  '.repeat(nesting);
    switch (type) {
      case 'test:start':
        this.stack.push({ nesting, name: data.name, printed: false, hasChildren: false });
        break;
      case 'test:pass':
      case 'test:fail': {
        this.printHeaders(nesting);
        const entry = this.stack.pop();
        const hasChildren = entry !== undefined && entry.printed;
        const text = this.formatTest(type, data, indent, hasChildren);
        this.write(text);
        if (type === 'test:fail' && data.todo === undefined &&
            data.details?.error?.failureType !== 'subtestsFailed') {
          this.failures.push(this.formatTest(type, data, '', false));
        }
        break;
      }
      case 'test:diagnostic':
        this.write(`${indent}${this.color('info', `${kSymbols.info}${data.message}`)}\n`);
        break;
      default:
        break;
    }
  }

  end() {
    if (this.failures.length === 0) return;
    this.write(`\n${this.color('fail', `${kSymbols.fail}failing tests:`)}\n\n`);
    for (const text of this.failures) this.write(text);
  }
}

class DotReporter {
  constructor(write) {
    this.write = write;
    this.failures = [];
    this.column = 0;
  }

  event(type, data) {
    if (type !== 'test:pass' && type !== 'test:fail') return;
    if (data.details?.type === 'suite') return;
    this.write(type === 'test:pass' ? '.' : 'X');
    if (++this.column === 20) {
      this.write('\n');
      this.column = 0;
    }
    if (type === 'test:fail') this.failures.push(data);
  }

  end() {
    this.write('\n');
    if (this.failures.length === 0) return;
    const spec = new SpecReporter(this.write, false);
    this.write('\u2716 failing tests:\n\n');
    for (const data of this.failures) this.write(spec.formatTest('test:fail', data, '', false));
  }
}

module.exports = { SpecReporter, DotReporter };
