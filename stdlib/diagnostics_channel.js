'use strict';
// node:diagnostics_channel: named channels that libraries publish to (fastify, pino,
// undici…) and tools subscribe to; store binding for AsyncLocalStorage; TracingChannel.
// Written from Node 20's documentation.

const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { validateFunction } = require('internal/validators');

const { triggerUncaughtException } = internalBinding('errors');

// A subscriber or store transform that throws must not stop the publisher: the error
// surfaces as an uncaught exception on the next tick, as in Node.
function reportLater(err) {
  process.nextTick(() => triggerUncaughtException(err, false));
}

// name -> WeakRef(channel). A channel with subscribers or bound stores is also held in
// `active`, so subscribing by name keeps the channel (and its subscribers) alive while
// an unused channel can be collected.
const channels = new Map();
const active = new Set();
const collected = new FinalizationRegistry((name) => {
  const ref = channels.get(name);
  if (ref !== undefined && ref.deref() === undefined) channels.delete(name);
});

class Channel {
  #subscribers = [];
  #stores = new Map();

  constructor(name) {
    this.name = name;
  }

  #updateActive() {
    if (this.#subscribers.length > 0 || this.#stores.size > 0) active.add(this);
    else active.delete(this);
  }

  get hasSubscribers() {
    return this.#subscribers.length > 0 || this.#stores.size > 0;
  }

  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    // Copy on write: a publish in progress keeps iterating the list it started with.
    this.#subscribers = [...this.#subscribers, subscription];
    this.#updateActive();
  }

  unsubscribe(subscription) {
    const index = this.#subscribers.indexOf(subscription);
    if (index === -1) return false;
    this.#subscribers = this.#subscribers.filter((_, i) => i !== index);
    this.#updateActive();
    return true;
  }

  bindStore(store, transform) {
    this.#stores.set(store, transform);
    this.#updateActive();
  }

  unbindStore(store) {
    if (!this.#stores.delete(store)) return false;
    this.#updateActive();
    return true;
  }

  publish(data) {
    for (const subscriber of this.#subscribers) {
      try {
        subscriber(data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  // Enters every bound store with (transformed) `data`, publishes `data` inside them and
  // runs `fn` there.
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    for (const [store, transform] of this.#stores) {
      const inner = run;
      run = () => {
        let value = data;
        if (transform !== undefined) {
          try {
            value = transform(data);
          } catch (err) {
            reportLater(err);
            return inner();
          }
        }
        return store.run(value, inner);
      };
    }
    return run();
  }
}

function validateChannelName(name) {
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
}

function channel(name) {
  const existing = channels.get(name)?.deref();
  if (existing !== undefined) return existing;
  validateChannelName(name);
  const created = new Channel(name);
  channels.set(name, new WeakRef(created));
  collected.register(created, name);
  return created;
}

function hasSubscribers(name) {
  const existing = channels.get(name)?.deref();
  return existing !== undefined && existing.hasSubscribers;
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

const kEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of kEvents) {
        this[event] = channel(`tracing:${nameOrChannels}:${event}`);
      }
    } else if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
      for (const event of kEvents) {
        const ch = nameOrChannels[event];
        if (!(ch instanceof Channel)) {
          throw new ERR_INVALID_ARG_TYPE(`nameOrChannels.${event}`, ['Channel'], ch);
        }
        this[event] = ch;
      }
    } else {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels',
        ['string', 'object', 'TracingChannel'], nameOrChannels);
    }
  }

  get hasSubscribers() {
    return kEvents.some((event) => this[event].hasSubscribers);
  }

  subscribe(handlers) {
    for (const event of kEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let all = true;
    for (const event of kEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) all = false;
    }
    return all;
  }

  // Runs `fn` between `start` and `end`, publishing `error` (with context.error) if it
  // throws; context.result holds what it returned.
  #traceStart(context, body) {
    return this.start.runStores(context, () => {
      try {
        return body();
      } catch (err) {
        context.error = err;
        this.error.publish(context);
        throw err;
      } finally {
        this.end.publish(context);
      }
    });
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    return this.#traceStart(context, () => {
      const result = Reflect.apply(fn, thisArg, args);
      context.result = result;
      return result;
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    const settled = () => {
      this.asyncStart.publish(context);
      this.asyncEnd.publish(context);
    };
    return this.#traceStart(context, () => {
      const promise = Promise.resolve(Reflect.apply(fn, thisArg, args));
      return promise.then((result) => {
        context.result = result;
        settled();
        return result;
      }, (err) => {
        context.error = err;
        this.error.publish(context);
        settled();
        throw err;
      });
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    const callback = args.at(position);
    validateFunction(callback, 'callback');
    const tracing = this;
    function wrapped(err, result) {
      if (err) {
        context.error = err;
        tracing.error.publish(context);
      } else {
        context.result = result;
      }
      return tracing.asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          tracing.asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrapped);
    return this.#traceStart(context, () => Reflect.apply(fn, thisArg, args));
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
