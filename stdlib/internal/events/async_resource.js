'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in the async
// context of the emitter's own AsyncResource.

const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');
const { ERR_INVALID_THIS } = require('internal/errors').codes;
const { validateObject, validateString } = require('internal/validators');

const kResource = Symbol('kAsyncResource');
const kEmitter = Symbol('kEventEmitter');

class EventEmitterReferencingAsyncResource extends AsyncResource {
  constructor(emitter, type, options) {
    super(type, options);
    this[kEmitter] = emitter;
  }

  get eventEmitter() {
    if (this[kEmitter] === undefined) {
      throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
    }
    return this[kEmitter];
  }
}

function resourceOf(self) {
  if (self[kResource] === undefined) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
  return self[kResource];
}

class EventEmitterAsyncResource extends EventEmitter {
  constructor(options = undefined) {
    let name;
    if (typeof options === 'string') {
      name = options;
      options = undefined;
    } else {
      if (new.target === EventEmitterAsyncResource) validateString(options?.name, 'options.name');
      name = options?.name || new.target.name;
    }
    if (options !== undefined) validateObject(options, 'options');
    super(options);
    this[kResource] = new EventEmitterReferencingAsyncResource(this, name, options);
  }

  emit(event, ...args) {
    const resource = resourceOf(this);
    return resource.runInAsyncScope(super.emit, this, event, ...args);
  }

  emitDestroy() {
    resourceOf(this).emitDestroy();
  }

  get asyncId() {
    return resourceOf(this).asyncId();
  }

  get triggerAsyncId() {
    return resourceOf(this).triggerAsyncId();
  }

  get asyncResource() {
    return resourceOf(this);
  }
}

module.exports = EventEmitterAsyncResource;
