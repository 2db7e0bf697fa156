'use strict';
// How node: modules other than perf_hooks (node:http2's 'http2' entries) hand entries to
// PerformanceObservers. node:perf_hooks installs the real functions when it loads; until
// then nobody can be observing, so nothing is recorded.

let hooks = null;

function setObserverHooks(value) { hooks = value; }

// True when some observer wants entries of `type` (so the caller can skip building them).
function hasObserver(type) { return hooks !== null && hooks.has(type); }

function enqueueEntry(entry) { if (hooks !== null) hooks.enqueue(entry); }

module.exports = { setObserverHooks, hasObserver, enqueueEntry };
