'use strict';
// The WHATWG URL class over the `url` binding. A URL keeps only its href (always ASCII)
// and the offsets of its components in it, which the binding writes into the shared
// `urlComponents` array after every parse or update; getters slice the href.

const binding = internalBinding('url');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { customInspectSymbol, inspect } = require('internal/util/inspect');
const {
  URLSearchParams,
  linkParams,
  reparseParams,
} = require('internal/url/search_params');

const { urlComponents } = binding;

// base/url's Component enum.
const kHref = 0;
const kProtocol = 1;
const kUsername = 2;
const kPassword = 3;
const kHost = 4;
const kHostname = 5;
const kPort = 6;
const kPathname = 7;
const kSearch = 8;
const kHash = 9;

// A snapshot of urlComponents (base/url's UrlOffsets, in order).
class UrlContext {
  constructor(href) {
    const c = urlComponents;
    this.href = href;
    this.protocolEnd = c[0];
    this.usernameStart = c[1];
    this.usernameEnd = c[2];
    this.passwordStart = c[3];
    this.passwordEnd = c[4];
    this.hostStart = c[5];
    this.hostEnd = c[6];
    this.portStart = c[7];
    this.portEnd = c[8];
    this.pathnameStart = c[9];
    this.searchStart = c[10];
    this.hashStart = c[11];
  }
}

// The constructor's error, shaped as Node's (thrown from C++ there, so its stack header
// has no "[ERR_INVALID_URL]").
function invalidUrl(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  Error.captureStackTrace(err, URL);
  return err;
}

const kSpecialOrigins = new Set(['ftp:', 'http:', 'https:', 'ws:', 'wss:']);

let isURLInstance;

class URL {
  #context;
  #searchParams = null;

  static {
    isURLInstance = (value) => typeof value === 'object' && value !== null && #context in value;
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const href = base === undefined ? binding.parse(input) : binding.parse(input, base);
    if (href === undefined) throw invalidUrl(input, base);
    this.#context = new UrlContext(href);
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    if (base !== undefined) return binding.canParse(url, `${base}`);
    return binding.canParse(url);
  }

  static createObjectURL(obj) {
    const { Blob } = globalThis;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
      throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    }
    const id = randomUUID();
    blobRegistry.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    if (typeof url !== 'string') return;
    const href = binding.parse(url);
    if (href === undefined || !href.startsWith('blob:nodedata:')) return;
    blobRegistry.delete(href.slice('blob:nodedata:'.length).split(/[?#]/)[0]);
  }

  // Applies a setter through the binding; false when an href value does not parse.
  #set(component, value) {
    const href = binding.update(this.#context.href, component, value);
    if (href === false) return false;
    this.#context = new UrlContext(href);
    if (this.#searchParams !== null &&
        (component === kHref || component === kSearch)) {
      reparseParams(this.#searchParams, this.#query());
    }
    return true;
  }

  #query() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.searchStart + 1, ctx.hashStart);
  }

  get href() {
    return this.#context.href;
  }

  set href(value) {
    value = `${value}`;
    if (!this.#set(kHref, value)) {
      const err = new ERR_INVALID_URL();
      err.input = value;
      throw err;
    }
  }

  get origin() {
    const protocol = this.protocol;
    if (kSpecialOrigins.has(protocol)) return `${protocol}//${this.host}`;
    if (protocol === 'blob:') {
      const path = this.pathname;
      const href = path.length > 0 ? binding.parse(path) : undefined;
      if (href !== undefined && (href.startsWith('http:') || href.startsWith('https:'))) {
        const inner = new UrlContext(href);
        return href.slice(0, inner.protocolEnd) + '//' +
          href.slice(inner.hostStart, inner.portEnd);
      }
    }
    return 'null';
  }

  get protocol() {
    return this.#context.href.slice(0, this.#context.protocolEnd);
  }

  set protocol(value) {
    this.#set(kProtocol, `${value}`);
  }

  get username() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.usernameStart, ctx.usernameEnd);
  }

  set username(value) {
    this.#set(kUsername, `${value}`);
  }

