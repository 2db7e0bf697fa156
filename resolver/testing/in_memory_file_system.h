// An in-memory filesystem for resolver tests: files, directories and symlinks, built
// with a few calls (AddFile creates parent directories). Symlinks are followed the way
// the kernel does, so realpath results can be checked without touching the disk.
#ifndef SKUA_RESOLVER_TESTING_IN_MEMORY_FILE_SYSTEM_H_
#define SKUA_RESOLVER_TESTING_IN_MEMORY_FILE_SYSTEM_H_

#include <map>
#include <string>

#include "resolver/file_system.h"

namespace skua::resolver::testing {

class InMemoryFileSystem final : public FileSystem {
 public:
  InMemoryFileSystem();

  // Adds a file (and its parent directories); `contents` default to empty.
  void AddFile(const std::string& path, std::string contents = "");
  void AddDirectory(const std::string& path);
  // `path` → `target`; a relative target is relative to the link's directory.
  void AddSymlink(const std::string& path, const std::string& target);

  FileKind Stat(std::string_view path) override;
  Result<std::string> RealPath(std::string_view path) override;
  Result<std::string> ReadFile(std::string_view path) override;

  // How many Stat/ReadFile calls were made, for cache tests.
  int stat_calls() const { return stat_calls_; }
  int read_calls() const { return read_calls_; }

 private:
  struct Node {
    FileKind kind = FileKind::kFile;
    bool symlink = false;
    std::string data;  // File contents, or the symlink target.
  };
  // Follows symlinks in every component; empty when the path does not exist.
  std::string Canonical(std::string_view path, int depth = 0) const;

  std::map<std::string, Node> nodes_;
  int stat_calls_ = 0;
  int read_calls_ = 0;
};

}  // namespace skua::resolver::testing

#endif  // SKUA_RESOLVER_TESTING_IN_MEMORY_FILE_SYSTEM_H_
