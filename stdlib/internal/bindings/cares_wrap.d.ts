// internalBinding('cares_wrap'): runtime/bindings/cares_wrap.cc. Only the libuv
// (getaddrinfo/getnameinfo) half exists; the c-ares resolver does not yet.

export class GetAddrInfoReqWrap {
  oncomplete(status: number, addresses: string[]): void;
  [key: string]: unknown;
}
export class GetNameInfoReqWrap {
  oncomplete(status: number, hostname?: string, service?: string): void;
  [key: string]: unknown;
}
/** family 0, 4 or 6; hints AI_* flags; order DNS_ORDER_*. Returns 0 or a uv error. */
export function getaddrinfo(req: GetAddrInfoReqWrap, hostname: string, family: number,
                            hints: number, order: number): number;
export function getnameinfo(req: GetNameInfoReqWrap, ip: string, port: number): number;
export const AI_ADDRCONFIG: number;
export const AI_ALL: number;
export const AI_V4MAPPED: number;
export const DNS_ORDER_VERBATIM: 0;
export const DNS_ORDER_IPV4_FIRST: 1;
export const DNS_ORDER_IPV6_FIRST: 2;
