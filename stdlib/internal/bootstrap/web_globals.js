'use strict';
// The web-platform globals of Node 20, each with Node's property shape: lazy interfaces
// are non-enumerable accessor pairs (loaded on first use), the rest plain values.
// `performance` and `structuredClone` are the only enumerable ones here.

function defineValue(name, value, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable, configurable: true,
  });
}

// An accessor pair that loads `id` on first read and then becomes a plain value, as
// assigning does.
function defineLazy(name, id, key = name, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    get: {
      [`get ${name}`]() {
        const value = require(id)[key];
        defineValue(name, value, enumerable);
        return value;
      },
    }[`get ${name}`],
    set: {
      [`set ${name}`](v) { defineValue(name, v, enumerable); },
    }[`set ${name}`],
    enumerable,
    configurable: true,
  });
}

const { EventTarget, Event, CustomEvent } = require('internal/event_target');
defineValue('EventTarget', EventTarget);
defineValue('Event', Event);
if (!process.execArgv.includes('--no-experimental-global-customevent')) {
  defineValue('CustomEvent', CustomEvent);
}
defineLazy('AbortController', 'internal/abort_controller');
defineLazy('AbortSignal', 'internal/abort_controller');
defineLazy('TextEncoder', 'internal/encoding');
defineLazy('TextDecoder', 'internal/encoding');
// DOMException is defined by internal/bootstrap/node.

defineValue('structuredClone', require('internal/structured_clone').structuredClone, true);

// performance: an enumerable accessor pair, as in Node 20.
Object.defineProperty(globalThis, 'performance', {
  get: function get() { return require('internal/perf/performance').performance; },
  set: function set(value) { defineValue('performance', value, true); },
  enumerable: true,
  configurable: true,
});
for (const name of ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
  'PerformanceObserver', 'PerformanceObserverEntryList']) {
  defineLazy(name, 'perf_hooks');
}

// Web streams (non-enumerable, as in Node 20).
for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest', 'ReadableByteStreamController',
  'ReadableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController',
  'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream',
  'TextDecoderStream', 'CompressionStream', 'DecompressionStream']) {
  defineLazy(name, 'stream/web');
}

// fetch is enumerable in Node 20; Headers, Request, Response and FormData are not.
// --no-experimental-fetch leaves all five out.
if (!process.execArgv.includes('--no-experimental-fetch')) {
  defineLazy('fetch', 'internal/fetch/fetch', 'fetch', true);
  for (const name of ['Headers', 'Request', 'Response', 'FormData']) {
    defineLazy(name, 'internal/fetch/fetch');
  }
}
defineLazy('WebSocket', 'internal/websocket/websocket');  // Ahead of Node 20, as Node 22.
