'use strict';
// ReadableStream piping and teeing (streams.spec.whatwg.org ReadableStreamPipeTo and
// ReadableStreamTee).

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE } = require('internal/errors').codes;
const {
  kState, isBranded, createDeferred, setHandled, resolved, rejected, toDictionary,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');
const ws = require('internal/webstreams/writablestream');

function pipeOptions(options) {
  options = toDictionary(options, 'options');
  const signal = options.signal;
  if (signal !== undefined) {
    const { AbortSignal } = require('internal/abort_controller');
    if (!(signal instanceof AbortSignal)) {
      throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
    }
  }
  return {
    preventClose: !!options.preventClose, preventAbort: !!options.preventAbort,
    preventCancel: !!options.preventCancel, signal,
  };
}

function pipeThrough(source, transform, options) {
  const pair = toDictionary(transform, 'transform');
  const { readable, writable } = pair;
  if (!isBranded(readable, 'ReadableStream')) {
    throw new ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
  }
  if (!isBranded(writable, 'WritableStream')) {
    throw new ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
  }
  const opts = pipeOptions(options);
  if (rs.isLocked(source[kState])) throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
  if (writable[kState].writer !== undefined) {
    throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
  }
  setHandled(readableStreamPipeTo(source, writable, opts));
  return readable;
}

function pipeTo(source, destination, options) {
  let opts;
  try {
    if (!isBranded(destination, 'WritableStream')) {
      throw new ERR_INVALID_ARG_TYPE('destination', 'WritableStream', destination);
    }
    opts = pipeOptions(options);
  } catch (err) {
    return rejected(err);
  }
  if (rs.isLocked(source[kState])) {
    return rejected(new ERR_INVALID_STATE.TypeError('The ReadableStream is locked'));
  }
  if (destination[kState].writer !== undefined) {
    return rejected(new ERR_INVALID_STATE.TypeError('The WritableStream is locked'));
  }
  return readableStreamPipeTo(source, destination, opts);
}

function readableStreamPipeTo(source, dest, { preventClose, preventAbort, preventCancel,
                                               signal }) {
  const reader = new rs.ReadableStreamDefaultReader(source);
  const writer = dest.getWriter();
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = resolved(undefined);
  const deferred = createDeferred();
  const src = source[kState];
  const dst = dest[kState];
  let abortListener;

  function finalize(isError, error) {
    ws.writerRelease(writer);
    rs.defaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortListener);
    if (isError) deferred.reject(error);
    else deferred.resolve(undefined);
  }

  function waitForWrites() {
    const old = currentWrite;
    return old.then(() => (old !== currentWrite ? waitForWrites() : undefined));
  }

  function shutdownWithAction(action, originalIsError, originalError) {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => {
      action().then(() => finalize(originalIsError, originalError),
                    (e) => finalize(true, e));
    };
    if (dst.state === 'writable' && !ws.closeQueuedOrInFlight(dst)) {
      waitForWrites().then(run, run);
    } else {
      run();
    }
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;
    const done = () => finalize(isError, error);
    if (dst.state === 'writable' && !ws.closeQueuedOrInFlight(dst)) {
      waitForWrites().then(done, done);
    } else {
      done();
    }
  }

  if (signal !== undefined) {
    abortListener = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (dst.state === 'writable' ?
          ws.writableStreamAbort(dest, error) : resolved(undefined)));
      }
      if (!preventCancel) {
        actions.push(() => (src.state === 'readable' ?
          rs.readableStreamCancel(source, error) : resolved(undefined)));
      }
      shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortListener();
      return deferred.promise;
    }
    signal.addEventListener('abort', abortListener, { once: true });
  }

  // Error and close propagation, checked whenever a state may have changed.
  function checkStates() {
    if (shuttingDown) return true;
    if (src.state === 'errored') {
      if (!preventAbort) {
        shutdownWithAction(() => ws.writableStreamAbort(dest, src.storedError), true,
                           src.storedError);
      } else {
        shutdown(true, src.storedError);
      }
      return true;
    }
    if (dst.state === 'errored' || dst.state === 'erroring') {
      if (!preventCancel) {
        shutdownWithAction(() => rs.readableStreamCancel(source, dst.storedError), true,
                           dst.storedError);
      } else {
        shutdown(true, dst.storedError);
      }
      return true;
    }
    if (src.state === 'closed') {
      if (!preventClose) {
        shutdownWithAction(() => ws.writerCloseWithErrorPropagation(writer), false);
      } else {
        shutdown();
      }
      return true;
    }
    if (ws.closeQueuedOrInFlight(dst) || dst.state === 'closed') {
      const destClosed = new ERR_INVALID_STATE.TypeError('the destination writable stream closed before all data could be piped to it');
      if (!preventCancel) {
        shutdownWithAction(() => rs.readableStreamCancel(source, destClosed), true, destClosed);
      } else {
        shutdown(true, destClosed);
      }
      return true;
    }
    return false;
  }

  reader[kState].closed.promise.then(checkStates, checkStates);
  writer[kState].closed.promise.then(checkStates, checkStates);

  function step() {
    if (checkStates()) return;
    writer[kState].ready.promise.then(() => {
      if (checkStates()) return;
      rs.defaultReaderRead(reader, {
        chunk: (chunk) => {
          currentWrite = ws.writerWrite(writer, chunk);
          setHandled(currentWrite);
          queueMicrotask(step);
        },
        close: () => checkStates(),
        error: () => checkStates(),
      });
    }, () => checkStates());
  }
  step();
  return deferred.promise;
}

