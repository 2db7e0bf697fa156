'use strict';
// Start-up of a process forked with an IPC channel: NODE_CHANNEL_FD names the descriptor
// (and NODE_CHANNEL_SERIALIZATION_MODE the framing). process.send, process.on('message'),
// process.disconnect, process.connected and process.channel come from here. Both
// variables are removed from process.env, as Node does, so grandchildren do not see them.

const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { setupChannel } = require('internal/child_process/ipc');

function setupChildChannel() {
  const fd = Number.parseInt(process.env.NODE_CHANNEL_FD, 10);
  const mode = process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  const pipe = new Pipe(PipeConstants.IPC);
  if (pipe.open(fd) !== 0) return;
  // The channel alone does not keep the child alive; its listeners do.
  pipe.unref();
  const control = setupChannel(process, pipe, mode === 'advanced' ? 'advanced' : 'json');
  process.on('newListener', (name) => {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', (name) => {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

module.exports = { setupChildChannel };
