'use strict';
// performance.markResourceTiming and the resource timing buffer: the size limit, the
// 'resourcetimingbufferfull' event, and clearResourceTimings.
const assert = require('assert');
const { performance, PerformanceResourceTiming } = require('perf_hooks');

const info = {
  startTime: 5, endTime: 12, finalServiceWorkerStartTime: 0, redirectStartTime: 0,
  redirectEndTime: 0, postRedirectStartTime: 0,
  finalConnectionTimingInfo: {
    domainLookupStartTime: 0, domainLookupEndTime: 0, connectionStartTime: 0,
    connectionEndTime: 0, secureConnectionStartTime: 0, ALPNNegotiatedProtocol: 'h2',
  },
  finalNetworkRequestStartTime: 0, finalNetworkResponseStartTime: 0,
  encodedBodySize: 10, decodedBodySize: 20,
};

function mark(url) {
  return performance.markResourceTiming(info, url, 'fetch', globalThis, '');
}

function nextFullEvent() {
  return new Promise((resolve) => {
    performance.addEventListener('resourcetimingbufferfull', function listener(event) {
      performance.removeEventListener('resourcetimingbufferfull', listener);
      resolve(event);
    });
  });
}

(async () => {
  performance.setResourceTimingBufferSize(2);
  const first = mark('https://example.test/a');
  assert.ok(first instanceof PerformanceResourceTiming);
  assert.strictEqual(first.name, 'https://example.test/a');
  assert.strictEqual(first.entryType, 'resource');
  assert.strictEqual(first.initiatorType, 'fetch');
  assert.strictEqual(first.startTime, 5);
  assert.strictEqual(first.duration, 7);
  assert.strictEqual(first.decodedBodySize, 20);
  mark('https://example.test/b');
  mark('https://example.test/c'); // Over the limit: waits for the event.
  assert.deepStrictEqual(performance.getEntriesByType('resource').map((e) => e.name),
                         ['https://example.test/a', 'https://example.test/b']);

  const event = await nextFullEvent();
  assert.strictEqual(event.type, 'resourcetimingbufferfull');
  // Nobody made room: the excess entry was dropped.
  assert.strictEqual(performance.getEntriesByType('resource').length, 2);

  performance.clearResourceTimings();
  assert.strictEqual(performance.getEntriesByType('resource').length, 0);
  mark('https://example.test/d');
  assert.strictEqual(performance.getEntriesByName('https://example.test/d').length, 1);
  performance.clearResourceTimings();
})().then(() => { process.exitCode = 0; });
process.exitCode = 1; // Reset when the steps above all ran.
