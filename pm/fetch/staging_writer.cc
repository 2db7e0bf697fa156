// Staging-directory writer for the extractor; see staging_writer.h.
#include "pm/fetch/staging_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::fetch::internal {
namespace {

Status Conflict(const std::string& rel, const char* why) {
  return InvalidArgument("entry \"" + rel + "\" " + why);
}

}  // namespace

Result<std::unique_ptr<StagingWriter>> StagingWriter::Create(const std::string& root) {
  if (mkdir(root.c_str(), 0755) != 0) return fsutil::ErrnoStatus("mkdir", root, errno);
  int fd = open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    rmdir(root.c_str());
    return fsutil::ErrnoStatus("open", root, err);
  }
  return std::unique_ptr<StagingWriter>(new StagingWriter(fd, root));
}

StagingWriter::~StagingWriter() { close(root_fd_); }

Status StagingWriter::EnsureParents(const std::string& rel) {
  size_t slash = rel.find('/');
  while (slash != std::string::npos) {
    std::string dir = rel.substr(0, slash);
    if (dirs_.count(dir) == 0) {
      if (mkdirat(root_fd_, dir.c_str(), 0755) != 0) {
        if (errno != EEXIST) return fsutil::ErrnoStatus("mkdir", fsutil::JoinPath(root_, dir), errno);
        struct stat st;
        if (fstatat(root_fd_, dir.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) {
          return Conflict(rel, "needs a directory where an earlier entry is a file");
        }
      }
      dirs_.insert(std::move(dir));
    }
    slash = rel.find('/', slash + 1);
  }
  return Status::Ok();
}

Result<int> StagingWriter::OpenFile(const std::string& rel, mode_t mode) {
  Status parents = EnsureParents(rel);
  if (!parents.ok()) return parents;
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  int fd = openat(root_fd_, rel.c_str(), kFlags, mode);
  if (fd < 0 && errno == EEXIST) {
    if (dirs_.count(rel) != 0) return Conflict(rel, "is a file where an earlier entry made a directory");
    if (unlinkat(root_fd_, rel.c_str(), 0) != 0) {
      return fsutil::ErrnoStatus("unlink", fsutil::JoinPath(root_, rel), errno);
    }
    fd = openat(root_fd_, rel.c_str(), kFlags, mode);
  }
  if (fd < 0) return fsutil::ErrnoStatus("open", fsutil::JoinPath(root_, rel), errno);
  return fd;
}

}  // namespace skua::pm::fetch::internal
