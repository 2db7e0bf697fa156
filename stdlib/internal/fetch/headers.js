'use strict';
// Headers (fetch.spec.whatwg.org §5.2): a header list with a guard; iteration is sorted by
// lower-cased name with values combined by ", " except set-cookie, which stays separate.

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS } =
  require('internal/errors').codes;
const { customInspect } = require('internal/webstreams/util');

const kList = Symbol('kList'); // Map lower-name -> { name, values: [] }
const kGuard = Symbol('kGuard');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function normalizeValue(value) {
  return `${value}`.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

function validate(name, value) {
  if (!tokenRe.test(name)) throw new ERR_INVALID_ARG_VALUE.TypeError('name', name, 'is an invalid header name');
  if (/[\0\r\n]/.test(value)) {
    throw new ERR_INVALID_ARG_VALUE.TypeError('value', value, 'is an invalid header value');
  }
}

function check(self) {
  if (self === null || typeof self !== 'object' || self[kList] === undefined) {
    throw new ERR_INVALID_THIS('Headers');
  }
  return self;
}

function guardAllows(headers, name) {
  const guard = headers[kGuard];
  if (guard === 'immutable') throw new TypeError('Headers are immutable');
  return true;
}

function appendHeader(headers, name, value) {
  value = normalizeValue(value);
  name = `${name}`;
  validate(name, value);
  const lower = name.toLowerCase();
  if (!guardAllows(headers, lower)) return;
  const entry = headers[kList].get(lower);
  if (entry) entry.values.push(value);
  else headers[kList].set(lower, { name, values: [value] });
}

function fill(headers, init) {
  if (init === null || typeof init !== 'object' && typeof init !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  }
  if (init instanceof Headers) {
    for (const [lower, entry] of init[kList]) {
      headers[kList].set(lower, { name: entry.name, values: [...entry.values] });
    }
    return;
  }
  if (typeof init[Symbol.iterator] === 'function') {
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
        throw new ERR_INVALID_ARG_TYPE('init', 'sequence<sequence<ByteString>>', pair);
      }
      const items = [...pair];
      if (items.length !== 2) throw new TypeError('Header pair must contain exactly two items');
      appendHeader(headers, items[0], items[1]);
    }
    return;
  }
  for (const key of Reflect.ownKeys(init)) {
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc === undefined || !desc.enumerable) continue;
    if (typeof key === 'symbol') throw new TypeError('Header name must be a string');
    appendHeader(headers, key, init[key]);
  }
}

class Headers {
  constructor(init = undefined) {
    Object.defineProperty(this, kList, { value: new Map() });
    Object.defineProperty(this, kGuard, { value: 'none', writable: true });
    if (init !== undefined) fill(this, init);
  }

  append(name, value) {
    check(this);
    if (arguments.length < 2) throw new TypeError('append requires 2 arguments');
    appendHeader(this, name, value);
  }

  delete(name) {
    check(this);
    name = `${name}`;
    validate(name, '');
    const lower = name.toLowerCase();
    if (!guardAllows(this, lower)) return;
    this[kList].delete(lower);
  }

  get(name) {
    check(this);
    name = `${name}`;
    validate(name, '');
    const entry = this[kList].get(name.toLowerCase());
    return entry === undefined ? null : entry.values.join(', ');
  }

  getSetCookie() {
    check(this);
    const entry = this[kList].get('set-cookie');
    return entry === undefined ? [] : [...entry.values];
  }

  has(name) {
    check(this);
    name = `${name}`;
    validate(name, '');
    return this[kList].has(name.toLowerCase());
  }

  set(name, value) {
    check(this);
    if (arguments.length < 2) throw new TypeError('set requires 2 arguments');
    value = normalizeValue(value);
    name = `${name}`;
    validate(name, value);
    const lower = name.toLowerCase();
    if (!guardAllows(this, lower)) return;
    const entry = this[kList].get(lower);
    if (entry) entry.values = [value];
    else this[kList].set(lower, { name, values: [value] });
  }

  forEach(callback, thisArg = undefined) {
    check(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    for (const [name, value] of sortedPairs(this)) {
      Reflect.apply(callback, thisArg, [value, name, this]);
    }
  }

  * keys() { for (const [name] of sortedPairs(check(this))) yield name; }
  * values() { for (const [, value] of sortedPairs(check(this))) yield value; }
  * entries() { yield* sortedPairs(check(this)); }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const fields = {};
    for (const [name, value] of sortedPairs(this)) fields[name] = value;
    return customInspect(this, fields, depth, options);
  }
}
Headers.prototype[Symbol.iterator] = Headers.prototype.entries;
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });
for (const name of ['append', 'delete', 'get', 'getSetCookie', 'has', 'set', 'forEach', 'keys',
  'values', 'entries']) {
  const desc = Object.getOwnPropertyDescriptor(Headers.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Headers.prototype, name, desc);
}

function sortedPairs(headers) {
  const names = [...headers[kList].keys()].sort();
  const out = [];
  for (const name of names) {
    const values = headers[kList].get(name).values;
    if (name === 'set-cookie') for (const v of values) out.push([name, v]);
    else out.push([name, values.join(', ')]);
  }
  return out;
}

function setGuard(headers, guard) {
  headers[kGuard] = guard;
  return headers;
}

// Raw pairs in insertion order, original case: what the HTTP client sends.
function headerPairs(headers) {
  const out = [];
  for (const entry of headers[kList].values()) {
    for (const v of entry.values) out.push([entry.name, v]);
  }
  return out;
}

module.exports = { Headers, setGuard, headerPairs, appendHeader, fill };
