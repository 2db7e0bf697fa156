'use strict';
// Flowing mode: a 'data' listener starts the flow on the next tick; pause()/resume()
// emit 'pause'/'resume'; readableFlowing reflects the three states.
const assert = require('node:assert');
const { Readable } = require('node:stream');

const events = [];
let n = 0;
const r = new Readable({
  read() {
    n++;
    this.push(n <= 3 ? `c${n}` : null);
  },
});
assert.strictEqual(r.readableFlowing, null);
r.on('pause', () => events.push('pause'));
r.on('resume', () => events.push('resume'));
r.on('data', (chunk) => {
  events.push(chunk.toString());
  if (chunk.toString() === 'c1') {
    r.pause();
    assert.strictEqual(r.isPaused(), true);
    assert.strictEqual(r.readableFlowing, false);
    setTimeout(() => r.resume(), 5);
  }
});
// Attaching 'data' switches to flowing, but nothing is emitted synchronously.
assert.strictEqual(r.readableFlowing, true);
assert.deepStrictEqual(events, []);
r.on('end', () => events.push('end'));
r.on('close', () => events.push('close'));

process.on('exit', () => {
  assert.deepStrictEqual(events,
    ['resume', 'c1', 'pause', 'resume', 'c2', 'c3', 'end', 'close']);
});
