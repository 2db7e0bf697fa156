// RealFileSystem: stat(2), realpath(3) and read(2), cached.
#include "resolver/real_file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace skua::resolver {

FileKind RealFileSystem::Stat(std::string_view path) {
  std::string key(path);
  auto found = stat_cache_.find(key);
  if (found != stat_cache_.end()) return found->second;
  struct stat st;
  FileKind kind = FileKind::kMissing;
  if (::stat(key.c_str(), &st) == 0) {
    kind = S_ISDIR(st.st_mode) ? FileKind::kDirectory : FileKind::kFile;
  }
  stat_cache_.emplace(std::move(key), kind);
  return kind;
}

Result<std::string> RealFileSystem::RealPath(std::string_view path) {
  std::string key(path);
  auto found = realpath_cache_.find(key);
  if (found != realpath_cache_.end()) return found->second;
  char buf[PATH_MAX];
  if (::realpath(key.c_str(), buf) == nullptr) {
    return NotFound("realpath " + key + ": " + std::strerror(errno));
  }
  std::string real(buf);
  realpath_cache_.emplace(std::move(key), real);
  return real;
}

Result<std::string> RealFileSystem::ReadFile(std::string_view path) {
  std::string name(path);
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int error = errno;
    std::string message = "open " + name + ": " + std::strerror(error);
    return error == ENOENT || error == ENOTDIR ? NotFound(message) : IoError(message);
  }
  std::string data;
  char buf[16384];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      // Reading a directory fails with EISDIR: Node treats that as "no package.json".
      std::string message = "read " + name + ": " + std::strerror(errno);
      ::close(fd);
      return IoError(message);
    }
    if (n == 0) break;
    data.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return data;
}

void RealFileSystem::ClearCaches() {
  stat_cache_.clear();
  realpath_cache_.clear();
}

}  // namespace skua::resolver
