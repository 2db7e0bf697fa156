// Forwarders from the curl API to libcurl.so.4 opened on first use (see the header).
#include "runtime/bindings/libcurl_loader.h"

#include <curl/curl.h>
#include <dlfcn.h>

#include <cstdarg>

#include "base/check.h"

#define SKUA_CURL_FUNCTIONS(V) \
  V(curl_global_init)          \
  V(curl_easy_init)            \
  V(curl_easy_setopt)          \
  V(curl_easy_getinfo)         \
  V(curl_easy_pause)           \
  V(curl_easy_reset)           \
  V(curl_easy_cleanup)         \
  V(curl_easy_strerror)        \
  V(curl_multi_init)           \
  V(curl_multi_setopt)         \
  V(curl_multi_add_handle)     \
  V(curl_multi_remove_handle)  \
  V(curl_multi_assign)         \
  V(curl_multi_socket_action)  \
  V(curl_multi_info_read)      \
  V(curl_multi_cleanup)        \
  V(curl_share_init)           \
  V(curl_share_setopt)         \
  V(curl_share_cleanup)        \
  V(curl_slist_append)         \
  V(curl_slist_free_all)

namespace skua::fetch_curl {
namespace {

struct Api {
#define SKUA_FIELD(name) decltype(&::name) name = nullptr;
  SKUA_CURL_FUNCTIONS(SKUA_FIELD)
#undef SKUA_FIELD
  std::string error;
};

const Api& Library() {
  static const Api api = [] {
    Api a;
    // Local: our forwarders keep the global names, libcurl's own stay private to it.
    void* handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      a.error = dlerror();
      return a;
    }
#define SKUA_LOAD(name)                                                    \
  a.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));      \
  if (a.name == nullptr && a.error.empty()) a.error = "libcurl.so.4 lacks " #name;
    SKUA_CURL_FUNCTIONS(SKUA_LOAD)
#undef SKUA_LOAD
    return a;
  }();
  return api;
}

const Api& Curl() {
  const Api& api = Library();
  CHECK(api.error.empty());
  return api;
}

}  // namespace

bool LoadLibcurl(std::string* error) {
  const Api& api = Library();
  if (!api.error.empty()) *error = api.error;
  return api.error.empty();
}

}  // namespace skua::fetch_curl

using skua::fetch_curl::Curl;

// The variadic setters take one argument whose type the option number encodes (curl.h's
// CURLOPTTYPE_* ranges). Object and function pointers travel as void*: the same 8-byte
// register class on the ABIs skua builds for.
extern "C" {

CURLcode curl_global_init(long flags) { return Curl().curl_global_init(flags); }
CURL* curl_easy_init() { return Curl().curl_easy_init(); }

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
CURLMsg* curl_multi_info_read(CURLM* multi, int* left) {
  return Curl().curl_multi_info_read(multi, left);
}
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
