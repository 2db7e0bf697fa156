// internalBinding('zlib'): runtime/bindings/zlib.cc (Zlib, crc32, constants),
// zlib_brotli.cc (BrotliEncoder, BrotliDecoder), zlib_stream.cc (the shared methods),
// zlib_oneshot.cc (oneShot).

// Methods every compression handle has. write() runs on the thread pool and calls the
// init() callback with `this` = the handle; writeSync() runs at once. Both leave
// [availOutAfter, availInAfter] in the init() writeState array, or call
// onerror(message, errno, code) instead.
export interface CompressionHandle {
  onerror: (message: string, errno: number, code: string) => void;
  write(flush: number, input: ArrayBufferView | null | undefined, inOff: number,
        inLen: number, out: ArrayBufferView, outOff: number, outLen: number): void;
  writeSync(flush: number, input: ArrayBufferView | null | undefined, inOff: number,
            inLen: number, out: ArrayBufferView, outOff: number, outLen: number): void;
  close(): void;  // Deferred until a pending write completes.
  reset(): void;
  [key: string | symbol]: unknown;
}

export class Zlib implements CompressionHandle {
  constructor(mode: number);  // constants.DEFLATE ... constants.UNZIP
  // False when zlib refuses the parameters or the dictionary.
  init(windowBits: number, level: number, memLevel: number, strategy: number,
       writeState: Uint32Array, processCallback: () => void,
       dictionary: ArrayBufferView | undefined): boolean;
  params(level: number, strategy: number): void;
}
export interface Zlib extends CompressionHandle {}

// params: indexed by BROTLI_PARAM_* / BROTLI_DECODER_PARAM_*, 0xFFFFFFFF for unset.
export class BrotliEncoder implements CompressionHandle {
  constructor(mode: number);
  init(params: Uint32Array, writeState: Uint32Array, processCallback: () => void): boolean;
}
export interface BrotliEncoder extends CompressionHandle {}
export class BrotliDecoder implements CompressionHandle {
  constructor(mode: number);
  init(params: Uint32Array, writeState: Uint32Array, processCallback: () => void): boolean;
}
export interface BrotliDecoder extends CompressionHandle {}

export function crc32(data: ArrayBufferView, value: number): number;
// The whole-buffer forms over libdeflate: mode DEFLATE ... UNZIP, level -1..9. The output,
// or undefined when zlib must run instead (bad input, output past maxOutputLength).
// With a callback, runs on the thread pool and passes the same value to it.
export function oneShot(mode: number, level: number, input: ArrayBufferView,
                        maxOutputLength: number): ArrayBuffer | undefined;
export function oneShot(mode: number, level: number, input: ArrayBufferView,
                        maxOutputLength: number,
                        callback: (result: ArrayBuffer | undefined) => void): void;
// Z_*, ZLIB_VERNUM, the modes (DEFLATE ... BROTLI_ENCODE) and BROTLI_*.
export const constants: Record<string, number>;
