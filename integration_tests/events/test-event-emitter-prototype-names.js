'use strict';
// Event names that are Object.prototype members are ordinary events, on process too
// (where they must not be taken for signal names).
const assert = require('assert');
const EventEmitter = require('events');

const seen = [];
for (const emitter of [new EventEmitter(), process]) {
  for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
    emitter.on(name, (value) => seen.push(`${name}:${value}`));
    assert.strictEqual(emitter.emit(name, 1), true);
    emitter.removeAllListeners(name);
  }
}
assert.deepStrictEqual(seen, [
  '__proto__:1', 'toString:1', 'constructor:1', 'hasOwnProperty:1',
  '__proto__:1', 'toString:1', 'constructor:1', 'hasOwnProperty:1',
]);
