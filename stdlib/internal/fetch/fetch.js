'use strict';
// fetch() (fetch.spec.whatwg.org §5.6). The fetch algorithm's own steps are here (header
// defaults, redirects, abort, the response body's ReadableStream); the transport is the
// `fetch_curl` binding: transfers on one libcurl multi handle driven by the event loop,
// with pooled keep-alive connections, HTTP/2 over TLS where the server offers it (ALPN),
// and gzip/deflate/br decoded by curl while Content-Encoding stays visible, as undici
// leaves it.
// Differs from Node 20: Node's fetch (undici) speaks HTTP/1.1 only; skua's uses HTTP/2
// when a TLS server offers it.
// TODO(compat): blob: URLs; CORS modes and `dispatcher` are ignored.

const { ReadableStream } = require('internal/webstreams/readablestream');
const { Headers, headerPairs } = require('internal/fetch/headers');
const { Request, Response, kInner, makeNetworkResponse } = require('internal/fetch/request');
const { kBody } = require('internal/fetch/body');
const { FormData } = require('internal/fetch/formdata');
const { DOMException } = require('internal/per_context/domexception');

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const kFetch = Symbol('kFetch');
// Headers curl writes itself from the transfer's settings.
const managedHeaders = new Set(['content-length', 'transfer-encoding', 'connection',
  'keep-alive', 'expect']);

let binding;
function getBinding() {
  if (binding === undefined) {
    binding = internalBinding('fetch_curl');
    binding.setup(onHeaders, onData, onDrain, onDone, extraCaCerts());
  }
  return binding;
}

function extraCaCerts() {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return null;
  try {
    return require('fs').readFileSync(file, 'latin1');
  } catch {
    return null;  // Node warns at start-up and goes on without them.
  }
}

function abortReason(signal) {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (err) {
    return Promise.reject(err);
  }
  const inner = request[kInner];
  const signal = inner.signal;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const state = { inner, signal, resolve, reject, urlList: [inner.url], method: inner.method,
                    body: request[kBody], done: false, transfer: null, controller: null };
    if (signal) {
      state.onAbort = () => {
        const reason = abortReason(signal);
        state.transfer?.abort();
        if (!state.done) {
          state.done = true;
          reject(reason);
        }
        if (state.controller) {
          try { state.controller.error(reason); } catch { /* already closed */ }
        }
      };
      signal.addEventListener('abort', state.onAbort, { once: true });
    }
    send(state);
  });
}

function fail(state, cause) {
  if (state.done) return;
  state.done = true;
  state.signal?.removeEventListener('abort', state.onAbort);
  state.reject(new TypeError('fetch failed', { cause }));
}

