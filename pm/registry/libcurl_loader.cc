// Forwarders for the curl functions skua calls, to libcurl.so.4 opened with dlopen the
// first time one of them runs (see libcurl_loader.h for why). curl_global_init reports a
// library that cannot be opened as CURLE_FAILED_INIT; every other forwarder runs only
// after a successful load and CHECKs it.
#include "pm/registry/libcurl_loader.h"

#include <curl/curl.h>

#include <cstdarg>
#include <string>

#include "base/check.h"
#include "base/shared_library.h"

#define SKUA_PM_CURL_FUNCTIONS(V) \
  V(curl_global_init)             \
  V(curl_getdate)                 \
  V(curl_easy_init)               \
  V(curl_easy_setopt)             \
  V(curl_easy_getinfo)            \
  V(curl_easy_pause)              \
  V(curl_easy_reset)              \
  V(curl_easy_cleanup)            \
  V(curl_easy_strerror)           \
  V(curl_multi_init)              \
  V(curl_multi_setopt)            \
  V(curl_multi_add_handle)        \
  V(curl_multi_remove_handle)     \
  V(curl_multi_assign)            \
  V(curl_multi_socket_action)     \
  V(curl_multi_perform)           \
  V(curl_multi_poll)              \
  V(curl_multi_wakeup)            \
  V(curl_multi_info_read)         \
  V(curl_multi_strerror)          \
  V(curl_multi_cleanup)           \
  V(curl_share_init)              \
  V(curl_share_setopt)            \
  V(curl_share_cleanup)           \
  V(curl_slist_append)            \
  V(curl_slist_free_all)          \
  V(curl_version_info)

namespace skua::pm::registry {
namespace {

struct CurlApi {
#define SKUA_PM_FIELD(name) decltype(&::name) name = nullptr;
  SKUA_PM_CURL_FUNCTIONS(SKUA_PM_FIELD)
#undef SKUA_PM_FIELD
  std::string error;  // Empty once every function was found.
  bool loaded() const { return error.empty(); }
};

// Opened once, on the first call from any thread (a function-local static).
const CurlApi& Library() {
  static const CurlApi api = [] {
    CurlApi a;
#define SKUA_PM_SYMBOL(name) SKUA_SHARED_LIBRARY_SYMBOL(a, name)
    a.error = OpenSharedLibrary("libcurl.so.4", {SKUA_PM_CURL_FUNCTIONS(SKUA_PM_SYMBOL)});
#undef SKUA_PM_SYMBOL
    return a;
  }();
  return api;
}

const CurlApi& Curl() {
  const CurlApi& api = Library();
  CHECK(api.loaded());
  return api;
}

}  // namespace

bool LoadLibcurl(std::string* error) {
  const CurlApi& api = Library();
  if (!api.loaded()) *error = api.error;
  return api.loaded();
}

}  // namespace skua::pm::registry

using skua::pm::registry::Curl;

// The variadic setters take one argument whose type the option number encodes (curl.h's
// CURLOPTTYPE_* ranges); pointers of either kind travel as void*, which the x86-64 and
// AArch64 calling conventions pass like any other pointer.
extern "C" {

CURLcode curl_global_init(long flags) {
  const auto& api = skua::pm::registry::Library();
  if (!api.loaded()) return CURLE_FAILED_INIT;
  return api.curl_global_init(flags);
}
time_t curl_getdate(const char* text, const time_t* unused) {
  return Curl().curl_getdate(text, unused);
}
CURL* curl_easy_init() { return Curl().curl_easy_init(); }
curl_version_info_data* curl_version_info(CURLversion age) { return Curl().curl_version_info(age); }

CURLcode curl_easy_setopt(CURL* easy, CURLoption option, ...) {
  va_list args;
  va_start(args, option);
  CURLcode result;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    result = Curl().curl_easy_setopt(easy, option, va_arg(args, long));
  } else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
    result = Curl().curl_easy_setopt(easy, option, va_arg(args, curl_off_t));
  } else {
    result = Curl().curl_easy_setopt(easy, option, va_arg(args, void*));
  }
  va_end(args);
  return result;
}

