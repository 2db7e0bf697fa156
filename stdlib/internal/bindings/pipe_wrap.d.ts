// internalBinding('pipe_wrap'): runtime/bindings/pipe_wrap.cc. Methods return 0 or a
// negative uv error code; connect() reports failures through the request.
import type { StreamHandle } from './stream_wrap';

export class Pipe {
  constructor(type: number);  // constants.SOCKET, SERVER or IPC
  onconnection: (status: number, client: Pipe | undefined) => void;
  open(fd: number): number;
  bind(path: string): number;
  listen(backlog: number): number;
  connect(req: PipeConnectWrap, path: string): number;
  fchmod(mode: number): number;
  /** IPC pipes: moves the next received descriptor into `handle` (new, of its type). */
  acceptHandle(handle: object): number;
}
export interface Pipe extends StreamHandle {}
export class PipeConnectWrap {
  oncomplete(status: number, handle: Pipe, req: PipeConnectWrap, readable: boolean,
             writable: boolean): void;
  [key: string]: unknown;
}
export const constants: { SOCKET: 0; SERVER: 1; IPC: 2; UV_READABLE: number; UV_WRITABLE: number };
