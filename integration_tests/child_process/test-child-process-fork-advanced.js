// fork with serialization 'advanced': values JSON cannot carry (Map, Set, BigInt, Date,
// typed arrays, Buffers, circular objects) survive the round trip.
const assert = require('node:assert');
const { fork } = require('node:child_process');

if (process.argv[2] === 'child') {
  process.once('message', (message) => {
    process.send(message);
    process.disconnect();
  });
  return;
}

const circular = { name: 'c' };
circular.self = circular;
const value = {
  map: new Map([[1, 'one']]),
  set: new Set(['a']),
  big: 2n ** 70n,
  date: new Date(0),
  bytes: new Uint8Array([1, 2, 3]),
  floats: new Float64Array([Math.PI]),
  buffer: Buffer.from('héllo'),
  circular,
};
const child = fork(__filename, ['child'], { serialization: 'advanced' });
let received;
child.on('message', (message) => { received = message; });
child.send(value);
child.on('close', () => {
  assert.deepStrictEqual(received.map, value.map);
  assert.deepStrictEqual(received.set, value.set);
  assert.strictEqual(received.big, value.big);
  assert.strictEqual(received.date.getTime(), 0);
  assert.deepStrictEqual(received.bytes, value.bytes);
  assert.deepStrictEqual(received.floats, value.floats);
  assert.ok(Buffer.isBuffer(received.buffer));
  assert.deepStrictEqual(received.buffer, value.buffer);
  assert.strictEqual(received.circular.self, received.circular);
});
