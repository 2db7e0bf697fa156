// Store → node_modules materialisation; see materializer.h.
#include "pm/link/materializer.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <unordered_set>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::link {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int OpenDir(const std::string& path) {
  return open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

// Creates the parent directories of `rel` below `dir_fd`, remembering what exists (as
// views of the index's paths, which outlive the fill; `buffer` holds the one asked for).
Status MakeParents(int dir_fd, std::string_view rel, std::unordered_set<std::string_view>* made,
                   std::string* buffer, const std::string& display_root) {
  for (size_t slash = rel.find('/'); slash != std::string_view::npos; slash = rel.find('/', slash + 1)) {
    std::string_view dir = rel.substr(0, slash);
    if (made->count(dir) != 0) continue;
    buffer->assign(dir);
    if (mkdirat(dir_fd, buffer->c_str(), 0755) != 0 && errno != EEXIST) {
      return fsutil::ErrnoStatus("mkdir", fsutil::JoinPath(display_root, dir), errno);
    }
    made->insert(dir);
  }
  return Status::Ok();
}

// mkdir(2) of `dir`, creating its parents when they are missing.
Status MakeDir(const std::string& dir, const std::string& parent) {
  if (mkdir(dir.c_str(), 0755) == 0) return Status::Ok();
  if (errno != ENOENT) return fsutil::ErrnoStatus("mkdir", dir, errno);
  Status made = fsutil::MakeDirs(parent);
  if (!made.ok()) return made;
  if (mkdir(dir.c_str(), 0755) == 0) return Status::Ok();
  return fsutil::ErrnoStatus("mkdir", dir, errno);
}

}  // namespace

Status CopyFileAt(int src_dir, const std::string& src_name, int dst_dir,
                  const std::string& dst_name, uint32_t mode) {
  Fd in(openat(src_dir, src_name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (in.get() < 0) return fsutil::ErrnoStatus("open", src_name, errno);
  Fd out(openat(dst_dir, dst_name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                mode));
  if (out.get() < 0) return fsutil::ErrnoStatus("open", dst_name, errno);
  bool plain = false;
  char buffer[65536];
  while (true) {
    ssize_t n;
    if (!plain) {
      n = copy_file_range(in.get(), nullptr, out.get(), nullptr, 1 << 30, 0);
      if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP)) {
        plain = true;
        continue;
      }
    } else {
      n = read(in.get(), buffer, sizeof(buffer));
      if (n > 0) {
        for (ssize_t done = 0; done < n;) {
          ssize_t w = write(out.get(), buffer + done, static_cast<size_t>(n - done));
          if (w < 0 && errno != EINTR) return fsutil::ErrnoStatus("write", dst_name, errno);
          if (w > 0) done += w;
        }
      }
    }
    if (n == 0) break;
    if (n < 0 && errno != EINTR) return fsutil::ErrnoStatus("copy", src_name, errno);
  }
  return Status::Ok();
}