// ReadableStreamTee: chunks go to both branches (byte chunks are cloned for the second).
function readableStreamTee(stream, cloneForBranch2) {
  const isBytes = isBranded(stream[kState].controller, 'ReadableByteStreamController');
  const reader = new rs.ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferred();
  const byte = isBytes ? require('internal/webstreams/readable_byte') : undefined;

  const enqueue = (branch, chunk) => {
    const controller = branch[kState].controller;
    if (isBytes) {
      const c = controller[kState];
      if (!c.closeRequested && branch[kState].state === 'readable') {
        byte.byteControllerEnqueue(c, chunk);
      }
    } else {
      rs.defaultControllerEnqueue(controller, chunk);
    }
  };
  const close = (branch) => {
    const controller = branch[kState].controller;
    if (isBytes) {
      const c = controller[kState];
      byte.byteControllerClose(c);
      if (c.pendingPullIntos.length > 0) byte.respond(c, 0);
    } else {
      rs.defaultControllerClose(controller);
    }
  };
  const error = (branch, e) => {
    const controller = branch[kState].controller;
    if (isBytes) byte.byteControllerError(controller[kState], e);
    else rs.defaultControllerError(controller, e);
  };

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return resolved(undefined);
    }
    reading = true;
    rs.defaultReaderRead(reader, {
      chunk: (chunk) => {
        queueMicrotask(() => {
          readAgain = false;
          let chunk1 = chunk;
          let chunk2 = chunk;
          if (isBytes && !canceled1 && !canceled2) {
            chunk2 = new Uint8Array(chunk.buffer.slice(chunk.byteOffset,
                                                       chunk.byteOffset + chunk.byteLength));
          } else if (!canceled2 && cloneForBranch2) {
            try {
              chunk2 = structuredClone(chunk2);
            } catch (e) {
              error(branch1, e);
              error(branch2, e);
              cancelPromise.resolve(rs.readableStreamCancel(stream, e));
              return;
            }
          }
          if (!canceled1) enqueue(branch1, chunk1);
          if (!canceled2) enqueue(branch2, chunk2);
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      close: () => {
        reading = false;
        if (!canceled1) close(branch1);
        if (!canceled2) close(branch2);
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      },
      error: () => { reading = false; },
    });
    return resolved(undefined);
  }

  function cancel1(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) cancelPromise.resolve(rs.readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }
  function cancel2(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) cancelPromise.resolve(rs.readableStreamCancel(stream, [reason1, reason2]));
    return cancelPromise.promise;
  }

  if (isBytes) {
    const { ReadableStream } = rs;
    const make = (cancelFn) => new ReadableStream({
      type: 'bytes', pull: pullAlgorithm, cancel: cancelFn,
    });
    branch1 = make(cancel1);
    branch2 = make(cancel2);
  } else {
    branch1 = rs.createReadableStream(() => undefined, pullAlgorithm, cancel1);
    branch2 = rs.createReadableStream(() => undefined, pullAlgorithm, cancel2);
  }
  reader[kState].closed.promise.then(undefined, (r) => {
    error(branch1, r);
    error(branch2, r);
    if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
  });
  return [branch1, branch2];
}

module.exports = { pipeTo, pipeThrough, readableStreamPipeTo, readableStreamTee };
