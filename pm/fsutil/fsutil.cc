// POSIX helpers for pm's I/O libraries; see fsutil.h.
#include "pm/fsutil/fsutil.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

namespace skua::pm::fsutil {
namespace {

// Removes every entry below the directory open as `dir_fd`, then closes it. Works with
// directory fds rather than paths so that a deep tree does not build ever longer paths
// and a concurrent rename of a parent cannot redirect the removal.
Status RemoveContents(int dir_fd, const std::string& display_path) {
  DIR* dir = fdopendir(dir_fd);
  if (dir == nullptr) {
    int err = errno;
    close(dir_fd);
    return ErrnoStatus("opendir", display_path, err);
  }
  Status status;
  while (struct dirent* entry = readdir(dir)) {
    const char* name = entry->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
    if (unlinkat(dirfd(dir), name, 0) == 0) continue;
    if (errno != EISDIR && errno != EPERM) {
      if (errno == ENOENT) continue;
      status = ErrnoStatus("unlink", JoinPath(display_path, name), errno);
      break;
    }
    int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (child < 0) {
      status = ErrnoStatus("open", JoinPath(display_path, name), errno);
      break;
    }
    status = RemoveContents(child, JoinPath(display_path, name));
    if (!status.ok()) break;
    if (unlinkat(dirfd(dir), name, AT_REMOVEDIR) != 0 && errno != ENOENT) {
      status = ErrnoStatus("rmdir", JoinPath(display_path, name), errno);
      break;
    }
  }
  closedir(dir);
  return status;
}

// getpid(2) once per process rather than once per name (an install names a staging
// folder per package); a forked child refreshes it before it could name anything.
std::atomic<int> cached_pid{0};

void RefreshPid() { cached_pid.store(static_cast<int>(getpid()), std::memory_order_relaxed); }

int CurrentPid() {
  static const bool registered = [] {
    RefreshPid();
    pthread_atfork(nullptr, nullptr, RefreshPid);
    return true;
  }();
  (void)registered;
  return cached_pid.load(std::memory_order_relaxed);
}

}  // namespace

Status ErrnoStatus(std::string_view what, std::string_view path, int err) {
  std::string message(what);
  message += ' ';
  message += path;
  message += ": ";
  message += strerror(err);
  return IoError(std::move(message));
}

Status RemoveTree(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::Ok();
    return ErrnoStatus("lstat", path, errno);
  }
  if (!S_ISDIR(st.st_mode)) {
    if (unlink(path.c_str()) != 0 && errno != ENOENT) return ErrnoStatus("unlink", path, errno);
    return Status::Ok();
  }
  int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("open", path, errno);
  Status status = RemoveContents(fd, path);
  if (!status.ok()) return status;
  if (rmdir(path.c_str()) != 0 && errno != ENOENT) return ErrnoStatus("rmdir", path, errno);
  return Status::Ok();
}

Status MakeDirs(const std::string& path) {
  if (path.empty()) return Status::Ok();
  if (mkdir(path.c_str(), 0755) == 0) return Status::Ok();
  if (errno == EEXIST) {
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return Status::Ok();
    return ErrnoStatus("mkdir", path, ENOTDIR);
  }
  if (errno != ENOENT) return ErrnoStatus("mkdir", path, errno);
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return ErrnoStatus("mkdir", path, ENOENT);
  Status parent = MakeDirs(path.substr(0, slash));
  if (!parent.ok()) return parent;
  if (mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) return ErrnoStatus("mkdir", path, errno);
  return Status::Ok();
}

std::string UniqueName(std::string_view prefix) {
  static std::atomic<unsigned> counter{0};
  thread_local std::mt19937_64 random{std::random_device{}()};
  char buffer[64];
  snprintf(buffer, sizeof(buffer), "%d-%u-%06llx", CurrentPid(), counter.fetch_add(1),
           static_cast<unsigned long long>(random() & 0xffffff));
  return std::string(prefix) + buffer;
}

void SpreadNewFolders(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  int flags = 0;
  if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 && (flags & FS_TOPDIR_FL) == 0) {
    flags |= FS_TOPDIR_FL;
    (void)ioctl(fd, FS_IOC_SETFLAGS, &flags);
  }
  close(fd);
}

std::string JoinPath(std::string_view a, std::string_view b) {
  std::string out(a);
  if (!out.empty() && out.back() != '/') out += '/';
  while (!b.empty() && b.front() == '/') b.remove_prefix(1);
  out += b;
  return out;
}

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) != nullptr ? std::string(buf) : path;
}

std::string ExecutablePath() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  return n > 0 ? std::string(buf, n) : std::string();
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

Result<std::string> ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return NotFound("no such file: " + path);
    return ErrnoStatus("open", path, err);
  }
  // Read straight into a string sized from fstat (cached packuments run to megabytes);
  // a file that grows meanwhile is still read to its end.
  std::string data;
  struct stat st;
  size_t size = 0;
  if (fstat(fd, &st) == 0 && st.st_size > 0) size = static_cast<size_t>(st.st_size);
  data.resize(size + 1);
  size_t used = 0;
  while (true) {
    if (used == data.size()) data.resize(data.size() * 2);
    size_t wanted = data.size() - used;
    ssize_t n = read(fd, data.data() + used, wanted);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      return ErrnoStatus("read", path, err);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
    // A regular file's read comes up short only at its end: skip the read that would
    // return 0 (one system call per file; store indexes and package.json files are many).
    if (size > 0 && S_ISREG(st.st_mode) && static_cast<size_t>(n) < wanted) break;
  }
  close(fd);
  data.resize(used);
  return data;
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  std::string temp = path + UniqueName(".tmp-");
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoStatus("open", temp, errno);
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      unlink(temp.c_str());
      return ErrnoStatus("write", temp, err);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  close(fd);
  if (rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    return ErrnoStatus("rename", path, err);
  }
  return Status::Ok();
}

}  // namespace skua::pm::fsutil
