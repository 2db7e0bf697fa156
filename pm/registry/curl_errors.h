// Turning a failed curl transfer into npm's error codes and wording (ECONNREFUSED,
// ETIMEDOUT, ENOTFOUND, ECONNRESET, Node's certificate codes), and which failures npm
// retries. Internal to pm/registry's HTTP client.
#ifndef SKUA_PM_REGISTRY_CURL_ERRORS_H_
#define SKUA_PM_REGISTRY_CURL_ERRORS_H_

#include <curl/curl.h>

#include <cstdint>
#include <string>

#include "base/status.h"

namespace skua::pm::registry {

// Connection refused/reset, timeouts and broken HTTP/2 streams: make-fetch-happen's
// RETRY_ERRORS. Name-resolution and TLS failures are not retried, as in npm.
bool IsRetriableCurlCode(CURLcode code);

// The Status for a transfer that ended with `code`. `easy` is still valid (getinfo);
// `error_buffer` is its CURLOPT_ERRORBUFFER; `aborted` means the sink stopped it.
Status CurlTransferError(CURL* easy, CURLcode code, const std::string& url,
                         const char* error_buffer, bool aborted, int64_t timeout_ms);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_CURL_ERRORS_H_