CURLcode curl_easy_getinfo(CURL* easy, CURLINFO info, ...) {
  va_list args;
  va_start(args, info);
  CURLcode result = Curl().curl_easy_getinfo(easy, info, va_arg(args, void*));
  va_end(args);
  return result;
}

CURLcode curl_easy_pause(CURL* easy, int bitmask) { return Curl().curl_easy_pause(easy, bitmask); }
void curl_easy_reset(CURL* easy) { Curl().curl_easy_reset(easy); }
void curl_easy_cleanup(CURL* easy) { Curl().curl_easy_cleanup(easy); }
const char* curl_easy_strerror(CURLcode code) { return Curl().curl_easy_strerror(code); }
CURLM* curl_multi_init() { return Curl().curl_multi_init(); }

CURLMcode curl_multi_setopt(CURLM* multi, CURLMoption option, ...) {
  va_list args;
  va_start(args, option);
  CURLMcode result;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    result = Curl().curl_multi_setopt(multi, option, va_arg(args, long));
  } else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
    result = Curl().curl_multi_setopt(multi, option, va_arg(args, curl_off_t));
  } else {
    result = Curl().curl_multi_setopt(multi, option, va_arg(args, void*));
  }
  va_end(args);
  return result;
}

CURLMcode curl_multi_add_handle(CURLM* multi, CURL* easy) {
  return Curl().curl_multi_add_handle(multi, easy);
}
CURLMcode curl_multi_remove_handle(CURLM* multi, CURL* easy) {
  return Curl().curl_multi_remove_handle(multi, easy);
}
CURLMcode curl_multi_assign(CURLM* multi, curl_socket_t fd, void* data) {
  return Curl().curl_multi_assign(multi, fd, data);
}
CURLMcode curl_multi_socket_action(CURLM* multi, curl_socket_t fd, int mask, int* running) {
  return Curl().curl_multi_socket_action(multi, fd, mask, running);
}
CURLMcode curl_multi_perform(CURLM* multi, int* running) {
  return Curl().curl_multi_perform(multi, running);
}
CURLMcode curl_multi_poll(CURLM* multi, curl_waitfd* extra, unsigned int extra_count,
                          int timeout_ms, int* ret) {
  return Curl().curl_multi_poll(multi, extra, extra_count, timeout_ms, ret);
}
CURLMcode curl_multi_wakeup(CURLM* multi) { return Curl().curl_multi_wakeup(multi); }
CURLMsg* curl_multi_info_read(CURLM* multi, int* left) {
  return Curl().curl_multi_info_read(multi, left);
}
const char* curl_multi_strerror(CURLMcode code) { return Curl().curl_multi_strerror(code); }
CURLMcode curl_multi_cleanup(CURLM* multi) { return Curl().curl_multi_cleanup(multi); }
CURLSH* curl_share_init() { return Curl().curl_share_init(); }

CURLSHcode curl_share_setopt(CURLSH* share, CURLSHoption option, ...) {
  va_list args;
  va_start(args, option);
  CURLSHcode result;
  if (option == CURLSHOPT_SHARE || option == CURLSHOPT_UNSHARE) {
    result = Curl().curl_share_setopt(share, option, va_arg(args, int));
  } else {
    result = Curl().curl_share_setopt(share, option, va_arg(args, void*));
  }
  va_end(args);
  return result;
}

CURLSHcode curl_share_cleanup(CURLSH* share) { return Curl().curl_share_cleanup(share); }
curl_slist* curl_slist_append(curl_slist* list, const char* text) {
  return Curl().curl_slist_append(list, text);
}
void curl_slist_free_all(curl_slist* list) { Curl().curl_slist_free_all(list); }

}  // extern "C"
