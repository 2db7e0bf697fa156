'use strict';
// structuredClone with options.transfer moves the listed ArrayBuffers (the originals
// are detached) and MessagePorts, as postMessage does; without it the value is copied.
const assert = require('assert');

const buffer = new ArrayBuffer(16);
new Uint8Array(buffer)[0] = 7;
const clone = structuredClone({ buffer }, { transfer: [buffer] });
assert.strictEqual(buffer.byteLength, 0);
assert.strictEqual(clone.buffer.byteLength, 16);
assert.strictEqual(new Uint8Array(clone.buffer)[0], 7);

const kept = new ArrayBuffer(4);
const copy = structuredClone({ kept, list: [1, 2] });
assert.strictEqual(kept.byteLength, 4);
assert.deepStrictEqual(copy.list, [1, 2]);
assert.notStrictEqual(copy.kept, kept);

const { port1, port2 } = new MessageChannel();
const moved = structuredClone(port1, { transfer: [port1] });
assert.ok(moved instanceof MessagePort);
assert.notStrictEqual(moved, port1);
let received;
moved.onmessage = ({ data }) => {
  received = data;
  moved.close();
};
port2.postMessage('through the moved port');
process.on('exit', () => assert.strictEqual(received, 'through the moved port'));
