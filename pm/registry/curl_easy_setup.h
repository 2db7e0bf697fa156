// libcurl easy-handle settings shared by the package manager's HTTP client and the
// runtime's fetch(): TLS verification and CAs, proxy, user agent, timeouts, HTTP/2
// negotiation and content decoding; and Node's error code for a failed transfer.
//
// Rules:
//   - V8-free and thread-agnostic: callers own the easy handle and call from its thread.
//   - The strings a CurlEasySettings points at are copied by curl (CURLOPT_* string
//     options and CURL_BLOB_COPY), so they need only live during the call.
#ifndef SKUA_PM_REGISTRY_CURL_EASY_SETUP_H_
#define SKUA_PM_REGISTRY_CURL_EASY_SETUP_H_

#include <curl/curl.h>

#include <cstdint>
#include <string>

namespace skua::pm::registry {

// curl_global_init, once per process; safe from any thread. False if it failed.
bool CurlGlobalInit();

struct CurlEasySettings {
  bool strict_ssl = true;         // Verify the peer's certificate and name.
  std::string cafile;             // A CA bundle replacing the system's; "" for none.
  std::string ca_blob;            // PEM certificates used when `cafile` is empty.
  std::string user_agent;         // "" sends no User-Agent of curl's own.
  std::string proxy;              // "" connects directly; curl never reads the environment.
  int64_t timeout_ms = 0;         // Whole transfer; 0 for none.
  int64_t connect_timeout_ms = 0; // 0 for curl's default.
  bool pipewait = false;          // https only: wait to learn whether h2 can multiplex.
  std::string accept_encoding;    // Offered and decoded codings; "" decodes nothing.
  long buffer_size = 65536;       // CURLOPT_BUFFERSIZE: the largest body chunk per call.
};

// Applies `settings` to `easy` for a transfer of `url`. HTTP/2 is negotiated over TLS
// (ALPN), HTTP/1.1 is used in clear text; signals and TCP keep-alive are set as a
// long-running multi-transfer client wants them. Without `cafile` or `ca_blob`, the
// system's certificates are read from the hashed folder curl was built to use (when it
// has hashed links) rather than from its bundle: OpenSSL parses the whole bundle (about
// 140 certificates: 20-45 ms measured here, most of a cold install's first request) for
// every new connection, but looks a folder's issuers up one at a time. Both are the same
// certificates (Debian's update-ca-certificates writes both).
void ApplyCurlEasySettings(CURL* easy, const std::string& url, const CurlEasySettings& settings);

// Node's (and npm's) code for a transfer that ended with `code`: ECONNREFUSED,
// ETIMEDOUT, EHOSTUNREACH, ENETUNREACH, ENOTFOUND, ECONNRESET, EPROTO, ECAFILE,
// Z_DATA_ERROR, EMAXREDIRECT, a certificate code (CERT_HAS_EXPIRED ...), or ENETWORK.
// `easy` must still be valid (its connect errno and TLS verify result are read).
const char* CurlErrorCode(CURL* easy, CURLcode code);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_CURL_EASY_SETUP_H_
