'use strict';
// EventEmitter is synchronous: listeners see the store of the emit() call, not of on().
const assert = require('assert');
const EventEmitter = require('events');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
const emitter = new EventEmitter();
const seen = [];

als.run('on', () => {
  emitter.on('event', () => seen.push(als.getStore()));
});
emitter.emit('event');
als.run('emit', () => emitter.emit('event'));
assert.deepStrictEqual(seen, [undefined, 'emit']);

// EventEmitterAsyncResource listeners run in the emitter's own context.
const { EventEmitterAsyncResource } = EventEmitter;
const bound = als.run('resource', () => new EventEmitterAsyncResource({ name: 'E' }));
bound.on('event', () => seen.push(als.getStore()));
als.run('emit2', () => bound.emit('event'));
assert.deepStrictEqual(seen, [undefined, 'emit', 'resource']);
console.log('ok');
