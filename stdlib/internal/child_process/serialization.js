'use strict';
// Message framing on an IPC channel, as Node's: 'json' writes JSON.stringify(message)
// followed by '\n'; 'advanced' writes a 4-byte big-endian length and then the V8
// serializer's bytes (structured clone). Both ends of a channel use the same mode (the
// child reads it from NODE_CHANNEL_SERIALIZATION_MODE). Typed arrays and Buffers travel
// as their own bytes with their type, so a Buffer arrives as a Buffer.

const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');

const kDecoder = Symbol('kDecoder');
const kPending = Symbol('kPending');

const json = {
  initChannel(channel) {
    channel[kDecoder] = new StringDecoder('utf8');
    channel[kPending] = '';
  },

  // `handle` (optional): a TCP/Pipe/UDP handle whose descriptor goes with the bytes.
  writeChannelMessage(channel, req, message, handle) {
    return channel.writeUtf8String(req, `${JSON.stringify(message)}\n`, handle);
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
    channel[kPending] = { chunks: [], length: 0, size: -1 };
  },

  writeChannelMessage(channel, req, message, handle) {
    serdes ??= internalBinding('serdes');
    const payload = new Uint8Array(serdes.serialize(message, Buffer.prototype));
    const framed = Buffer.allocUnsafe(payload.length + 4);
    framed.writeUInt32BE(payload.length, 0);
    framed.set(payload, 4);
    req.buffer = framed;  // Kept alive until an asynchronous write completes.
    return channel.writeBuffer(req, framed, handle);
  },

  // Chunks are only joined once a whole message has arrived (messages may be large).
  parseChannelMessages(channel, chunk) {
    serdes ??= internalBinding('serdes');
    const state = channel[kPending];
    state.chunks.push(chunk);
    state.length += chunk.length;
    const messages = [];
    for (;;) {
      if (state.size === -1) {
        if (state.length < 4) break;
        if (state.chunks[0].length < 4) state.chunks = [Buffer.concat(state.chunks)];
        state.size = state.chunks[0].readUInt32BE(0);
      }
      if (state.length < state.size + 4) break;
      const all = state.chunks.length === 1 ? state.chunks[0] :
        Buffer.concat(state.chunks, state.length);
      // deserialize() reads a whole ArrayBuffer: give it a copy of just this message.
      const body = new Uint8Array(state.size);
      body.set(all.subarray(4, state.size + 4));
      messages.push(serdes.deserialize(body.buffer, Buffer.prototype));
      const rest = all.subarray(state.size + 4);
      state.chunks = rest.length > 0 ? [rest] : [];
      state.length = rest.length;
      state.size = -1;
    }
    channel.buffering = state.length > 0;
    return messages;
  },
};

module.exports = { json, advanced };
