// The `fetch_curl` binding (runtime/bindings/fetch_curl.cc): HTTP transfers on the realm's
// libcurl multi handle, driven by the event loop, for internal/fetch/fetch.js. Pooled
// keep-alive connections; HTTP/2 over TLS when the server offers it (ALPN), multiplexed.
// curl never follows redirects here. Every callback runs with the Transfer as `this`,
// from the loop (never from inside a Transfer method).

// Registers the callbacks of every Transfer of this realm, and the certificates of
// NODE_EXTRA_CA_CERTS (trusted for https besides curl's default bundle); call once.
export function setup(
  // The final response's head (1xx responses are skipped). `fields` alternates names and
  // values as received; `httpVersion` is 1 or 2.
  onHeaders: (status: number, statusText: string, fields: string[], httpVersion: 1 | 2) => void,
  // A part of the (decoded) body, in a fresh ArrayBuffer.
  onData: (chunk: ArrayBuffer) => void,
  // The request body queue went below 64 KiB after write() returned false.
  onDrain: () => void,
  // The end: all undefined after a complete response; otherwise a Node-style code
  // (ECONNREFUSED, ENOTFOUND, ECONNRESET, ETIMEDOUT, EPROTO, a TLS certificate code ...),
  // curl's message, and the peer address when known ('' and 0 otherwise).
  onDone: (code?: string, detail?: string, ip?: string, port?: number) => void,
  extraCaPem: string | null,
): void;

export class Transfer {
  // headers: "Name: value" lines ("Name;" sends an empty value, "Name:" removes a header
  // curl would add). bodyLength: -2 no body, -1 unknown length (chunked on HTTP/1.1),
  // otherwise the length; the body is then given with write() and end().
  // acceptEncoding: the codings offered and decoded ("" decodes nothing).
  start(url: string, method: string, headers: string[], bodyLength: number,
        strictSsl: boolean, acceptEncoding: string): void;
  // Queues request body bytes (copied); false asks the caller to wait for onDrain.
  write(chunk: ArrayBufferView): boolean;
  end(): void;
  // Stops delivering onData (and, once 1 MiB is buffered, reading) until resume(). A
  // paused transfer does not keep the event loop alive.
  pause(): void;
  resume(): void;
  // Ends the transfer at once, closing its connection if it was in use; no onDone follows.
  abort(): void;
}
