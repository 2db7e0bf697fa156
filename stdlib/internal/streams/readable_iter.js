'use strict';
// Async iteration over a Readable: for await (const chunk of readable).

const destroyImpl = require('internal/streams/destroy');
const { aggregateTwoErrors, nop } = require('internal/streams/utils');

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') {
    const Readable = require('internal/streams/readable');
    stream = Readable.wrap(stream, { objectMode: true });
  }
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  const eos = require('internal/streams/end-of-stream');
  let callback = nop;
  function next(resolve) {
    if (this === stream) {
      // Called as the 'readable' listener.
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }
  stream.on('readable', next);

  let error; // undefined: running; null: ended cleanly; else the error.
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    callback();
    callback = nop;
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    // Leaving the loop early destroys the stream unless destroyOnReturn is false.
    if ((error || (options && options.destroyOnReturn) !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

module.exports = { streamToAsyncIterator };
