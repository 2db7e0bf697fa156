'use strict';
// node:worker_threads. Each Worker is its own isolate, realm and libuv loop on its own
// thread (runtime/bindings/worker.h); messages are V8 structured clones carried by
// MessagePorts (runtime/bindings/message_port.h).

const { isMainThread, threadId, resourceLimits } = internalBinding('worker');
const {
  SHARE_ENV, Worker, getEnvironmentData, limitsObject, setEnvironmentData, threadState,
} = require('internal/worker');
const {
  BroadcastChannel, MessageChannel, MessagePort, markAsUntransferable, receiveMessageOnPort,
} = require('internal/worker/io');

// Differs from Node 20: ports cannot yet move into vm contexts.
function moveMessagePortToContext(port) {
  return port;
}

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: isMainThread ? {} : limitsObject(resourceLimits),
  threadId,
  SHARE_ENV,
  Worker,
  parentPort: threadState.parentPort,
  workerData: threadState.workerData,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
