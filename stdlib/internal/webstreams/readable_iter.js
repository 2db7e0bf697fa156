'use strict';
// Async iteration over a ReadableStream (values() / [Symbol.asyncIterator]) and
// ReadableStream.from(asyncIterable).

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE } = require('internal/errors').codes;
const {
  kState, createDeferred, resolved, rejected, toDictionary,
} = require('internal/webstreams/util');
const rs = require('internal/webstreams/readablestream');

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(
  async function* () {}).prototype);

const kIter = Symbol('kIter');

const ReadableStreamAsyncIteratorPrototype = Object.create(AsyncIteratorPrototype, {
  next: {
    value: function next() {
      const it = this?.[kIter];
      if (it === undefined) return rejected(new TypeError('Illegal invocation'));
      it.ongoing = it.ongoing ? it.ongoing.then(() => nextSteps(it), () => nextSteps(it)) :
        nextSteps(it);
      return it.ongoing;
    },
    writable: true, enumerable: true, configurable: true,
  },
  return: {
    value: function(value) {
      const it = this?.[kIter];
      if (it === undefined) return rejected(new TypeError('Illegal invocation'));
      const steps = () => returnSteps(it, value);
      it.ongoing = it.ongoing ? it.ongoing.then(steps, steps) : steps();
      return it.ongoing;
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: { value: 'ReadableStream AsyncIterator', configurable: true },
});

function createAsyncIterator(stream, options) {
  options = toDictionary(options, 'options');
  const reader = new rs.ReadableStreamDefaultReader(stream);
  const iterator = Object.create(ReadableStreamAsyncIteratorPrototype);
  Object.defineProperty(iterator, kIter, {
    value: { reader, preventCancel: !!options.preventCancel, finished: false,
             ongoing: undefined },
  });
  return iterator;
}

function nextSteps(it) {
  if (it.finished) return resolved({ value: undefined, done: true });
  const reader = it.reader;
  if (reader[kState].stream === undefined) {
    return rejected(new ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
  }
  const d = createDeferred();
  rs.defaultReaderRead(reader, {
    chunk: (value) => d.resolve({ value, done: false }),
    close: () => {
      it.finished = true;
      rs.defaultReaderRelease(reader);
      d.resolve({ value: undefined, done: true });
    },
    error: (e) => {
      it.finished = true;
      rs.defaultReaderRelease(reader);
      d.reject(e);
    },
  });
  return d.promise;
}

function returnSteps(it, value) {
  if (it.finished) return resolved({ value, done: true });
  it.finished = true;
  const reader = it.reader;
  if (reader[kState].stream === undefined) return resolved({ value, done: true });
  if (!it.preventCancel) {
    const result = rs.readerGenericCancel(reader, value);
    rs.defaultReaderRelease(reader);
    return result.then(() => ({ value, done: true }));
  }
  rs.defaultReaderRelease(reader);
  return resolved({ value, done: true });
}

// ReadableStream.from: a stream that pulls from the iterable's async iterator.
function readableStreamFromIterable(iterable) {
  if (iterable === null || iterable === undefined) {
    throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
  }
  let method = iterable[Symbol.asyncIterator];
  let iterator;
  if (method === undefined || method === null) {
    const syncMethod = iterable[Symbol.iterator];
    if (typeof syncMethod !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('iterable', 'Iterable', iterable);
    }
    const syncIterator = Reflect.apply(syncMethod, iterable, []);
    if (syncIterator === null || typeof syncIterator !== 'object') {
      throw new TypeError('The iterator method must return an object');
    }
    const next = syncIterator.next;
    iterator = wrapSync(syncIterator, next);
  } else {
    if (typeof method !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('iterable', 'AsyncIterable', iterable);
    }
    iterator = Reflect.apply(method, iterable, []);
    if (iterator === null || typeof iterator !== 'object') {
      throw new TypeError('The iterator method must return an object');
    }
  }
  const nextMethod = iterator.next;
  let stream;
  const pull = () => {
    let result;
    try {
      result = Reflect.apply(nextMethod, iterator, []);
    } catch (e) {
      return rejected(e);
    }
    return Promise.resolve(result).then((r) => {
      if (r === null || typeof r !== 'object') {
        throw new TypeError('The promise returned by the iterator.next() method must fulfill ' +
                            'with an object');
      }
      const controller = stream[kState].controller;
      if (r.done) {
        rs.defaultControllerClose(controller);
        return;
      }
      return Promise.resolve(r.value).then((v) => rs.defaultControllerEnqueue(controller, v));
    });
  };
  const cancel = (reason) => {
    let returnMethod;
    try {
      returnMethod = iterator.return;
    } catch (e) {
      return rejected(e);
    }
    if (returnMethod === undefined || returnMethod === null) return resolved(undefined);
    let result;
    try {
      result = Reflect.apply(returnMethod, iterator, [reason]);
    } catch (e) {
      return rejected(e);
    }
    return Promise.resolve(result).then((r) => {
      if (r === null || typeof r !== 'object') {
        throw new TypeError('The promise returned by the iterator.return() method must ' +
                            'fulfill with an object');
      }
    });
  };
  stream = rs.createReadableStream(() => undefined, pull, cancel, 0);
  return stream;
}

// An async view of a sync iterator whose values may be promises.
function wrapSync(syncIterator, next) {
  return {
    next() {
      const r = Reflect.apply(next, syncIterator, []);
      if (r === null || typeof r !== 'object') throw new TypeError('iterator result is not an object');
      const done = !!r.done;
      return Promise.resolve(r.value).then((value) => ({ value, done }));
    },
    return(value) {
      const ret = syncIterator.return;
      if (ret === undefined || ret === null) return resolved({ value, done: true });
      const r = Reflect.apply(ret, syncIterator, [value]);
      if (r === null || typeof r !== 'object') throw new TypeError('iterator result is not an object');
      return Promise.resolve(r);
    },
  };
}

module.exports = { createAsyncIterator, readableStreamFromIterable };
