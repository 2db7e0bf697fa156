'use strict';
// process.stdout/stderr/stdin inside a worker thread.
// Differs from Node 20: a worker writes straight to descriptors 1 and 2 (synchronously)
// instead of sending its output to the parent, so Worker's `stdout`/`stderr` options
// and worker.stdout/stderr streams are not available, and output of several threads
// interleaves by write rather than arriving through the parent's streams.

const { Readable, Writable } = require('stream');
const { writeString, writeBuffer } = internalBinding('fs');
const { guessHandleType } = internalBinding('util');

function createWriter(fd) {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk, encoding, callback) {
      const ctx = {};
      if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' &&
          encoding !== 'buffer') {
        chunk = require('buffer').Buffer.from(chunk, encoding);
      }
      if (typeof chunk === 'string') writeString(fd, chunk, ctx);
      else writeBuffer(fd, chunk, ctx);
      // A closed pipe is not worth failing the worker for (as on the main thread).
      if (ctx.code !== undefined && ctx.code !== 'EPIPE') {
        const { uvException } = require('internal/errors');
        callback(uvException(ctx));
        return;
      }
      callback();
    },
  });
  stream.fd = fd;
  stream.isTTY = false;
  stream._type = guessHandleType(fd).toLowerCase();
  stream._isStdio = true;
  // Like the main thread's stdio, destroy() never closes the descriptor.
  stream._destroy = (err, cb) => cb(err);
  return stream;
}

function setupWorkerStdio() {
  const stdout = createWriter(1);
  const stderr = createWriter(2);
  const stdin = new Readable({ read() { this.push(null); } });
  stdin.fd = 0;
  for (const [name, stream] of [['stdout', stdout], ['stderr', stderr], ['stdin', stdin]]) {
    Object.defineProperty(process, name, {
      value: stream, writable: true, enumerable: false, configurable: true,
    });
  }
}

module.exports = { setupWorkerStdio };