function send(state) {
  const url = new URL(state.urlList[state.urlList.length - 1]);
  if (url.protocol === 'data:') {
    dataResponse(state, url);
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(state, new TypeError(`unknown scheme ${url.protocol}`));
    return;
  }
  const lines = [];
  const seen = new Set();
  for (const [name, value] of headerPairs(state.inner.headers)) {
    const lower = name.toLowerCase();
    if (managedHeaders.has(lower)) continue;
    seen.add(lower);
    // curl drops a header given as "Name:"; "Name;" sends it with an empty value.
    lines.push(value === '' ? `${name};` : `${name}: ${value}`);
  }
  if (!seen.has('accept')) lines.push('accept: */*');
  if (!seen.has('accept-language')) lines.push('accept-language: *');
  if (!seen.has('sec-fetch-mode')) lines.push('sec-fetch-mode: cors');
  if (!seen.has('user-agent')) lines.push('user-agent: node');
  // No default Content-Type of curl's, and no Expect: 100-continue (undici sends neither).
  if (!seen.has('content-type')) lines.push('Content-Type:');
  lines.push('Expect:');
  const body = state.body;
  const method = state.method;
  let length = -2;
  if (body != null) length = body.length ?? -1;
  else if (method === 'POST' || method === 'PUT' || method === 'PATCH') length = 0;

  const transfer = new (getBinding().Transfer)();
  transfer[kFetch] = state;
  state.transfer = transfer;
  transfer.start(url.href, method, lines, length,
                 process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0', 'gzip, deflate, br');
  if (body == null) {
    if (length === 0) transfer.end();
  } else if (body.source instanceof Uint8Array) {
    transfer.write(body.source);
    transfer.end();
  } else {
    pumpBody(state, transfer, body.stream.getReader());
  }
}

// Streams a request body into the transfer, waiting for onDrain when curl is behind.
function pumpBody(state, transfer, reader) {
  const pump = () => {
    state.onDrain = null;
    reader.read().then(({ value, done }) => {
      if (state.transfer !== transfer) return;
      if (done) {
        transfer.end();
        return;
      }
      if (!ArrayBuffer.isView(value)) {
        transfer.abort();
        fail(state, new TypeError('Received non-Uint8Array chunk'));
        return;
      }
      if (transfer.write(value)) pump();
      else state.onDrain = pump;
    }, (err) => {
      if (state.transfer !== transfer) return;
      transfer.abort();
      fail(state, err);
    });
  };
  pump();
}

function onDrain() {
  this[kFetch]?.onDrain?.();
}

function headerValue(fields, lower) {
  for (let i = 0; i < fields.length; i += 2) {
    if (fields[i].toLowerCase() === lower) return fields[i + 1];
  }
  return undefined;
}

function onHeaders(status, statusText, fields) {
  const state = this[kFetch];
  if (state == null || state.done) return;
  const location = headerValue(fields, 'location');
  if (redirectStatuses.has(status) && location !== undefined && state.inner.redirect !== 'manual') {
    // The redirect's own body is read to its end and dropped, so that its connection
    // goes back to the pool.
    this[kFetch] = null;
    state.transfer = null;
    redirect(state, status, location);
    return;
  }
  const pairs = [];
  for (let i = 0; i < fields.length; i += 2) pairs.push([fields[i], fields[i + 1]]);
  const nullBody = state.method === 'HEAD' || status === 204 || status === 304 ||
    status === 101 || status === 205;
  const stream = nullBody ? null : bodyStream(state, this);
  const response = makeNetworkResponse({
    status, statusText, headers: pairs, stream,
    urlList: state.urlList.slice(), redirected: state.urlList.length > 1,
  });
  state.done = true;
  state.resolve(response);
}

function redirect(state, status, location) {
  if (state.inner.redirect === 'error') {
    fail(state, new TypeError('unexpected redirect'));
    return;
  }
  if (state.urlList.length > 20) {
    fail(state, new TypeError('redirect count exceeded'));
    return;
  }
  let next;
  try {
    next = new URL(location, state.urlList[state.urlList.length - 1]);
  } catch (err) {
    fail(state, err);
    return;
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    fail(state, new TypeError('URL scheme must be a HTTP(S) scheme'));
    return;
  }
  if ((status === 303 && state.method !== 'GET' && state.method !== 'HEAD') ||
      ((status === 301 || status === 302) && state.method === 'POST')) {
    state.method = 'GET';
    state.body = null;
    for (const name of ['content-type', 'content-length', 'content-encoding',
      'content-language', 'content-location']) {
      state.inner.headers.delete(name);
    }
  } else if (state.body != null) {
    if (state.body.source == null) {
      fail(state, new TypeError('Cannot follow redirect with a streamed body'));
      return;
    }
    const { extractBody } = require('internal/fetch/body');
    state.body = extractBody(state.body.source);
  }
  const prev = new URL(state.urlList[state.urlList.length - 1]);
  if (prev.origin !== next.origin) {
    for (const name of ['authorization', 'cookie', 'proxy-authorization', 'host']) {
      state.inner.headers.delete(name);
    }
  }
  state.urlList.push(next.href);
  send(state);
}

// The response body: a pull stream whose full queue pauses the transfer.
function bodyStream(state, transfer) {
  return new ReadableStream({
    start(controller) {
      state.controller = controller;
    },
    pull() {
      transfer.resume();
    },
    cancel() {
      state.controller = null;
      transfer.abort();
      state.signal?.removeEventListener('abort', state.onAbort);
    },
  }, { highWaterMark: 65536, size: (chunk) => chunk.byteLength });
}

function onData(buffer) {
  const state = this[kFetch];
  const controller = state?.controller;
  if (controller == null) return;
  controller.enqueue(new Uint8Array(buffer));
  if (controller.desiredSize <= 0) this.pause();
}

function onDone(code, detail, ip, port) {
  const state = this[kFetch];
  if (state == null) return;
  state.transfer = null;
  state.signal?.removeEventListener('abort', state.onAbort);
  const cause = code === undefined ? null : networkError(state, code, detail, ip, port);
  if (!state.done) {
    fail(state, cause ?? new TypeError('the response ended before its headers'));
    return;
  }
  const controller = state.controller;
  state.controller = null;
  if (controller == null) return;
  try {
    if (cause === null) controller.close();
    else controller.error(new TypeError('terminated', { cause }));
  } catch { /* cancelled */ }
}

// The `cause` of a network failure, shaped like the socket or DNS error undici reports.
function networkError(state, code, detail, ip, port) {
  const { errno } = require('os').constants;
  const url = new URL(state.urlList[state.urlList.length - 1]);
  let err;
  if (code === 'ENOTFOUND') {
    err = new Error(`getaddrinfo ENOTFOUND ${url.hostname}`);
    err.errno = -3008;
    err.code = code;
    err.syscall = 'getaddrinfo';
    err.hostname = url.hostname;
  } else if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' ||
             code === 'ETIMEDOUT') {
    // curl may not know the address of a connection that never came up.
    if (!ip) ip = url.hostname.replace(/^\[|\]$/g, '');
    if (!port) port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    err = new Error(`connect ${code} ${ip}:${port}`);
    err.errno = -(errno[code] ?? 0);
    err.code = code;
    err.syscall = 'connect';
    err.address = ip;
    err.port = port;
  } else {
    err = new Error(detail);
    err.code = code;
    if (errno[code] !== undefined) err.errno = -errno[code];
  }
  return err;
}

// data: URLs (fetch.spec.whatwg.org §4.2 "scheme fetch").
function dataResponse(state, url) {
  const href = url.href;
  const comma = href.indexOf(',');
  if (comma < 0) {
    fail(state, new TypeError('invalid data: URL'));
    return;
  }
  let type = decodeURIComponent(href.slice(5, comma)).trim();
  const payload = href.slice(comma + 1);
  let bytes;
  if (/;\s*base64$/i.test(type)) {
    type = type.replace(/;\s*base64$/i, '');
    bytes = require('buffer').Buffer.from(decodeURIComponent(payload), 'base64');
  } else {
    bytes = require('buffer').Buffer.from(unescape(payload), 'latin1');
  }
  if (type === '' || type.startsWith(';')) type = `text/plain${type || ';charset=US-ASCII'}`;
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stream = state.method === 'HEAD' ? null : new ReadableStream({
    start(controller) {
      if (data.byteLength > 0) controller.enqueue(data);
      controller.close();
    },
  });
  state.done = true;
  state.signal?.removeEventListener('abort', state.onAbort);
  state.resolve(makeNetworkResponse({
    status: 200, statusText: 'OK', headers: [['content-type', type]], stream,
    urlList: state.urlList.slice(), redirected: state.urlList.length > 1,
  }));
}

module.exports = { fetch, Headers, Request, Response, FormData };
