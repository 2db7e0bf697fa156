'use strict';
// process.stdout/stderr/stdin inside a worker thread, as in Node: the worker's output is
// sent to the parent over the internal port (the parent's worker.stdout/stderr streams,
// piped to its own process.stdout/stderr unless the `stdout`/`stderr` options are set),
// and with the `stdin` option the parent's worker.stdin feeds the worker's process.stdin.

const { Readable, Writable } = require('stream');

function createWriter(internalPort, name, fd) {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      internalPort.postMessage({ type: 'stdio', stream: name, chunk, encoding });
      callback();
    },
    writev(chunks, callback) {
      for (const { chunk, encoding } of chunks) {
        internalPort.postMessage({ type: 'stdio', stream: name, chunk, encoding });
      }
      callback();
    },
  });
  stream.fd = fd;
  stream.isTTY = false;
  stream._isStdio = true;
  // Like the main thread's stdio, destroy() never ends the parent's stream.
  stream._destroy = (err, cb) => cb(err);
  return stream;
}

function createStdin(internalPort, enabled) {
  let reading = false;
  const stdin = new Readable({
    read() {
      if (!enabled) {
        this.push(null);
        return;
      }
      // Data from the parent keeps the worker alive only while someone reads.
      if (!reading) {
        reading = true;
        internalPort.ref();
      }
    },
  });
  stdin.fd = 0;
  if (enabled) {
    const { addInternalListener } = require('internal/worker/io');
    addInternalListener(internalPort, 'message', (message) => {
      if (message?.type !== 'stdio' || message.stream !== 'stdin') return;
      if (message.chunk === null) {
        stdin.push(null);
        if (reading) {
          reading = false;
          internalPort.unref();
        }
        return;
      }
      const { Buffer } = require('buffer');
      const { chunk } = message;
      stdin.push(typeof chunk === 'string' ? Buffer.from(chunk, message.encoding) :
        Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    internalPort.start();
  }
  return stdin;
}

function setupWorkerStdio(internalPort, stdinEnabled) {
  const stdout = createWriter(internalPort, 'stdout', 1);
  const stderr = createWriter(internalPort, 'stderr', 2);
  const stdin = createStdin(internalPort, stdinEnabled);
  for (const [name, stream] of [['stdout', stdout], ['stderr', stderr], ['stdin', stdin]]) {
    Object.defineProperty(process, name, {
      value: stream, writable: true, enumerable: false, configurable: true,
    });
  }
}

module.exports = { setupWorkerStdio };
