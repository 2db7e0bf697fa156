// Where skua keeps its per-user cache (the package store lives below it).
#ifndef SKUA_PM_STORE_CACHE_DIR_H_
#define SKUA_PM_STORE_CACHE_DIR_H_

#include <functional>
#include <string>

#include "base/status.h"

namespace skua::pm::store {

using GetEnv = std::function<const char*(const char*)>;

// The cache folder, first match wins:
//   1. `option` (a command-line `--cache` value) when not empty;
//   2. $SKUA_CACHE_DIR;
//   3. $XDG_CACHE_HOME/skua (XDG Base Directory spec; ignored unless absolute);
//   4. $HOME/.cache/skua.
// NotFound when none applies (no HOME). `getenv` is injectable for tests.
Result<std::string> ResolveCacheDir(const std::string& option, const GetEnv& getenv);

}  // namespace skua::pm::store

#endif  // SKUA_PM_STORE_CACHE_DIR_H_
