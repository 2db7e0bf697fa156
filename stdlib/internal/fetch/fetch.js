'use strict';
// fetch() (fetch.spec.whatwg.org §5.6) over skua's own http/https client.
// Differs from Node 20: Node's fetch is undici; skua's is built on its http client (a
// keep-alive Agent per scheme), streaming the reply into a ReadableStream with
// backpressure. HTTP/1.1 only.
// TODO(fetch): HTTP/2 and the libcurl-multi path the networking issue describes (shared
// with the package manager's client); data: and blob: URLs; CORS modes are ignored.

const { ReadableStream } = require('internal/webstreams/readablestream');
const { Headers, headerPairs } = require('internal/fetch/headers');
const { Request, Response, kInner, makeNetworkResponse } = require('internal/fetch/request');
const { kBody } = require('internal/fetch/body');
const { FormData } = require('internal/fetch/formdata');
const { DOMException } = require('internal/per_context/domexception');

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const agents = {};

function agentFor(protocol) {
  if (agents[protocol] === undefined) {
    const mod = require(protocol === 'https:' ? 'https' : 'http');
    agents[protocol] = new mod.Agent({ keepAlive: true });
  }
  return agents[protocol];
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
    const state = { request, inner, signal, resolve, reject, urlList: [inner.url],
                    method: inner.method, body: request[kBody], done: false, current: null };
    if (signal) {
      state.onAbort = () => {
        const reason = abortReason(signal);
        if (state.current) state.current.destroy(reason);
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
  state.reject(cause instanceof TypeError && cause.message === 'fetch failed' ? cause :
    new TypeError('fetch failed', { cause }));
}

function send(state) {
  const url = new URL(state.urlList[state.urlList.length - 1]);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(state, new TypeError(`unknown scheme ${url.protocol}`));
    return;
  }
  const http = require(url.protocol === 'https:' ? 'https' : 'http');
  const headers = {};
  for (const [name, value] of headerPairs(state.inner.headers)) {
    const lower = name.toLowerCase();
    headers[lower] = headers[lower] !== undefined ? `${headers[lower]}, ${value}` : value;
  }
  if (headers['accept'] === undefined) headers['accept'] = '*/*';
  if (headers['accept-language'] === undefined) headers['accept-language'] = '*';
  if (headers['sec-fetch-mode'] === undefined) headers['sec-fetch-mode'] = 'cors';
  if (headers['user-agent'] === undefined) headers['user-agent'] = 'node';
  if (headers['accept-encoding'] === undefined) headers['accept-encoding'] = 'gzip, deflate, br';
  const body = state.body;
  if (body != null && body.length != null) headers['content-length'] = `${body.length}`;
  else if (body == null && (state.method === 'POST' || state.method === 'PUT')) {
    headers['content-length'] = '0';
  }
  let req;
  try {
    req = http.request(url, { method: state.method, headers, agent: agentFor(url.protocol) });
  } catch (err) {
    fail(state, err);
    return;
  }
  state.current = req;
  req.on('error', (err) => {
    if (state.signal?.aborted) return;
    fail(state, err);
    if (state.controller) {
      try { state.controller.error(new TypeError('terminated', { cause: err })); } catch {}
    }
  });
  req.on('response', (res) => onResponse(state, res));
  if (body == null) {
    req.end();
    return;
  }
  // Stream the request body, honouring the socket's backpressure.
  const reader = body.stream.getReader();
  const pump = () => {
    reader.read().then(({ value, done }) => {
      if (done) {
        req.end();
        return;
      }
      if (req.write(value)) pump();
      else req.once('drain', pump);
    }, (err) => req.destroy(err));
  };
  pump();
}

function onResponse(state, res) {
  const status = res.statusCode;
  const location = res.headers.location;
  if (redirectStatuses.has(status) && location !== undefined && state.inner.redirect !== 'manual') {
    res.resume();
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
    return;
  }
  const pairs = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
  const nullBody = state.method === 'HEAD' || status === 204 || status === 304 ||
    status === 101 || status === 205;
  let source = res;
  const coding = `${res.headers['content-encoding'] ?? ''}`.toLowerCase().trim();
  if (!nullBody && coding) {
    const zlib = require('zlib');
    const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    let decoder;
    if (coding === 'gzip' || coding === 'x-gzip') decoder = zlib.createGunzip(flush);
    else if (coding === 'deflate') decoder = zlib.createInflate(flush);
    else if (coding === 'br') decoder = zlib.createBrotliDecompress();
    if (decoder) {
      res.on('error', (err) => decoder.destroy(err));
      source = res.pipe(decoder);
    }
  }
  const stream = nullBody ? null : streamFrom(state, source);
  if (nullBody) res.resume();
  const response = makeNetworkResponse({
    status, statusText: res.statusMessage ?? '', headers: pairs, stream,
    urlList: state.urlList.slice(), redirected: state.urlList.length > 1,
  });
  state.done = true;
  state.resolve(response);
  if (nullBody) state.signal?.removeEventListener('abort', state.onAbort);
}

// A pull-based ReadableStream over a Node stream: the socket is paused whenever the web
// stream's queue is full and resumed by the next pull.
function streamFrom(state, source) {
  let finished = false;
  const end = () => {
    finished = true;
    state.signal?.removeEventListener('abort', state.onAbort);
  };
  return new ReadableStream({
    start(controller) {
      state.controller = controller;
      source.on('data', (chunk) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (controller.desiredSize <= 0) source.pause();
      });
      source.on('end', () => {
        if (finished) return;
        end();
        controller.close();
      });
      source.on('error', (err) => {
        if (finished) return;
        end();
        try {
          controller.error(state.signal?.aborted ? abortReason(state.signal) :
            new TypeError('terminated', { cause: err }));
        } catch {}
      });
      source.on('aborted', () => {
        if (finished) return;
        end();
        try { controller.error(new TypeError('terminated')); } catch {}
      });
      source.pause();
    },
    pull() { source.resume(); },
    cancel(reason) {
      end();
      state.current?.destroy();
      source.destroy();
    },
  }, { highWaterMark: 65536, size: (chunk) => chunk.byteLength });
}

module.exports = { fetch, Headers, Request, Response, FormData };
