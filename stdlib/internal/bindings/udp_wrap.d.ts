// internalBinding('udp_wrap'): runtime/bindings/udp_wrap.cc. Methods return 0 or a
// negative uv error code unless noted. Addresses are IP strings (stdlib resolves names).
import type { AddressOut } from './tcp_wrap';

export interface RemoteInfo { address: string; family: 'IPv4' | 'IPv6'; port: number }

export class UDP {
  constructor();
  // nread < 0: a receive error (buffer and rinfo undefined).
  onmessage: (nread: number, handle: UDP, buffer: ArrayBuffer | undefined,
              rinfo: RemoteInfo | undefined) => void;
  onclose?: () => void;
  open(fd: number): number;
  bind(address: string, port: number, flags: number): number;
  bind6(address: string, port: number, flags: number): number;
  connect(address: string, port: number): number;
  connect6(address: string, port: number): number;
  disconnect(): number;
  // Without port/address the socket must be connected. Returns bytes + 1 when sent at
  // once; 0 when pending (req.oncomplete(status, bytes) follows); else a uv error.
  send(req: SendWrap, list: ArrayBufferView[], count: number, port?: number,
       address?: string): number;
  send6(req: SendWrap, list: ArrayBufferView[], count: number, port?: number,
        address?: string): number;
  recvStart(): number;
  recvStop(): number;
  getsockname(out: AddressOut): number;
  getpeername(out: AddressOut): number;
  addMembership(group: string, iface?: string): number;
  dropMembership(group: string, iface?: string): number;
  addSourceSpecificMembership(source: string, group: string, iface?: string): number;
  dropSourceSpecificMembership(source: string, group: string, iface?: string): number;
  setMulticastInterface(iface: string): number;
  setMulticastTTL(ttl: number): number;
  setMulticastLoopback(on: number): number;
  setBroadcast(on: number): number;
  setTTL(ttl: number): number;
  // Sets the size when size > 0; returns the current size, or undefined with ctx filled.
  bufferSize(size: number, isRecv: boolean, ctx: object): number | undefined;
  getSendQueueSize(): number;
  getSendQueueCount(): number;
  getFd(): number;
  close(callback?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}
export class SendWrap {
  oncomplete?: (status: number, bytes: number) => void;
  [key: string]: unknown;
}
export const constants: { UV_UDP_IPV6ONLY: number; UV_UDP_REUSEADDR: number };
