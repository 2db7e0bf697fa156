'use strict';
// process.nextTick and queueMicrotask, and the drain that runs after every macrotask:
// all queued ticks, then microtasks, repeated until both are empty, then unhandled
// rejections are reported (Node's order). C++ reads `tickInfo` to skip the call into JS
// when there is nothing to do.

const {
  tickInfo,
  runMicrotasks,
  setTickCallback,
  enqueueMicrotask,
} = internalBinding('task_queue');
const { validateFunction } = require('internal/validators');
const { processPromiseRejections } = require('internal/process/promises');
const asyncHooks = require('internal/async_hooks');

const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

// A FIFO of ticks: an array with a moving head, compacted when the head passes half.
let queue = [];
let head = 0;

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  tickInfo[kHasTickScheduled] = 1;
  if (asyncHooks.state.tracking) queue.push(new asyncHooks.TickObject(callback, args));
  else queue.push(args.length === 0 ? callback : { callback, args });
}

function shiftTick() {
  if (head === queue.length) return undefined;
  const tick = queue[head];
  queue[head++] = undefined;
  if (head === queue.length) {
    queue = [];
    head = 0;
  } else if (head > 1024 && head * 2 > queue.length) {
    queue = queue.slice(head);
    head = 0;
  }
  return tick;
}

function processTicksAndRejections() {
  let tick;
  do {
    while ((tick = shiftTick()) !== undefined) {
      if (typeof tick === 'function') tick();
      else if (tick instanceof asyncHooks.TickObject) asyncHooks.runTickObject(tick);
      else {
        const { callback, args } = tick;
        callback(...args);  // `this` is undefined, as in Node.
      }
    }
    runMicrotasks();
  } while (head !== queue.length || processPromiseRejections());
  tickInfo[kHasTickScheduled] = 0;
  tickInfo[kHasRejectionToWarn] = 0;
}

// Drains between two timers or two immediates of the same pass.
function runNextTicks() {
  if (!tickInfo[kHasTickScheduled] && !tickInfo[kHasRejectionToWarn]) runMicrotasks();
  if (!tickInfo[kHasTickScheduled] && !tickInfo[kHasRejectionToWarn]) return;
  processTicksAndRejections();
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  enqueueMicrotask(asyncHooks.state.tracking ? asyncHooks.microtaskRunner(callback) : callback);
}

function setupTaskQueue() {
  setTickCallback(processTicksAndRejections);
  return { nextTick, runNextTicks };
}

module.exports = { nextTick, runNextTicks, queueMicrotask, setupTaskQueue };
