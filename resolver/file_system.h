// The filesystem as the resolver sees it: three questions (what is at a path, where does
// it really live, what does it contain). Tests pass resolver/testing's in-memory tree; the
// runtime and `skua resolve` pass RealFileSystem, which caches.
#ifndef SKUA_RESOLVER_FILE_SYSTEM_H_
#define SKUA_RESOLVER_FILE_SYSTEM_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::resolver {

enum class FileKind { kMissing, kFile, kDirectory };

// Paths are absolute POSIX paths. Implementations follow symlinks in Stat and ReadFile,
// as stat(2) and open(2) do; only RealPath reveals them.
class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // What `path` names after following symlinks; anything unreadable counts as missing,
  // as Node's internalModuleStat does.
  virtual FileKind Stat(std::string_view path) = 0;

  // The canonical path (symlinks and `.`/`..` resolved); kNotFound when it does not exist.
  virtual Result<std::string> RealPath(std::string_view path) = 0;

  // The whole file; kNotFound when missing, kIoError when it cannot be read.
  virtual Result<std::string> ReadFile(std::string_view path) = 0;
};

}  // namespace skua::resolver

#endif  // SKUA_RESOLVER_FILE_SYSTEM_H_
