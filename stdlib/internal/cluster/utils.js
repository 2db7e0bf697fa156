'use strict';
// Messages between a cluster primary and its workers: internal IPC messages
// `{ cmd: 'NODE_CLUSTER', act, seq, ... }`. A reply carries `ack: <seq of the request>`
// and goes to the callback the request was sent with.

const callbacks = new Map();
let seq = 0;

// Sends `message` (and optionally a handle) to `proc`; `cb(reply, handle)` gets the reply.
function sendHelper(proc, message, handle, cb) {
  if (!proc.connected) return false;
  message = { cmd: 'NODE_CLUSTER', ...message, seq };
  if (typeof cb === 'function') callbacks.set(seq, cb);
  seq += 1;
  return proc.send(message, handle);
}

// An 'internalMessage' listener: cluster messages go to the reply callback they answer,
// or else to `cb(message, handle)` with `worker` as `this`.
function internal(worker, cb) {
  return function onInternalMessage(message, handle) {
    if (message.cmd !== 'NODE_CLUSTER') return;
    let fn = cb;
    if (message.ack !== undefined) {
      const callback = callbacks.get(message.ack);
      if (callback !== undefined) {
        fn = callback;
        callbacks.delete(message.ack);
      }
    }
    fn.call(worker, message, handle);
  };
}

module.exports = { sendHelper, internal };
