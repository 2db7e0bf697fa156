'use strict';
// Resource timing (performance.markResourceTiming, used by fetch implementations): the
// global buffer of 'resource' entries, its size limit and the 'resourcetimingbufferfull'
// event. Entries past the limit wait in a secondary buffer; once per batch, after the
// current tick, the event is dispatched so listeners can clear or grow the buffer, and
// whatever still does not fit is dropped.

const { enqueueEntry } = require('internal/perf/observe_hook');

let buffer = [];
let secondary = [];
let limit = 250;
let fullEventPending = false;

function bufferEntry(performance, entry) {
  if (buffer.length < limit && !fullEventPending) {
    buffer.push(entry);
    return;
  }
  secondary.push(entry);
  if (fullEventPending) return;
  fullEventPending = true;
  setImmediate(() => {
    const { Event } = require('internal/event_target');
    while (secondary.length > 0) {
      const before = secondary.length;
      fullEventPending = false;
      performance.dispatchEvent(new Event('resourcetimingbufferfull'));
      // A listener that neither cleared nor grew the buffer: drop the excess.
      if (secondary.length >= before) secondary = [];
      while (secondary.length > 0 && buffer.length < limit) buffer.push(secondary.shift());
    }
    fullEventPending = false;
  });
}

function markResourceTiming(performance, entry) {
  bufferEntry(performance, entry);
  enqueueEntry(entry);
  return entry;
}

function setBufferSize(value) {
  // WebIDL "unsigned long": anything not a finite number counts as 0.
  limit = Number.isFinite(+value) ? (+value >>> 0) : 0;
}

function clearResourceTimings(name) {
  buffer = name === undefined ? [] : buffer.filter((e) => e.name !== `${name}`);
}

function resourceEntries() { return buffer; }

module.exports = { clearResourceTimings, markResourceTiming, resourceEntries, setBufferSize };
