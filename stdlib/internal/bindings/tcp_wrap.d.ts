// internalBinding('tcp_wrap'): runtime/bindings/tcp_wrap.cc. Methods return 0 or a
// negative uv error code.
import type { StreamHandle } from './stream_wrap';

export interface AddressOut { address?: string; family?: 'IPv4' | 'IPv6'; port?: number }

export class TCP implements StreamHandle {
  constructor(type: number);  // constants.SOCKET or constants.SERVER
  onconnection: (status: number, client: TCP | undefined) => void;
  open(fd: number): number;
  bind(address: string, port: number): number;
  bind6(address: string, port: number, flags: number): number;
  listen(backlog: number): number;
  connect(req: TCPConnectWrap, address: string, port: number): number;
  connect6(req: TCPConnectWrap, address: string, port: number): number;
  getsockname(out: AddressOut): number;
  getpeername(out: AddressOut): number;
  setNoDelay(enable: boolean): number;
  setKeepAlive(enable: boolean, delaySeconds: number): number;
}
export interface TCP extends StreamHandle {}
export class TCPConnectWrap {
  oncomplete(status: number, handle: TCP, req: TCPConnectWrap, readable: boolean,
             writable: boolean): void;
  [key: string]: unknown;
}
export const constants: { SOCKET: 0; SERVER: 1; UV_TCP_IPV6ONLY: number };
