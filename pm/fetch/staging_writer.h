// Writes extracted files below one staging directory through a directory fd, so every
// path is resolved relative to the staging root and never through a symlink: the writer
// never creates links, the final component is opened with O_NOFOLLOW, and the staging
// directory is new and private to this extraction, so no intermediate component can be a
// link either (the CVE-2021-32803 "replace a dir with a symlink" race cannot arise).
#ifndef SKUA_PM_FETCH_STAGING_WRITER_H_
#define SKUA_PM_FETCH_STAGING_WRITER_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "base/status.h"

namespace skua::pm::fetch::internal {

// Rules: owns the root directory fd (closed in the destructor); single-threaded.
class StagingWriter {
 public:
  // Creates `root`, which must not exist yet; its parent must.
  static Result<std::unique_ptr<StagingWriter>> Create(const std::string& root);
  ~StagingWriter();
  StagingWriter(const StagingWriter&) = delete;
  StagingWriter& operator=(const StagingWriter&) = delete;

  // Opens the sanitised relative path `rel` for writing with `mode` (umask applies, as
  // for npm), creating parent directories (0755). A file already at `rel` (a duplicate
  // tar entry) is replaced: later entries win, as in tar. A directory at `rel`, or a
  // file where a parent directory is needed, is an InvalidArgument error (the caller
  // adds the package and code). The caller closes the fd.
  Result<int> OpenFile(const std::string& rel, mode_t mode);

  const std::string& root() const { return root_; }

 private:
  StagingWriter(int fd, std::string root) : root_fd_(fd), root_(std::move(root)) {}
  Status EnsureParents(const std::string& rel);

  int root_fd_;
  std::string root_;
  std::unordered_set<std::string> dirs_;  // Relative directories known to exist.
};

}  // namespace skua::pm::fetch::internal

#endif  // SKUA_PM_FETCH_STAGING_WRITER_H_
