// Shared libcurl easy-handle configuration and error naming (see the header).
#include "pm/registry/curl_easy_setup.h"

#include <cerrno>
#include <mutex>

#include "base/hashed_ca_folder.h"

namespace skua::pm::registry {

bool CurlGlobalInit() {
  static std::once_flag init;
  static CURLcode result = CURLE_OK;
  std::call_once(init, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result == CURLE_OK;
}

namespace {

// curl's built-in CA folder when it holds hashed links, else "" (keep curl's bundle).
const std::string& SystemCaPath() {
  static const std::string path = [] {
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    if (info == nullptr || info->age < CURLVERSION_SEVENTH || info->capath == nullptr) return std::string();
    std::string dir = info->capath;
    return HasHashedCaLinks(dir) ? dir : std::string();
  }();
  return path;
}

}  // namespace

void ApplyCurlEasySettings(CURL* e, const std::string& url, const CurlEasySettings& s) {
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(e, CURLOPT_BUFFERSIZE, s.buffer_size);
  if (s.timeout_ms > 0) curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(s.timeout_ms));
  if (s.connect_timeout_ms > 0) {
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(s.connect_timeout_ms));
  }
  // An explicit (possibly empty) proxy: curl must not consult the environment itself,
  // since npm's rules for it (config/auth.h's ProxyFor) differ from curl's, and Node's
  // fetch uses no proxy unless told.
  curl_easy_setopt(e, CURLOPT_PROXY, s.proxy.c_str());
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  if (s.pipewait && url.starts_with("https:")) curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, s.strict_ssl ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, s.strict_ssl ? 2L : 0L);
  if (!s.cafile.empty()) {
    curl_easy_setopt(e, CURLOPT_CAINFO, s.cafile.c_str());
  } else if (!s.ca_blob.empty()) {
    curl_blob blob{const_cast<char*>(s.ca_blob.data()), s.ca_blob.size(), CURL_BLOB_COPY};
    curl_easy_setopt(e, CURLOPT_CAINFO_BLOB, &blob);
  } else if (s.strict_ssl && !SystemCaPath().empty()) {
    curl_easy_setopt(e, CURLOPT_CAINFO, static_cast<const char*>(nullptr));
    curl_easy_setopt(e, CURLOPT_CAPATH, SystemCaPath().c_str());
  }
  if (!s.user_agent.empty()) curl_easy_setopt(e, CURLOPT_USERAGENT, s.user_agent.c_str());
  if (!s.accept_encoding.empty()) {
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, s.accept_encoding.c_str());
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

const char* CurlErrorCode(CURL* easy, CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT: {
      long os_errno = 0;
      curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_errno);
      return os_errno == ETIMEDOUT      ? "ETIMEDOUT"
             : os_errno == EHOSTUNREACH ? "EHOSTUNREACH"
             : os_errno == ENETUNREACH  ? "ENETUNREACH"
                                        : "ECONNREFUSED";
    }
    case CURLE_OPERATION_TIMEDOUT:
      return "ETIMEDOUT";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "ENOTFOUND";
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return "ECONNRESET";
    case CURLE_PEER_FAILED_VERIFICATION: {
      long verify = 0;
      curl_easy_getinfo(easy, CURLINFO_SSL_VERIFYRESULT, &verify);
      return CertificateCode(verify);
    }
    case CURLE_SSL_CONNECT_ERROR:
      return "EPROTO";
    case CURLE_SSL_CACERT_BADFILE:
      return "ECAFILE";
    case CURLE_BAD_CONTENT_ENCODING:
      return "Z_DATA_ERROR";
    case CURLE_TOO_MANY_REDIRECTS:
      return "EMAXREDIRECT";
    default:
      return "ENETWORK";
  }
}

}  // namespace skua::pm::registry
