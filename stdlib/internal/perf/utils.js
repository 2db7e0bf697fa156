'use strict';
// The clock of performance.now(): milliseconds since the process started (libuv's
// high-resolution clock), and timeOrigin, the wall-clock time of that start.

const { uptime, timeOrigin } = internalBinding('process_methods');

function now() {
  return uptime() * 1000;
}

// timeOrigin: taken in C++ with the start time, the same in every worker.

module.exports = { now, timeOrigin };
