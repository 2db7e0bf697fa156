// curl results to npm-style network errors.
#include "pm/registry/curl_errors.h"

#include <cerrno>

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

namespace {

// Node's names for the OpenSSL verification failures users meet most.
const char* CertificateCode(long verify_result) {
  switch (verify_result) {
    case 2: return "UNABLE_TO_GET_ISSUER_CERT";
    case 10: return "CERT_HAS_EXPIRED";
    case 18: return "DEPTH_ZERO_SELF_SIGNED_CERT";
    case 19: return "SELF_SIGNED_CERT_IN_CHAIN";
    case 20: return "UNABLE_TO_GET_ISSUER_CERT_LOCALLY";
    case 21: return "UNABLE_TO_VERIFY_LEAF_SIGNATURE";
    default: return "ERR_TLS_CERT_ALTNAME_INVALID";
  }
}

}  // namespace

Status CurlTransferError(CURL* easy, CURLcode code, const std::string& url,
                         const char* error_buffer, bool aborted, int64_t timeout_ms) {
  std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  if (aborted) return NetworkError("EABORTED", url, "the response body's consumer stopped");
  switch (code) {
    case CURLE_COULDNT_CONNECT: {
      long os_errno = 0;
      curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno);
      const char* name = os_errno == ETIMEDOUT      ? "ETIMEDOUT"
                         : os_errno == EHOSTUNREACH ? "EHOSTUNREACH"
                         : os_errno == ENETUNREACH  ? "ENETUNREACH"
                                                    : "ECONNREFUSED";
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
      return NetworkError("ETIMEDOUT", url,
                          "network timeout after " + std::to_string(timeout_ms) + " ms (" +
                              detail + ")");
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return NetworkError("ENOTFOUND", url, "getaddrinfo ENOTFOUND (" + detail + ")");
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return NetworkError("ECONNRESET", url, detail);
    case CURLE_PEER_FAILED_VERIFICATION: {
      long verify = 0;
      curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &verify);
      return NetworkError(CertificateCode(verify), url, detail);
    }
    case CURLE_SSL_CONNECT_ERROR:
      return NetworkError("EPROTO", url, detail);
    case CURLE_SSL_CACERT_BADFILE:
      return NetworkError("ECAFILE", url, detail);
    case CURLE_BAD_CONTENT_ENCODING:
      return NetworkError("Z_DATA_ERROR", url, detail);
    case CURLE_TOO_MANY_REDIRECTS:
      return NetworkError("EMAXREDIRECT", url, detail);
    default:
      return NetworkError("ENETWORK", url, detail);
  }
}

}  // namespace skua::pm::registry
