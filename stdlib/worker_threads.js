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

const { moveMessagePortToContext: moveToContext } = internalBinding('messaging');

/**
 * Moves `port`'s end of its channel into the vm context of `contextifiedSandbox`: the
 * returned port belongs to that context and delivers through its onmessage and
 * onmessageerror properties; `port` itself closes.
 * @param {MessagePort} port
 * @param {object} contextifiedSandbox from vm.createContext()
 * @returns {object}
 */
function moveMessagePortToContext(port, contextifiedSandbox) {
  return moveToContext(port, contextifiedSandbox);
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
