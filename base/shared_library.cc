#include "base/shared_library.h"

#include <dlfcn.h>

namespace skua {

std::string OpenSharedLibrary(const char* soname,
                              std::initializer_list<SharedLibrarySymbol> symbols) {
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return why != nullptr ? why : std::string("cannot open ") + soname;
  }
  for (const SharedLibrarySymbol& symbol : symbols) {
    *symbol.slot = dlsym(handle, symbol.name);
    if (*symbol.slot == nullptr) return std::string(soname) + " lacks " + symbol.name;
  }
  return "";
}

}  // namespace skua
