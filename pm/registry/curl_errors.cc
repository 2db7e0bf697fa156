// curl results to npm-style network errors.
#include "pm/registry/curl_errors.h"

#include "pm/registry/curl_easy_setup.h"
#include "pm/registry/http_errors.h"

namespace skua::pm::registry {

bool IsRetriableCurlCode(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

Status CurlTransferError(CURL* easy, CURLcode code, const std::string& url,
                         const char* error_buffer, bool aborted, int64_t timeout_ms) {
  std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  if (aborted) return NetworkError("EABORTED", url, "the response body's consumer stopped");
  const char* name = CurlErrorCode(easy, code);
  switch (code) {
    case CURLE_COULDNT_CONNECT: {
      char* ip = nullptr;
      long port = 0;
      curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip);
      curl_easy_getinfo(easy, CURLINFO_PRIMARY_PORT, &port);
      if (ip != nullptr && ip[0] != '\0') {
        detail = std::string("connect ") + name + " " + ip + ":" + std::to_string(port);
      }
      return NetworkError(name, url, detail);
    }
    case CURLE_OPERATION_TIMEDOUT:
      return NetworkError(name, url,
                          "network timeout after " + std::to_string(timeout_ms) + " ms (" +
                              detail + ")");
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return NetworkError(name, url, "getaddrinfo ENOTFOUND (" + detail + ")");
    default:
      return NetworkError(name, url, detail);
  }
}

}  // namespace skua::pm::registry
