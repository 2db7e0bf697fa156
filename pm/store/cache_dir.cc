// Cache folder resolution; see cache_dir.h.
#include "pm/store/cache_dir.h"

#include "pm/fsutil/fsutil.h"

namespace skua::pm::store {

Result<std::string> ResolveCacheDir(const std::string& option, const GetEnv& getenv) {
  if (!option.empty()) return option;
  const char* skua = getenv("SKUA_CACHE_DIR");
  if (skua != nullptr && skua[0] != '\0') return std::string(skua);
  const char* xdg = getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return fsutil::JoinPath(xdg, "skua");
  const char* home = getenv("HOME");
  if (home != nullptr && home[0] != '\0') return fsutil::JoinPath(home, ".cache/skua");
  return NotFound("cannot find a cache folder: set SKUA_CACHE_DIR or HOME");
}

}  // namespace skua::pm::store
