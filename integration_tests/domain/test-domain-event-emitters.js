'use strict';
// node:domain: EventEmitters created in a domain belong to it; their unhandled 'error'
// events go to the domain; add() and remove() change membership.
const assert = require('assert');
const domain = require('domain');
const EventEmitter = require('events');

const d = domain.create();
const errors = [];
d.on('error', (err) => errors.push(err));

let implicit;
d.run(() => {
  implicit = new EventEmitter();
});
assert.strictEqual(implicit.domain, d);
assert.strictEqual(new EventEmitter().domain, null);
assert.strictEqual(d.domain, null);

// An emitter's listeners run inside its domain.
implicit.on('ping', () => assert.strictEqual(process.domain, d));
implicit.emit('ping');

// An 'error' without a listener goes to the domain, marked as emitted, not thrown.
const err1 = new Error('emitted');
assert.strictEqual(implicit.emit('error', err1), false);
assert.deepStrictEqual(errors, [err1]);
assert.strictEqual(err1.domain, d);
assert.strictEqual(err1.domainEmitter, implicit);
assert.strictEqual(err1.domainThrown, false);

// With its own 'error' listener the emitter keeps its errors.
const own = [];
implicit.on('error', (err) => own.push(err));
implicit.emit('error', new Error('own'));
assert.strictEqual(own.length, 1);
assert.strictEqual(errors.length, 1);

// Explicit membership.
const explicit = new EventEmitter();
d.add(explicit);
assert.strictEqual(explicit.domain, d);
assert.deepStrictEqual(d.members, [explicit]);
explicit.emit('error', new Error('added'));
assert.strictEqual(errors.length, 2);
d.remove(explicit);
assert.strictEqual(explicit.domain, null);
assert.deepStrictEqual(d.members, []);
assert.throws(() => explicit.emit('error', new Error('removed')), /removed/);

// A domain in use excludes an uncaught-exception capture callback.
assert.throws(() => process.setUncaughtExceptionCaptureCallback(() => {}), {
  code: 'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
});
console.log('ok');
