'use strict';
// node:_stream_wrap: JSStreamSocket, a net.Socket over any Duplex; loading it warns
// (DEP0125).
const assert = require('assert');
const net = require('net');
const { Duplex } = require('stream');

const warnings = [];
process.on('warning', (warning) => warnings.push(warning.code));

const JSStreamSocket = require('_stream_wrap');
assert.strictEqual(JSStreamSocket.name, 'JSStreamSocket');

// The far side of the socket: records what the socket writes, and can send it data.
const written = [];
let farEnded = false;
const far = new Duplex({
  read() {},
  write(chunk, encoding, cb) {
    written.push(chunk.toString());
    cb();
  },
  final(cb) {
    farEnded = true;
    cb();
  },
});

const socket = new JSStreamSocket(far);
assert.ok(socket instanceof net.Socket);
assert.strictEqual(socket.stream, far);

const received = [];
socket.on('data', (chunk) => received.push(chunk.toString()));
socket.on('close', () => {
  assert.deepStrictEqual(received, ['hello ', 'socket']);
  assert.deepStrictEqual(written, ['to the ', 'far side']);
  assert.strictEqual(farEnded, true);
  assert.deepStrictEqual(warnings, ['DEP0125']);
  console.log('ok');
});

socket.write('to the ');
far.push('hello ');
setImmediate(() => {
  far.push('socket');
  far.push(null);  // The socket's readable side ends; it then ends its writable side.
  socket.write('far side');
});

// A Duplex that yields strings (a string decoder or object mode) cannot carry socket
// bytes: the socket reports ERR_STREAM_WRAP when data arrives.
const objects = new Duplex({ objectMode: true, read() {}, write(c, e, cb) { cb(); } });
const bad = new JSStreamSocket(objects);
let badErrors = 0;
bad.on('error', (err) => {
  assert.strictEqual(err.code, 'ERR_STREAM_WRAP');
  badErrors++;
});
bad.resume();
objects.push('not bytes');
process.on('exit', () => assert.strictEqual(badErrors, 1));
