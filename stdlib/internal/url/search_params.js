'use strict';
// URLSearchParams and the application/x-www-form-urlencoded parser and serializer of the
// URL Standard. internal/url.js links a URL to its searchParams through linkParams /
// reparseParams, so each side sees the other's changes.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { customInspectSymbol, inspect } = require('internal/util/inspect');

const kLoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// WebIDL USVString conversion: ToString, then lone surrogates become U+FFFD.
function toUSVString(value) {
  const str = `${value}`;
  kLoneSurrogate.lastIndex = 0;
  return kLoneSurrogate.test(str) ? str.replace(kLoneSurrogate, '\ufffd') : str;
}

// Decodes UTF-8 bytes, replacing each maximal ill-formed subsequence with U+FFFD.
function decodeUtf8(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2; cp = b & 0xf;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3; cp = b & 0x7;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      if (c === undefined || c < lower || c > upper) { ok = false; break; }
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      out += '\ufffd';
      i = j;
      continue;
    }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

function isHex(code) {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

// Percent-decodes a name or value ('+' already replaced), then UTF-8 decodes.
function percentDecode(str) {
  if (!str.includes('%')) return str;
  const bytes = [];
  const encoder = (s) => unescape(encodeURIComponent(s));  // Latin-1 string of UTF-8 bytes.
  let run = '';
  for (let i = 0; i < str.length; i++) {
    if (str[i] === '%' && i + 2 < str.length && isHex(str.charCodeAt(i + 1)) &&
        isHex(str.charCodeAt(i + 2))) {
      if (run) {
        const utf8 = encoder(run);
        for (let k = 0; k < utf8.length; k++) bytes.push(utf8.charCodeAt(k));
        run = '';
      }
      bytes.push(parseInt(str.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      run += str[i];
    }
  }
  if (run) {
    const utf8 = encoder(run);
    for (let k = 0; k < utf8.length; k++) bytes.push(utf8.charCodeAt(k));
  }
  return decodeUtf8(bytes);
}

// The application/x-www-form-urlencoded parser; returns a flat [name, value, ...] list.
function parseParams(input) {
  const list = [];
  if (input === '') return list;
  for (const sequence of input.split('&')) {
    if (sequence === '') continue;
    const eq = sequence.indexOf('=');
    let name = eq === -1 ? sequence : sequence.slice(0, eq);
    let value = eq === -1 ? '' : sequence.slice(eq + 1);
    if (name.includes('+')) name = name.replace(/\+/g, ' ');
    if (value.includes('+')) value = value.replace(/\+/g, ' ');
    list.push(percentDecode(name), percentDecode(value));
  }
  return list;
}

const kFormFixups = { '%20': '+', '!': '%21', "'": '%27', '(': '%28', ')': '%29', '~': '%7E' };
const kFormFixupRe = /%20|[!'()~]/g;

// Serializes one USVString: encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) as
// they are; the form encoding keeps only * - . _ and turns space into '+'.
function serializeComponent(str) {
  return encodeURIComponent(str).replace(kFormFixupRe, (m) => kFormFixups[m]);
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += `${serializeComponent(list[i])}=${serializeComponent(list[i + 1])}`;
  }
  return out;
}

let linkParams;
let reparseParams;
let getList;

class URLSearchParams {
  #list = [];
  #onUpdate = null;  // Set when this object is a URL's searchParams.

  static {
    linkParams = (params, onUpdate) => { params.#onUpdate = onUpdate; };
    reparseParams = (params, query) => { params.#list = parseParams(query); };
    getList = (params) => {
      if (typeof params !== 'object' || params === null || !(#list in params)) {
        throw new ERR_INVALID_THIS('URLSearchParams');
      }
      return params.#list;
    };
  }

  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this.#list.push(converted[0], converted[1]);
        }
      } else {
        // A record<USVString, USVString>: own enumerable keys; a repeated key (after
        // USVString conversion) keeps its first position and takes the last value.
        const seen = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(init[key]);
          if (seen.has(name)) {
            this.#list[seen.get(name)] = value;
          } else {
            seen.set(name, this.#list.length + 1);
            this.#list.push(name, value);
          }
        }
      }
    } else {
      let str = toUSVString(init);
      if (str[0] === '?') str = str.slice(1);
      this.#list = parseParams(str);
    }
  }

  #update() {
    if (this.#onUpdate !== null) this.#onUpdate(serializeParams(this.#list));
  }

  get size() {
    return getList(this).length / 2;
  }

  append(name, value) {
    const list = getList(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    const list = getList(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const out = [];
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name || list[i + 1] !== value) out.push(list[i], list[i + 1]);
      }
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name) out.push(list[i], list[i + 1]);
      }
    }
    this.#list = out;
    this.#update();
  }

  get(name) {
    const list = getList(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    const list = getList(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    const values = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    const list = getList(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    const list = getList(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    name = toUSVString(name);
    value = toUSVString(value);
    const out = [];
    let found = false;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) {
        out.push(list[i], list[i + 1]);
      } else if (!found) {
        found = true;
        out.push(name, value);
      }
    }
    if (!found) out.push(name, value);
    this.#list = out;
    this.#update();
  }

  // Stable, by UTF-16 code units of the names (JS string comparison is exactly that).
  sort() {
    const list = getList(this);
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }

  forEach(callback, thisArg = undefined) {
    getList(this);
    validateFunction(callback, 'callback');
    // Re-read the list each turn: the callback may change it.
    for (let i = 0; i < this.#list.length; i += 2) {
      callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
    }
  }

  entries() {
    getList(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  keys() {
    getList(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  values() {
    getList(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  toString() {
    return serializeParams(getList(this));
  }

  [customInspectSymbol](depth, options) {
    const list = getList(this);
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const inner = { ...options };
    if (depth !== null) inner.depth = depth - 1;
    const parts = [];
    for (let i = 0; i < list.length; i += 2) {
      parts.push(`${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`);
    }
    return formatEntries(this.constructor.name, parts, options);
  }
}

URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;

// "Name { a, b }" on one line when it fits breakLength, else one entry per line.
function formatEntries(name, parts, options) {
  if (parts.length === 0) return `${name} {}`;
  const length = parts.reduce((n, part) => n + part.length + 2, -2);
  if (length > options.breakLength) return `${name} {\n  ${parts.join(',\n  ')} }`;
  return `${name} { ${parts.join(', ')} }`;
}

const enumerable = { enumerable: true };
Object.defineProperties(URLSearchParams.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams' },
  append: enumerable, delete: enumerable, get: enumerable, getAll: enumerable,
  has: enumerable, set: enumerable, size: enumerable, sort: enumerable,
  entries: enumerable, forEach: enumerable, keys: enumerable, values: enumerable,
  toString: enumerable,
});

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  next() {
    if (typeof this !== 'object' || this === null || !(#params in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = getList(this.#params);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const name = list[this.#index];
    const value = list[this.#index + 1];
    this.#index += 2;
    if (this.#kind === 'key') return { value: name, done: false };
    if (this.#kind === 'value') return { value, done: false };
    return { value: [name, value], done: false };
  }

  [customInspectSymbol](depth, options) {
    if (typeof this !== 'object' || this === null || !(#params in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const inner = { ...options };
    if (depth !== null) inner.depth = depth - 1;
    const list = getList(this.#params);
    const parts = [];
    for (let i = this.#index; i < list.length; i += 2) {
      if (this.#kind === 'key') parts.push(inspect(list[i], inner));
      else if (this.#kind === 'value') parts.push(inspect(list[i + 1], inner));
      else parts.push(inspect([list[i], list[i + 1]], inner));
    }
    // Node prints an exhausted iterator with two spaces between the braces.
    if (parts.length === 0) return 'URLSearchParams Iterator {  }';
    return formatEntries('URLSearchParams Iterator', parts, options);
  }
}

Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  configurable: true, value: 'URLSearchParams Iterator',
});

module.exports = {
  URLSearchParams,
  linkParams,
  reparseParams,
  parseParams,
  serializeParams,
  toUSVString,
};
