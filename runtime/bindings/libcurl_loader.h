// libcurl for the runtime, loaded on first use. libskua_runtime.so does not link
// libcurl: its ~25 dependent libraries would cost every start-up several million
// instructions in the dynamic loader, for programs that mostly never fetch. Instead
// libcurl_loader.cc defines the curl functions the runtime calls (curl_easy_setopt ...)
// as forwarders to libcurl.so.4, opened with dlopen the first time one is called.
//
// Rules:
//   - Call LoadLibcurl() before any curl function; if it fails, no curl function may be
//     called (they CHECK).
//   - Thread-safe (the load happens once).
#ifndef SKUA_RUNTIME_BINDINGS_LIBCURL_LOADER_H_
#define SKUA_RUNTIME_BINDINGS_LIBCURL_LOADER_H_

#include <string>

namespace skua::fetch_curl {

// Opens libcurl.so.4 and resolves the functions the runtime uses. On failure returns
// false and sets `error` (dlerror's message).
bool LoadLibcurl(std::string* error);

}  // namespace skua::fetch_curl

#endif  // SKUA_RUNTIME_BINDINGS_LIBCURL_LOADER_H_
