'use strict';
// An unref'd bound socket does not keep the process alive; ref() makes it count again.
// A bound, ref'd socket keeps running until closed (checked by closing it from a timer
// that only runs if the process is still alive).
const assert = require('assert');
const dgram = require('dgram');

let unrefClosed = false;
const idle = dgram.createSocket('udp4');
idle.bind(0, () => {
  idle.unref();
  idle.ref();
  idle.unref();
});
idle.on('close', () => { unrefClosed = true; });

const held = dgram.createSocket('udp4');
let stillRunning = false;
held.bind(0, () => {
  assert.strictEqual(held.unref(), held);
  assert.strictEqual(held.ref(), held);
  setImmediate(() => {
    stillRunning = true;
    held.close();
  });
});

process.on('exit', () => {
  assert.strictEqual(stillRunning, true);
  assert.strictEqual(unrefClosed, false);
});
