'use strict';
// Node-shaped errors: each `ERR_*` code is a class whose instances carry `code`, print as
// `Name [CODE]: message` in their stack, and use Node's message text.

const messages = new Map();
const codes = {};

function formatMessage(key, args) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return msg(...args);
  // String templates use %s placeholders, filled in order.
  let i = 0;
  return msg.replace(/%[sd]/g, () => String(args[i++]));
}

function makeNodeErrorClass(Base, key) {
  return class NodeError extends Base {
    constructor(...args) {
      super(formatMessage(key, args));
      Object.defineProperty(this, 'code', {
        value: key, enumerable: true, writable: true, configurable: true,
      });
      // Node puts the code into the name only while the stack is captured.
      const name = this.name;
      this.name = `${name} [${key}]`;
      this.stack; // eslint-disable-line no-unused-expressions
      delete this.name;
    }
    toString() {
      return `${this.name} [${this.code}]: ${this.message}`;
    }
  };
}

// Registers an error code. `message` is a %s template or a function of the arguments;
// each extra Base gets the code as a static property (e.g. codes.X.RangeError).
function E(key, message, Base, ...otherBases) {
  messages.set(key, message);
  const Cls = makeNodeErrorClass(Base, key);
  for (const Other of otherBases) Cls[Other.name] = makeNodeErrorClass(Other, key);
  codes[key] = Cls;
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;

// Describes a received value the way Node's ERR_INVALID_ARG_TYPE message does.
function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function') return ` Received function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return ` Received an instance of ${value.constructor.name}`;
    }
    const { inspect } = require('internal/util/inspect');
    return ` Received ${inspect(value, { depth: -1 })}`;
  }
  const { inspect } = require('internal/util/inspect');
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function joinWithOr(list) {
  if (list.length <= 2) return list.join(' or ');
  return `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}`;
}

function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean',
    'bigint', 'symbol'];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  // "object" is implied by an instance list, as Node prints it.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  const parts = [];
  if (types.length > 0) {
    parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${joinWithOr(types)}`);
  }
  if (instances.length > 0) {
    parts.push(`an instance of ${joinWithOr(instances)}`);
  }
  if (other.length > 0) parts.push(joinWithOr(other));
  msg += parts.join(' or ');
  return msg + '.' + describeReceived(actual);
}

function outOfRange(name, range, input) {
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    const { inspect } = require('internal/util/inspect');
    received = inspect(input);
  }
  return `The value of "${name}" is out of range. It must be ${range}. Received ${received}`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

function invalidArgValue(name, value, reason = 'is invalid') {
  const { inspect } = require('internal/util/inspect');
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  const kind = name.includes('.') ? 'property' : 'argument';
  return `The ${kind} '${name}' ${reason}. Received ${shown}`;
}

E('ERR_ASSERTION', '%s', Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
E('ERR_INVALID_ARG_TYPE', invalidArgType, TypeError);
E('ERR_INVALID_ARG_VALUE', invalidArgValue, TypeError, RangeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  const type = value && value.constructor && value.constructor.name ?
    `instance of ${value.constructor.name}` : `type ${typeof value}`;
  return `Expected ${input} to be returned from the "${name}" function but got ${type}.`;
}, TypeError, RangeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', (...args) => {
  const names = args.map((a) => (Array.isArray(a) ? a.map((x) => `"${x}"`).join(' or ') : `"${a}"`));
  let msg = 'The ';
  if (names.length === 1) msg += `${names[0]} argument`;
  else if (names.length === 2) msg += `${names[0]} and ${names[1]} arguments`;
  else msg += `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]} arguments`;
  return `${msg} must be specified`;
}, TypeError);
E('ERR_OUT_OF_RANGE', outOfRange, RangeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  const { inspect } = require('internal/util/inspect');
  return `${msg} (${inspect(err)})`;
}, Error);
E('ERR_UNHANDLED_REJECTION', 'This error originated either by throwing inside of an async ' +
  'function without a catch block, or by rejecting a promise which was not handled with ' +
  '.catch(). The promise rejected with the reason "%s".', Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_REQUIRE_ESM', 'require() of ES Module %s not supported.', Error);
E('ERR_INVALID_PACKAGE_CONFIG', 'Invalid package config %s.', Error);
E('ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value', Error);
E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
E('ERR_SYSTEM_ERROR', 'A system error occurred', Error);

// An error from a failed system call: `ctx` holds { code, errno, syscall, path?, dest? }
// as the bindings report them (message from uv_strerror), and the message reads like Node's uvException.
function uvException(ctx) {
  const { code, syscall, path, dest } = ctx;
  let message = `${code}: ${ctx.message}, ${syscall}`;
  if (path) message += ` '${path}'`;
  if (dest) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = ctx.errno;
  err.code = code;
  err.syscall = syscall;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  Error.captureStackTrace(err, uvException);
  return err;
}

module.exports = {
  codes,
  E,
  uvException,
  addNumericalSeparator,
};
