// libcurl, opened on first use. Neither libskua_pm.so nor libskua_runtime.so links
// libcurl: it and its ~25 dependent libraries, all bound at load time, would cost every
// install (even one answered from the cache) and every runtime start several million
// instructions in the dynamic loader. Instead libcurl_loader.cc defines the curl
// functions skua calls (curl_easy_setopt ...) as forwarders to libcurl.so.4, opened with
// dlopen (RTLD_LOCAL) the first time one runs. Each of the two shared libraries links its
// own copy of the forwarders.
//
// Rules:
//   - Nothing that links this may depend on //third_party:libcurl (that would link it).
//   - Call LoadLibcurl() (or curl_global_init, which fails with CURLE_FAILED_INIT) before
//     any other curl function; after a failed load they CHECK.
//   - Thread-safe: the load happens once.
#ifndef SKUA_PM_REGISTRY_LIBCURL_LOADER_H_
#define SKUA_PM_REGISTRY_LIBCURL_LOADER_H_

#include <string>

namespace skua::pm::registry {

// Opens libcurl.so.4 and resolves the functions skua uses. On failure returns false and
// sets `error` (dlerror's message, or the missing function).
bool LoadLibcurl(std::string* error);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_LIBCURL_LOADER_H_
