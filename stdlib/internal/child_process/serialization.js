'use strict';
// Message framing on an IPC channel, as Node's: 'json' writes JSON.stringify(message)
// followed by '\n'; 'advanced' writes a 4-byte big-endian length and then the V8
// serializer's bytes (structured clone). Both ends of a channel use the same mode (the
// child reads it from NODE_CHANNEL_SERIALIZATION_MODE).

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');

const kDecoder = Symbol('kDecoder');
const kPending = Symbol('kPending');

const json = {
  initChannel(channel) {
    channel[kDecoder] = new StringDecoder('utf8');
    channel[kPending] = '';
  },

  writeChannelMessage(channel, req, message) {
    return channel.writeUtf8String(req, `${JSON.stringify(message)}\n`);
  },

  // The complete messages in `chunk` (plus what earlier chunks left over).
  parseChannelMessages(channel, chunk) {
    const text = channel[kPending] + channel[kDecoder].write(chunk);
    const lines = text.split('\n');
    channel[kPending] = lines.pop();
    channel.buffering = channel[kPending].length !== 0;
    const messages = [];
    for (const line of lines) messages.push(JSON.parse(line));
    return messages;
  },
};

let serdes;

const advanced = {
  initChannel(channel) {
    channel[kPending] = null;
  },

  writeChannelMessage(channel, req, message) {
    serdes ??= internalBinding('serdes');
    const payload = Buffer.from(serdes.serialize(message));
    const framed = Buffer.allocUnsafe(payload.length + 4);
    framed.writeUInt32BE(payload.length, 0);
    payload.copy(framed, 4);
    req.buffer = framed;  // Kept alive until an asynchronous write completes.
    return channel.writeBuffer(req, framed);
  },

  parseChannelMessages(channel, chunk) {
    serdes ??= internalBinding('serdes');
    let data = channel[kPending] ? Buffer.concat([channel[kPending], chunk]) : chunk;
    const messages = [];
    while (data.length >= 4) {
      const size = data.readUInt32BE(0);
      if (data.length < size + 4) break;
      const body = data.subarray(4, size + 4);
      const copy = new Uint8Array(size);
      copy.set(body);
      messages.push(reviveBuffers(serdes.deserialize(copy.buffer)));
      data = data.subarray(size + 4);
    }
    channel[kPending] = data.length > 0 ? Buffer.from(data) : null;
    channel.buffering = channel[kPending] !== null;
    return messages;
  },
};

// V8's serializer carries Uint8Arrays, not Buffers: a top-level Uint8Array comes back as
// a Buffer, as Node's serializer gives back Buffers.
// Differs from Node 20: Buffers nested in objects arrive as Uint8Arrays.
function reviveBuffers(value) {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return value;
}

module.exports = { json, advanced };