  get password() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.passwordStart, ctx.passwordEnd);
  }

  set password(value) {
    this.#set(kPassword, `${value}`);
  }

  get host() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.hostStart, ctx.portEnd);
  }

  set host(value) {
    this.#set(kHost, `${value}`);
  }

  get hostname() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.hostStart, ctx.hostEnd);
  }

  set hostname(value) {
    this.#set(kHostname, `${value}`);
  }

  get port() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.portStart, ctx.portEnd);
  }

  set port(value) {
    this.#set(kPort, `${value}`);
  }

  get pathname() {
    const ctx = this.#context;
    return ctx.href.slice(ctx.pathnameStart, ctx.searchStart);
  }

  set pathname(value) {
    this.#set(kPathname, `${value}`);
  }

  get search() {
    const ctx = this.#context;
    return ctx.hashStart - ctx.searchStart <= 1 ? '' :
      ctx.href.slice(ctx.searchStart, ctx.hashStart);
  }

  set search(value) {
    this.#set(kSearch, `${value}`);
  }

  get searchParams() {
    if (this.#searchParams === null) {
      this.#searchParams = new URLSearchParams(this.search);
      linkParams(this.#searchParams, (serialized) => {
        this.#context = new UrlContext(binding.update(this.#context.href, kSearch, serialized));
      });
    }
    return this.#searchParams;
  }

  get hash() {
    const ctx = this.#context;
    return ctx.href.length - ctx.hashStart <= 1 ? '' : ctx.href.slice(ctx.hashStart);
  }

  set hash(value) {
    this.#set(kHash, `${value}`);
  }

  toString() {
    return this.#context.href;
  }

  toJSON() {
    return this.#context.href;
  }

  [customInspectSymbol](depth, options) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    const name = (this.constructor && this.constructor.name) || 'URL';
    return `${name} ${inspect(obj, options)}`;
  }
}

const enumerable = { enumerable: true };
Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URL' },
  toString: enumerable, href: enumerable, origin: enumerable, protocol: enumerable,
  username: enumerable, password: enumerable, host: enumerable, hostname: enumerable,
  port: enumerable, pathname: enumerable, search: enumerable, searchParams: enumerable,
  hash: enumerable, toJSON: enumerable,
});
Object.defineProperties(URL, {
  parse: enumerable, canParse: enumerable, createObjectURL: enumerable, revokeObjectURL: enumerable,
});

// Blobs registered by URL.createObjectURL, by id.
const blobRegistry = new Map();

// Differs from Node 20: not from a CSPRNG (skua has no crypto module yet); the ids only
// need to be unique within the process.
function randomUUID() {
  const hex = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(Math.random() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function resolveObjectURL(url) {
  url = `${url}`;
  const href = binding.parse(url);
  if (href === undefined || !href.startsWith('blob:nodedata:')) return undefined;
  return blobRegistry.get(href.slice('blob:nodedata:'.length).split(/[?#]/)[0]);
}

// Node's duck-typed check for a WHATWG URL (a legacy Url has `auth` and `path`).
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined &&
    self.path === undefined);
}

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%' && pathname[n + 1] === '2' &&
        (pathname.codePointAt(n + 2) | 0x20) === 0x66) {
      throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

// Characters a path keeps literally but a URL path would read differently.
const kPathCharFixups = [['%', '%25'], ['\\', '%5C'], ['\n', '%0A'], ['\r', '%0D'],
  ['\t', '%09']];

function pathToFileURL(filepath) {
  const path = require('path');
  let resolved = path.resolve(filepath);
  // path.resolve drops a trailing slash; a directory URL keeps it.
  if (filepath.charCodeAt(filepath.length - 1) === 0x2f && !resolved.endsWith('/')) {
    resolved += '/';
  }
  for (const [char, replacement] of kPathCharFixups) {
    if (resolved.includes(char)) resolved = resolved.replaceAll(char, replacement);
  }
  const url = new URL('file://');
  url.pathname = resolved;
  return url;
}

function toPathIfFileURL(fileURLOrPath) {
  return isURL(fileURLOrPath) ? fileURLToPath(fileURLOrPath) : fileURLOrPath;
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url,  // In case the URL object was extended by the user.
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return binding.domainToUnicode(`${domain}`);
}

// url.format(URL, options): `href` with the parts the options leave out removed.
function formatURL(href, fragment, unicode, search, auth) {
  return binding.format(`${href}`, fragment, unicode, search, auth);
}

module.exports = {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatURL,
  isURL,
  isURLInstance,
  pathToFileURL,
  resolveObjectURL,
  toPathIfFileURL,
  urlToHttpOptions,
};