Status Materializer::PlaceFile(int src_dir, int dst_dir, const store::IndexedFile& file,
                               bool copy, const std::string& src_root) {
  const char* path = file.path.c_str();
  if (!copy && !cross_device_.load(std::memory_order_relaxed)) {
    if (linkat(src_dir, path, dst_dir, path, 0) == 0) {
      linked_.fetch_add(1, std::memory_order_relaxed);
      return Status::Ok();
    }
    if (errno == ENOENT) {
      return NotFound("store entry " + src_root + " is damaged: " + file.path + " is missing");
    }
    if (errno == EXDEV) cross_device_.store(true, std::memory_order_relaxed);
    // EMLINK (link count limit), EPERM (no hard links on this file system): copy this one.
    if (errno != EXDEV && errno != EMLINK && errno != EPERM) {
      return fsutil::ErrnoStatus("link", fsutil::JoinPath(src_root, file.path), errno);
    }
  }
  struct stat st;
  if (fstatat(src_dir, path, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<uint64_t>(st.st_size) != file.size) {
    return NotFound("store entry " + src_root + " is damaged: " + file.path +
                    " is missing or has the wrong size");
  }
  Status status = CopyFileAt(src_dir, file.path, dst_dir, file.path, file.mode);
  if (status.ok()) copied_.fetch_add(1, std::memory_order_relaxed);
  return status;
}

// Links (or copies) every file of `index` into the folder `dir`, package.json last.
Status Materializer::Fill(const std::string& package_dir, const store::PackageIndex& index,
                          const std::string& dir, bool copy) {
  Fd src(OpenDir(package_dir));
  if (src.get() < 0) {
    return errno == ENOENT ? NotFound("store entry " + package_dir + " is missing")
                           : fsutil::ErrnoStatus("open", package_dir, errno);
  }
  Fd dst(OpenDir(dir));
  if (dst.get() < 0) return fsutil::ErrnoStatus("open", dir, errno);
  std::unordered_set<std::string_view> made;
  std::string buffer;
  const store::IndexedFile* package_json = nullptr;
  Status status;
  for (size_t i = 0; status.ok() && i < index.files.size(); ++i) {
    const store::IndexedFile& file = index.files[i];
    if (file.path == "package.json") {
      package_json = &file;  // Written last: its presence marks a complete folder.
      continue;
    }
    status = MakeParents(dst.get(), file.path, &made, &buffer, dir);
    if (status.ok()) status = PlaceFile(src.get(), dst.get(), file, copy, package_dir);
  }
  if (status.ok() && package_json != nullptr) {
    status = PlaceFile(src.get(), dst.get(), *package_json, copy, package_dir);
  }
  return status;
}

// One folder at a time: packages are mostly siblings, and a mkdir holds the parent's lock
// while ext4 looks for a free inode (long after many deletions, when it passes over
// recently freed ones); the other threads spun on that lock, burning the core the
// resolver needs. This mutex makes them sleep instead.
Status Materializer::MakePackageDir(const std::string& dir, const std::string& parent) {
  std::lock_guard<std::mutex> lock(create_mutex_);
  return MakeDir(dir, parent);
}

Status Materializer::Materialize(const std::string& package_dir, const store::PackageIndex& index,
                                 const std::string& dest, LinkMode mode_override,
                                 bool* replaced) {
  if (replaced != nullptr) *replaced = false;
  bool copy = mode_ == LinkMode::kCopy || mode_override == LinkMode::kCopy;
  size_t slash = dest.find_last_of('/');
  std::string parent = slash == std::string::npos ? "." : dest.substr(0, slash);
  std::string base = dest.substr(slash + 1);
  if (in_place_ && MakePackageDir(dest, parent).ok()) {
    Status status = Fill(package_dir, index, dest, copy);
    if (!status.ok()) {
      Status removed = fsutil::RemoveTree(dest);
      (void)removed;  // Report the original failure.
    }
    return status;
  }
  std::string staging = fsutil::JoinPath(parent, fsutil::UniqueName(std::string(kStagingPrefix) + base + "-"));
  // The parent usually exists (it holds the package's siblings): create it only when the
  // staging folder cannot be made.
  Status status = MakePackageDir(staging, parent);
  if (!status.ok()) return status;
  status = Fill(package_dir, index, staging, copy);
  if (status.ok()) {
    // A fresh install has no `dest`: one rename that refuses to replace anything.
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE) == 0) {
      return Status::Ok();
    }
    // Swap atomically when `dest` exists; the old folder ends up at the staging name.
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dest.c_str(), RENAME_EXCHANGE) == 0) {
      if (replaced != nullptr) *replaced = true;
      return fsutil::RemoveTree(staging);
    }
    if (errno == ENOENT) {
      if (rename(staging.c_str(), dest.c_str()) == 0) return Status::Ok();
      status = fsutil::ErrnoStatus("rename", dest, errno);
    } else if (errno == EINVAL || errno == ENOSYS) {
      // No RENAME_EXCHANGE here: retire the old folder, then move the new one in.
      std::string retired = fsutil::JoinPath(parent, fsutil::UniqueName(std::string(kRetiredPrefix) + base + "-"));
      if (rename(dest.c_str(), retired.c_str()) != 0) {
        status = fsutil::ErrnoStatus("rename", dest, errno);
      } else if (rename(staging.c_str(), dest.c_str()) != 0) {
        status = fsutil::ErrnoStatus("rename", dest, errno);
        rename(retired.c_str(), dest.c_str());
      } else {
        if (replaced != nullptr) *replaced = true;
        return fsutil::RemoveTree(retired);
      }
    } else {
      status = fsutil::ErrnoStatus("rename", dest, errno);
    }
  }
  Status removed = fsutil::RemoveTree(staging);
  (void)removed;  // Report the original failure.
  return status;
}

}  // namespace skua::pm::link
