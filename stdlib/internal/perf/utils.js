'use strict';
// The clock of performance.now(): milliseconds since the process started (libuv's
// high-resolution clock), and timeOrigin, the wall-clock time of that start.

const { uptime } = internalBinding('process_methods');

function now() {
  return uptime() * 1000;
}

// Computed once: Date.now() minus the time elapsed since start-up.
const timeOrigin = Date.now() - now();

module.exports = { now, timeOrigin };
