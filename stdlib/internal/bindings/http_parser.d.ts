// The `http_parser` binding (runtime/bindings/http_parser.cc): Node's HTTPParser over
// llhttp. Callbacks are stored on the parser object under the numeric k* indices.

export interface ParseError extends Error {
  code: string;         // 'HPE_*', e.g. 'HPE_INVALID_METHOD', 'HPE_HEADER_OVERFLOW'.
  reason: string;
  bytesParsed: number;
}

export class HTTPParser {
  static REQUEST: 1;
  static RESPONSE: 2;
  static kOnMessageBegin: 0;
  static kOnHeaders: 1;
  static kOnHeadersComplete: 2;
  static kOnBody: 3;
  static kOnMessageComplete: 4;
  static kOnExecute: 5;  // Never called (no consume()).
  static kOnTimeout: 6;  // Never called (timeouts are checked in JS).
  static kLenientNone: 0;
  static kLenientHeaders: 1;
  static kLenientChunkedLength: 2;
  static kLenientKeepAlive: 4;
  static kLenientTransferEncoding: 8;
  static kLenientAll: 15;

  // maxHeaderSize 0 means 16 KiB; `resource` is accepted and ignored.
  initialize(type: 1 | 2, resource: unknown, maxHeaderSize?: number, lenient?: number): void;
  // Bytes consumed (after an upgrade: up to the end of the head), or a ParseError.
  // Throws what a callback threw.
  execute(data: ArrayBufferView): number | ParseError;
  finish(): undefined | ParseError;
  pause(): void;
  resume(): void;
  // The server's timeout bookkeeping, kept by the parser: milliseconds since the current
  // message's first byte (-1 between messages), whether its head is complete, and
  // setActive(true) to start the clock for a new connection (false: stop it).
  activeAge(): number;
  headersCompleted(): boolean;
  setActive(active: boolean): void;
  close(): void;
  free(): void;
  remove(): void;

  [0]?: () => void;
  [1]?: (headers: string[], url: string) => void;
  // Returns 0, 1 (no body: HEAD, 304, 1xx) or 2 (no body, then stop: upgrade/CONNECT).
  [2]?: (versionMajor: number, versionMinor: number, headers: string[], method?: number,
         url?: string, statusCode?: number, statusMessage?: string, upgrade: boolean,
         shouldKeepAlive: boolean) => number | undefined;
  [3]?: (chunk: Buffer) => void;  // A view of execute()'s argument, not a copy.
  [4]?: () => void;
}

// HTTP methods and HTTP+RTSP methods, indexed by llhttp's method number.
export const methods: string[];
export const allMethods: string[];
// FastBuffer, used to make kOnBody's views; called once by internal/http/common.
export function setBufferConstructor(ctor: Function): void;
