'use strict';
// The TAP version 13 reporter (node:test's default when stdout is not a terminal), with
// YAML blocks for each test's details as Node 20 prints them.

const { inspect } = require('internal/util/inspect');
const { formatLocation } = require('internal/test_runner/utils');

const kIndent = '    ';

function escapeTap(text) {
  return `${text}`
    .replace(/\\/g, '\\\\')
    .replace(/#/g, '\\#')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\f/g, '\\f')
    .replace(/\v/g, '\\v')
    .replace(/\x08/g, '\\b');
}

function isErrorLike(value) {
  return value instanceof Error ||
    (value !== null && typeof value === 'object' &&
     Object.prototype.toString.call(value) === '[object Error]');
}

// The call sites of an error's stack, without the header and the "at " prefixes.
function stackFrames(error) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    return [];
  }
  if (typeof stack !== 'string') return [];
  const lines = stack.split('\n');
  const frames = [];
  for (const line of lines) {
    const match = /^\s+at (.*)$/.exec(line);
    if (match) frames.push(match[1]);
  }
  return frames;
}

function yamlScalar(value) {
  if (typeof value === 'string') return `'${value.replace(/'/g, '\'\'')}'`;
  if (typeof value === 'symbol' || typeof value === 'function') {
    return `'${String(value.name ?? value).replace(/'/g, '\'\'')}'`;
  }
  if (typeof value === 'bigint') return `${value}n`;
  return `${value}`;
}

// One `key: value` entry; strings with newlines become `|-` blocks, objects nest.
function yamlEntry(indent, key, value, seen = new Set()) {
  if (typeof value === 'string' && value.includes('\n')) {
    const body = value.split('\n').map((line) => `${indent}  ${line}`).join('\n');
    return `${indent}${key}: |-\n${body}\n`;
  }
  if (value === null || typeof value !== 'object') {
    return `${indent}${key}: ${yamlScalar(value)}\n`;
  }
  if (seen.has(value)) return `${indent}${key}: '<circular>'\n`;
  if (isErrorLike(value)) return yamlError(indent, key, value);
  seen.add(value);
  let out = `${indent}${key}:\n`;
  const keys = Object.keys(value);
  if (keys.length === 0) out = `${indent}${key}: ${Array.isArray(value) ? '[]' : '{}'}\n`;
  for (const k of keys) out += yamlEntry(`${indent}  `, k, value[k], new Set(seen));
  return out;
}

function yamlError(indent, key, error) {
  let out = '';
  const cause = error.code === 'ERR_TEST_FAILURE' && 'cause' in error ? error.cause : error;
  const top = error;
  if (top.failureType !== undefined) out += yamlEntry(indent, 'failureType', top.failureType);
  const causeIsError = isErrorLike(cause);
  let message;
  if (causeIsError) message = cause.message;
  else if (cause === error) message = error.message;
  else if (typeof cause === 'symbol') message = cause.toString();
  else if (typeof cause === 'string') message = cause;
  else message = inspect(cause);
  out += yamlEntry(indent, key, message);
  const code = (causeIsError ? cause.code : undefined) ?? top.code;
  if (code !== undefined) out += yamlEntry(indent, 'code', code);
  if (causeIsError) {
    const name = cause.name;
    if (name !== undefined && name !== 'Error') out += yamlEntry(indent, 'name', name);
    if (cause.code === 'ERR_ASSERTION' || name === 'AssertionError') {
      out += yamlEntry(indent, 'expected', cause.expected);
      out += yamlEntry(indent, 'actual', cause.actual);
      if (cause.operator) out += yamlEntry(indent, 'operator', cause.operator);
    }
  }
  // Internal failures (subtests failed, cancelled) carry no useful stack.
  const hideStack = cause === error || typeof cause === 'string';
  const frames = causeIsError && !hideStack ? stackFrames(cause) : [];
  if (frames.length > 0) out += `${indent}stack: |-\n${frames.map((f) => `${indent}  ${f}`).join('\n')}\n`;
  return out;
}

function yamlBlock(indent, data) {
  const { details = {} } = data;
  let out = `${indent}  ---\n`;
  const inner = `${indent}  `;
  out += `${inner}duration_ms: ${details.duration_ms}\n`;
  if (details.type !== undefined) out += `${inner}type: '${details.type}'\n`;
  if (details.error !== undefined) {
    const location = data.file !== undefined ? formatLocation(data) : undefined;
    if (location !== undefined) out += yamlEntry(inner, 'location', location);
    out += yamlError(inner, 'error', details.error);
  }
  out += `${indent}  ...\n`;
  return out;
}

class TapReporter {
  constructor(write) {
    this.write = write;
    this.write('TAP version 13\n');
  }

  event(type, data) {
    const indent = kIndent.repeat(Math.max(data.nesting, 0));
    switch (type) {
      case 'test:start':
        this.write(`${indent}# Subtest: ${escapeTap(data.name)}\n`);
        break;
      case 'test:pass':
      case 'test:fail': {
        let line = `${indent}${type === 'test:pass' ? 'ok' : 'not ok'} ${data.testNumber} - ` +
          escapeTap(data.name);
        if (data.skip !== undefined) {
          line += ` # SKIP${typeof data.skip === 'string' ? ` ${escapeTap(data.skip)}` : ''}`;
        } else if (data.todo !== undefined) {
          line += ` # TODO${typeof data.todo === 'string' ? ` ${escapeTap(data.todo)}` : ''}`;
        }
        this.write(`${line}\n${yamlBlock(indent, data)}`);
        break;
      }
      case 'test:plan':
        this.write(`${indent}1..${data.count}\n`);
        break;
      case 'test:diagnostic':
        this.write(`${indent}# ${escapeTap(data.message).replace(/\\#/g, '#')}\n`);
        break;
      default:
        break;
    }
  }
}

module.exports = { TapReporter, stackFrames, isErrorLike };
