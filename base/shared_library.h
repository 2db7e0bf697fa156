// Opening a shared library on first use and resolving the functions a caller forwards to
// (pm's libcurl, libarchive and libcrypto loaders). One place for dlopen/dlsym and their
// error text.
#ifndef SKUA_BASE_SHARED_LIBRARY_H_
#define SKUA_BASE_SHARED_LIBRARY_H_

#include <initializer_list>
#include <string>

namespace skua {

// One function to resolve: its name and where to store its address.
struct SharedLibrarySymbol {
  const char* name;
  void** slot;
};

// Opens `soname` with RTLD_NOW | RTLD_LOCAL (its own names stay private to it) and stores
// each symbol's address. Returns "" on success, else dlerror's message or
// "<soname> lacks <name>" for the first missing function. The handle is never closed.
std::string OpenSharedLibrary(const char* soname,
                              std::initializer_list<SharedLibrarySymbol> symbols);

}  // namespace skua

// For an X-macro list of function names: `{"name", &api.name}` entries for
// OpenSharedLibrary, where `api` has a field of each function's pointer type.
#define SKUA_SHARED_LIBRARY_SYMBOL(api, name) {#name, reinterpret_cast<void**>(&(api).name)},

#endif  // SKUA_BASE_SHARED_LIBRARY_H_
