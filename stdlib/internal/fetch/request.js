'use strict';
// Request and Response (fetch.spec.whatwg.org §5.4, §5.5).

const { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS } = require('internal/errors').codes;
const { Headers, setGuard, fill, appendHeader } = require('internal/fetch/headers');
const { kBody, extractBody, applyBodyMixin, cloneBody, bodyUsed } = require('internal/fetch/body');
const { customInspect } = require('internal/webstreams/util');

const kInner = Symbol('kInner');
const kCreate = Symbol('kCreate');
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);
const normalMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

function check(self, name) {
  if (self === null || typeof self !== 'object' || self[kInner] === undefined) {
    throw new ERR_INVALID_THIS(name);
  }
  return self[kInner];
}

class Request {
  constructor(input, init = {}) {
    if (arguments.length < 1) throw new TypeError('Request constructor requires 1 argument');
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) init = {};
    let inner;
    let body = null;
    let signal = null;
    if (input instanceof Request) {
      const src = input[kInner];
      inner = { ...src, headers: undefined };
      body = input[kBody];
      signal = src.signal;
      if (body != null && bodyUsed(input)) throw new TypeError('Request body is already used');
    } else {
      let url;
      try {
        url = new URL(`${input}`);
      } catch (cause) {
        throw new TypeError(`Failed to parse URL from ${input}`, { cause });
      }
      if (url.username || url.password) {
        throw new TypeError('Request cannot be constructed from a URL that includes credentials');
      }
      inner = { method: 'GET', url: url.href, redirect: 'follow', keepalive: false,
                mode: 'cors', credentials: 'same-origin', cache: 'default',
                referrer: 'about:client', integrity: '', duplex: 'half' };
    }
    if (init.method !== undefined) {
      let method = `${init.method}`;
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) {
        throw new TypeError(`'${method}' is not a valid HTTP method.`);
      }
      if (forbiddenMethods.has(method.toUpperCase())) {
        throw new TypeError(`'${method}' HTTP method is unsupported.`);
      }
      if (normalMethods.has(method.toUpperCase())) method = method.toUpperCase();
      inner.method = method;
    }
    if (init.redirect !== undefined) {
      if (!['follow', 'error', 'manual'].includes(init.redirect)) {
        throw new ERR_INVALID_ARG_VALUE.TypeError('init.redirect', init.redirect);
      }
      inner.redirect = init.redirect;
    }
    for (const key of ['mode', 'credentials', 'cache', 'integrity', 'referrer']) {
      if (init[key] !== undefined) inner[key] = `${init[key]}`;
    }
    if (init.keepalive !== undefined) inner.keepalive = !!init.keepalive;
    if (init.signal !== undefined) signal = init.signal;
    if (signal !== null) {
      const { AbortSignal } = require('internal/abort_controller');
      if (!(signal instanceof AbortSignal)) {
        throw new TypeError('Failed to construct \'Request\': member signal is not of type AbortSignal.');
      }
    }
    inner.signal = signal;
    const headers = setGuard(new Headers(), 'request');
    const headersInit = init.headers !== undefined ? init.headers :
      (input instanceof Request ? input.headers : undefined);
    if (headersInit !== undefined) fill(headers, headersInit);
    inner.headers = headers;
    if (init.body != null) {
      if (inner.method === 'GET' || inner.method === 'HEAD') {
        throw new TypeError('Request with GET/HEAD method cannot have body.');
      }
      const extracted = extractBody(init.body, inner.keepalive);
      if (extracted.stream && extracted.source == null && init.duplex !== 'half') {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (extracted.type && !headers.has('content-type')) headers.append('content-type', extracted.type);
      body = extracted;
    } else if (body != null && input instanceof Request) {
      // Taking over another request's body marks it used.
      const { ReadableStream } = require('internal/webstreams/readablestream');
      const [mine] = [body.stream];
      body = { ...body, stream: mine };
      input[kBody] = { ...body, stream: new ReadableStream() };
      input[kBody].stream.getReader().read();
    }
    Object.defineProperty(this, kInner, { value: inner });
    Object.defineProperty(this, kBody, { value: body, writable: true });
  }

  get method() { return check(this, 'Request').method; }
  get url() { return check(this, 'Request').url; }
  get headers() { return check(this, 'Request').headers; }
  get redirect() { return check(this, 'Request').redirect; }
  get signal() {
    const inner = check(this, 'Request');
    if (inner.signal === null) inner.signal = new AbortController().signal;
    return inner.signal;
  }

  get keepalive() { return check(this, 'Request').keepalive; }
  get mode() { return check(this, 'Request').mode; }
  get credentials() { return check(this, 'Request').credentials; }
  get cache() { return check(this, 'Request').cache; }
  get integrity() { return check(this, 'Request').integrity; }
  get referrer() { return check(this, 'Request').referrer; }
  get duplex() { return 'half'; }

  clone() {
    const inner = check(this, 'Request');
    if (bodyUsed(this)) throw new TypeError('Request body is already used');
    const copy = new Request(inner.url, {
      method: inner.method, headers: inner.headers, redirect: inner.redirect,
      signal: inner.signal ?? undefined, keepalive: inner.keepalive,
    });
    copy[kBody] = cloneBody(this[kBody]);
    return copy;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const inner = this[kInner];
    return customInspect(this, { method: inner.method, url: inner.url, headers: inner.headers,
                                 redirect: inner.redirect, bodyUsed: this.bodyUsed }, depth, options);
  }
}
applyBodyMixin(Request);
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });

