// internalBinding('stream_wrap') and the StreamBase methods every stream handle (TCP, Pipe,
// TTY) has. C++: runtime/core/stream_base.{h,cc}, runtime/bindings/stream_wrap.cc.

/** A request object for a write; `oncomplete` runs only when the write went async. */
export class WriteWrap {
  handle: StreamHandle;
  oncomplete(status: number, handle: StreamHandle, error: undefined): void;
  [key: string]: unknown;  // stdlib keeps buffer/chunks/callback on it.
}
export class ShutdownWrap {
  handle: StreamHandle;
  oncomplete(status: number, handle: StreamHandle, error: undefined): void;
  [key: string]: unknown;
}
/** After each write: [kBytesWritten] bytes queued, [kLastWriteWasAsync] 1 if uv_write. */
export const streamBaseState: Float64Array;
export const kBytesWritten: number;
export const kLastWriteWasAsync: number;

export interface StreamHandle {
  /** nread > 0 with a fresh ArrayBuffer of nread bytes; < 0 (UV_EOF or error) without.
   *  On an IPC pipe, `pending` lists the types of descriptors that came with the read
   *  (accept each with Pipe#acceptHandle). */
  onread: (nread: number, buffer: ArrayBuffer | undefined,
           pending?: Array<'TCP' | 'Pipe' | 'UDP'>) => void;
  readStart(): number;
  readStop(): number;
  shutdown(req: ShutdownWrap): number;
  /** sendHandle (IPC pipes only): a TCP, Pipe or UDP handle whose descriptor is sent. */
  writeBuffer(req: WriteWrap, data: ArrayBufferView, sendHandle?: object): number;
  /** chunks: views when allBuffers is true or absent, else [chunk, encoding, ...] with
   * strings in 'utf8' or 'latin1' (also 'binary', 'ascii') and views as 'buffer'. */
  writev(req: WriteWrap, chunks: Array<ArrayBufferView | string>, allBuffers?: boolean): number;
  writeUtf8String(req: WriteWrap, data: string, sendHandle?: object): number;
  writeLatin1String(req: WriteWrap, data: string): number;
  writeAsciiString(req: WriteWrap, data: string): number;
  writeUcs2String(req: WriteWrap, data: string): number;
  setBlocking(blocking: boolean): number;
  readonly bytesRead: number;
  readonly bytesWritten: number;
  readonly fd: number;
  readonly writeQueueSize: number;
  readonly isStreamBase: true;
  close(callback?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}
