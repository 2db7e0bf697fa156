'use strict';
// An AbortSignal given to createSocket closes the socket when aborted; an already
// aborted one closes it at once.
const assert = require('assert');
const dgram = require('dgram');

const controller = new AbortController();
const socket = dgram.createSocket({ type: 'udp4', signal: controller.signal });
let closed = 0;
socket.on('close', () => closed++);
socket.bind(0, () => controller.abort());

const early = dgram.createSocket({ type: 'udp4', signal: AbortSignal.abort() });
early.on('close', () => closed++);
assert.throws(() => early.bind(0), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });

process.on('exit', () => assert.strictEqual(closed, 2));
