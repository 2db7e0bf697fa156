// POSIX file-system helpers for the package manager's I/O libraries: errno as a Status,
// recursive removal that never follows symlinks, parent-directory creation, and unique
// sibling names for staging directories. All functions are thread-safe and never print.
#ifndef SKUA_PM_FSUTIL_FSUTIL_H_
#define SKUA_PM_FSUTIL_FSUTIL_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::fsutil {

// An IoError "<what> <path>: <strerror(err)>" (e.g. "open /x/y: Permission denied").
Status ErrnoStatus(std::string_view what, std::string_view path, int err);

// Removes `path` and everything below it. Symlinks are removed, never followed. A missing
// `path` is success.
Status RemoveTree(const std::string& path);

// Creates `path` and its missing parents with mode 0755 (before umask). An existing
// directory is success.
Status MakeDirs(const std::string& path);

// Asks the file system to spread the folders created in `dir` over its free space, as it
// does for folders made at its root (ext4's "top of directory hierarchy" flag, chattr +T):
// without it, ext4 puts every new folder, and the files in it, in its parent's block
// group, where each allocation passes over the inodes freed there in the last minutes.
// Best effort: file systems without the flag ignore it.
void SpreadNewFolders(const std::string& dir);

// A name unlikely to collide with any other process's or thread's: `prefix` followed by
// pid and a per-process counter and random bits, e.g. ".staging-1234-7-9f3a".
std::string UniqueName(std::string_view prefix);

// Joins two path pieces with exactly one '/'.
std::string JoinPath(std::string_view a, std::string_view b);

// `path` with symlinks, "." and ".." resolved (realpath(3)) when it exists, else as given.
std::string RealPath(const std::string& path);

// The running executable's path (/proc/self/exe); "" when it cannot be read.
std::string ExecutablePath();

// True when `path` exists (lstat succeeds).
bool Exists(const std::string& path);

// Reads a whole (small) file.
Result<std::string> ReadFile(const std::string& path);

// Writes `data` to `path` through a temporary sibling and rename(2), so readers see
// either the old content or the new, never a partial file. No fsync (see pm-spec §3.1).
Status WriteFileAtomic(const std::string& path, std::string_view data);

}  // namespace skua::pm::fsutil

#endif  // SKUA_PM_FSUTIL_FSUTIL_H_
