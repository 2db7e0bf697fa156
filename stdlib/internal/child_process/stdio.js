'use strict';
// The stdio option of the asynchronous child_process functions, in the form the Process
// handle takes: { type: 'pipe', handle: Pipe } for each pipe (the IPC one flagged `ipc`),
// { type: 'wrap', handle } for a stream shared with the child, 'ignore', 'inherit', 'fd'.

const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { TCP } = internalBinding('tcp_wrap');
const { TTY } = internalBinding('tty_wrap');
const {
  codes: {
    ERR_INVALID_ARG_VALUE, ERR_INVALID_SYNC_FORK_INPUT, ERR_IPC_ONE_PIPE, ERR_IPC_SYNC_FORK,
  },
} = require('internal/errors');

function handleWrapType(handle) {
  if (handle instanceof Pipe) return 'pipe';
  if (handle instanceof TTY) return 'tty';
  if (handle instanceof TCP) return 'tcp';
  return false;
}

// Returns { stdio, ipc, ipcFd }; throws (closing the pipes made so far) on a bad entry.
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;
  if (typeof stdio === 'string') {
    switch (stdio) {
      case 'ignore':
      case 'pipe':
      case 'overlapped':
        stdio = [stdio, stdio, stdio];
        break;
      case 'inherit':
        stdio = [0, 1, 2];
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
    }
  } else if (!Array.isArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  } else {
    stdio = stdio.slice();
  }
  while (stdio.length < 3) stdio.push(undefined);

  const out = [];
  const cleanup = () => {
    for (const entry of out) {
      if (entry.type === 'pipe' && entry.handle) entry.handle.close();
    }
  };
  for (let i = 0; i < stdio.length; i++) {
    let entry = stdio[i];
    if (entry === null || entry === undefined) entry = i < 3 ? 'pipe' : 'ignore';
    if (entry === 'ignore') {
      out.push({ type: 'ignore' });
    } else if (entry === 'pipe' || entry === 'overlapped' ||
               (typeof entry === 'number' && entry < 0)) {
      const pipe = { type: entry === 'overlapped' ? 'overlapped' : 'pipe',
                     readable: i === 0, writable: i !== 0 };
      if (!sync) pipe.handle = new Pipe(PipeConstants.SOCKET);
      out.push(pipe);
    } else if (entry === 'ipc') {
      if (sync || ipc !== undefined) {
        cleanup();
        throw sync ? new ERR_IPC_SYNC_FORK() : new ERR_IPC_ONE_PIPE();
      }
      ipc = new Pipe(PipeConstants.IPC);
      ipcFd = i;
      out.push({ type: 'pipe', handle: ipc, ipc: true });
    } else if (entry === 'inherit') {
      out.push({ type: 'inherit', fd: i });
    } else if (typeof entry === 'number' || typeof entry.fd === 'number') {
      out.push({ type: 'fd', fd: typeof entry === 'number' ? entry : entry.fd });
    } else if (handleWrapType(entry) || handleWrapType(entry.handle) ||
               handleWrapType(entry._handle)) {
      const handle = handleWrapType(entry) ? entry :
        handleWrapType(entry.handle) ? entry.handle : entry._handle;
      out.push({ type: 'wrap', wrapType: handleWrapType(handle), handle, _stdio: entry });
    } else if (ArrayBuffer.isView(entry) || typeof entry === 'string') {
      if (!sync) {
        cleanup();
        throw new ERR_INVALID_SYNC_FORK_INPUT(require('internal/util/inspect').inspect(entry));
      }
    } else {
      cleanup();
      throw new ERR_INVALID_ARG_VALUE('stdio', entry);
    }
  }
  return { stdio: out, ipc, ipcFd };
}

module.exports = { getValidStdio };
