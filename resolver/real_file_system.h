// The operating system's filesystem for the resolver, with stat and realpath caches:
// resolution asks the same questions many times (every node_modules level, every
// extension), and Node caches realpaths for the life of the process too.
//
// Rules: not thread-safe; call ClearCaches() when files may have changed (Node's
// stat cache lives only for one top-level require, so long-lived callers should clear
// between unrelated resolutions if they create files in between).
#ifndef SKUA_RESOLVER_REAL_FILE_SYSTEM_H_
#define SKUA_RESOLVER_REAL_FILE_SYSTEM_H_

#include <string>
#include <unordered_map>

#include "resolver/file_system.h"

namespace skua::resolver {

class RealFileSystem final : public FileSystem {
 public:
  FileKind Stat(std::string_view path) override;
  Result<std::string> RealPath(std::string_view path) override;
  Result<std::string> ReadFile(std::string_view path) override;

  void ClearCaches();

 private:
  std::unordered_map<std::string, FileKind> stat_cache_;
  std::unordered_map<std::string, std::string> realpath_cache_;
};

}  // namespace skua::resolver

#endif  // SKUA_RESOLVER_REAL_FILE_SYSTEM_H_
