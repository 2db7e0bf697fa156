// internalBinding('cares_wrap'): runtime/bindings/cares_wrap.cc (getaddrinfo/getnameinfo on
// libuv's thread pool) and cares_wrap_channel.cc / cares_wrap_query.cc (c-ares).

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

/** A pending c-ares query. status is 0 or Node's code ('ENOTFOUND', 'EBADRESP', ...);
 *  ttls is set for queryA/queryAaaa. */
export class QueryReqWrap {
  oncomplete(status: 0 | string, result?: unknown, ttls?: number[]): void;
  [key: string]: unknown;
}
/** One c-ares channel (a Resolver's `_handle`); timeoutMs -1 means c-ares's default. */
export class ChannelWrap {
  constructor(timeoutMs: number, tries: number);
  /** Each returns 0; the outcome reaches req.oncomplete on a later loop turn. */
  queryAny(req: QueryReqWrap, name: string): 0;
  queryA(req: QueryReqWrap, name: string): 0;
  queryAaaa(req: QueryReqWrap, name: string): 0;
  queryCaa(req: QueryReqWrap, name: string): 0;
  queryCname(req: QueryReqWrap, name: string): 0;
  queryMx(req: QueryReqWrap, name: string): 0;
  queryNs(req: QueryReqWrap, name: string): 0;
  queryTxt(req: QueryReqWrap, name: string): 0;
  querySrv(req: QueryReqWrap, name: string): 0;
  queryPtr(req: QueryReqWrap, name: string): 0;
  queryNaptr(req: QueryReqWrap, name: string): 0;
  querySoa(req: QueryReqWrap, name: string): 0;
  /** 0, or a negative uv error when ip is not an IP address. */
  getHostByAddr(req: QueryReqWrap, ip: string): number;
  getServers(): Array<[ip: string, port: number]>;
  /** 0 or an ares status; -1000 while queries are pending. */
  setServers(servers: Array<[family: 4 | 6, ip: string, port: number]>): number;
  /** Validated by JS: at most one IPv4 and one IPv6 address. */
  setLocalAddress(ipv4: string | undefined, ipv6: string | undefined): void;
  /** Fails every pending query with ECANCELLED. */
  cancel(): void;
}
/** c-ares's message for an ares status (or -1000: "There are pending queries."). */
export function strerror(status: number): string;
