'use strict';
// `stream/consumers`: read a whole stream (Node stream, web ReadableStream or async
// iterable) into a Buffer, ArrayBuffer, string, parsed JSON or Blob.

// Everything the stream yields goes into a Blob (non-byte chunks as their string form).
async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const { Blob } = require('buffer');
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  return (await blob(stream)).arrayBuffer();
}

async function buffer(stream) {
  return require('buffer').Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  // Decode incrementally so multi-byte characters split across chunks survive.
  const decoder = new TextDecoder();
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += decoder.decode(chunk, { stream: true });
  }
  str += decoder.decode(undefined, { stream: false });
  return str;
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