const nullBodyStatus = new Set([101, 103, 204, 205, 304]);

class Response {
  constructor(body = null, init = {}, key = undefined) {
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) init = {};
    const status = init.status !== undefined ? +init.status : 200;
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('init["status"]', init.status);
    }
    const statusText = init.statusText !== undefined ? `${init.statusText}` : '';
    if (/[^\t\x20-\x7e\x80-\xff]/.test(statusText)) {
      throw new TypeError('Invalid statusText');
    }
    const headers = setGuard(new Headers(), 'response');
    if (init.headers !== undefined) fill(headers, init.headers);
    let extracted = null;
    if (body !== null && body !== undefined) {
      if (nullBodyStatus.has(status)) throw new TypeError('Response with null body status cannot have body');
      extracted = extractBody(body);
      if (extracted.type && !headers.has('content-type')) headers.append('content-type', extracted.type);
    }
    Object.defineProperty(this, kInner, {
      value: { type: 'default', status, statusText, headers, urlList: [], redirected: false },
    });
    Object.defineProperty(this, kBody, { value: extracted, writable: true });
  }

  static error() {
    const r = new Response(null, { status: 200 });
    Object.assign(r[kInner], { type: 'error', status: 0 });
    setGuard(r[kInner].headers, 'immutable');
    return r;
  }

  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const r = new Response(text, init);
    r[kInner].headers.set('content-type', 'application/json');
    return r;
  }

  static redirect(url, status = 302) {
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (cause) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause });
    }
    if (![301, 302, 303, 307, 308].includes(status)) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('status', status);
    }
    const r = new Response(null, { status });
    r[kInner].headers.set('location', parsed.href);
    setGuard(r[kInner].headers, 'immutable');
    return r;
  }

  get type() { return check(this, 'Response').type; }
  get url() {
    const list = check(this, 'Response').urlList;
    return list.length ? list[list.length - 1].replace(/#.*$/, '') : '';
  }

  get redirected() { return check(this, 'Response').redirected; }
  get status() { return check(this, 'Response').status; }
  get ok() {
    const { status } = check(this, 'Response');
    return status >= 200 && status <= 299;
  }

  get statusText() { return check(this, 'Response').statusText; }
  get headers() { return check(this, 'Response').headers; }

  clone() {
    const inner = check(this, 'Response');
    if (bodyUsed(this)) throw new TypeError('Response.clone: Body has already been consumed.');
    const copy = new Response(null, { status: inner.status === 0 ? 200 : inner.status });
    Object.assign(copy[kInner], inner, { headers: setGuard(new Headers(inner.headers), 'response') });
    copy[kBody] = cloneBody(this[kBody]);
    return copy;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    const inner = this[kInner];
    return customInspect(this, {
      status: inner.status, statusText: inner.statusText, headers: inner.headers,
      body: this.body, bodyUsed: this.bodyUsed, ok: this.ok, redirected: inner.redirected,
      type: inner.type, url: this.url,
    }, depth, options);
  }
}
applyBodyMixin(Response);
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });

// A Response made by fetch from a network reply.
function makeNetworkResponse({ status, statusText, headers, stream, urlList, redirected }) {
  const r = new Response(null, { status: status < 200 ? 200 : status });
  const inner = r[kInner];
  Object.assign(inner, { type: 'basic', status, statusText, urlList, redirected });
  for (const [name, value] of headers) appendHeader(inner.headers, name, value);
  r[kBody] = stream ? { stream, source: null, length: null } : null;
  return r;
}

module.exports = { Request, Response, kInner, kCreate, makeNetworkResponse };
