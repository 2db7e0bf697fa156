// internalBinding('http2'): runtime/bindings/http2.cc, an nghttp2 session driven by
// stdlib/internal/http2/core.js. The binding never touches a socket: JS feeds it the
// bytes read (receive), writes what send() returns, and drains takeEvents().

// Headers going out: flat [name, value, flags, ...]; flags 1 = never index (sensitive).
type OutHeaders = Array<string | number>;

export class Http2Session {
  // type: 0 server, 1 client.
  constructor(type: number, maxHeaderListPairs: number, maxReservedRemoteStreams: number);
  receive(bytes: ArrayBufferView): number;  // Bytes consumed or a negative nghttp2 error.
  send(): Uint8Array | number | undefined;  // Bytes to write, an error, or nothing.
  // Six slots per event: type, stream id, a, b, c, payload. Types: 1 headers (a = category,
  // b = frame flags, payload = [name, value, ...]), 2 data (payload bytes), 3 stream end,
  // 4 stream close (a = error code), 5 settings (a = ack), 6 ping (a = ack, payload),
  // 7 goaway (a = code, b = last stream id, payload = opaque data), 8 rst_stream (a = code),
  // 9 priority (a = parent, b = weight, c = exclusive), 10 wantTrailers,
  // 11 frame not sent (a = type, b = error), 12 invalid frame, 13 push promise
  // (a = promised id, payload = headers), 14 frame sent (a = type, b = flags, c = code).
  takeEvents(): Array<number | string[] | Uint8Array | undefined> | undefined;
  settings(idValuePairs: number[]): number;
  ping(payload: ArrayBufferView | undefined): number;
  goaway(code: number, lastStreamId: number, opaqueData?: ArrayBufferView): number;
  request(headers: OutHeaders, endStream: boolean, weight: number, parent: number,
          exclusive: boolean): number;  // The new stream id or a negative error.
  respond(stream: number, headers: OutHeaders, endStream: boolean): number;
  headers(stream: number, headers: OutHeaders, endStream: boolean): number;
  trailers(stream: number, headers: OutHeaders): number;
  write(stream: number, bytes: ArrayBufferView | undefined, end: boolean,
        wantTrailers: boolean): number;
  rstStream(stream: number, code: number): number;
  priority(stream: number, parent: number, weight: number, exclusive: boolean): number;
  pushPromise(parent: number, headers: OutHeaders): number;
  setNextStreamId(id: number): number;
  setLocalWindowSize(size: number): number;
  // [effectiveLocalWindowSize, effectiveRecvDataLength, nextStreamID, localWindowSize,
  //  lastProcStreamID, remoteWindowSize, outboundQueueSize, deflateDynamicTableSize,
  //  inflateDynamicTableSize, wantRead, wantWrite]
  state(): number[];
  // [state, weight, sumDependencyWeight, localClose, remoteClose, localWindowSize]
  streamState(stream: number): number[] | undefined;
  settingsOf(remote: boolean): number[];  // Settings 1..6 and 8, in that order.
  destroy(): void;
}

export function errorString(code: number): string;
