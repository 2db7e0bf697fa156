// The no-op fast path (pm-spec §2.12): `node_modules/.skua/state` records a hash of what
// an install read (package.json, package-lock.json, the hidden lockfile, the built list,
// configuration, platform, the skua executable and libskua_pm.so) and the mtimes of the
// folders that hold package folders (every node_modules and @scope directory the install
// filled). When the hash and every mtime still match, `skua install` has nothing to do
// and stops before parsing the lockfile. Removing or adding a package folder changes its
// parent folder's mtime, removing or adding a file at a package's top level the package
// folder's (npm's assertNoNewer checks both); editing files inside a package changes
// neither.
#ifndef SKUA_PM_CLI_STAMP_H_
#define SKUA_PM_CLI_STAMP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::cli {

// Accumulates the hashed inputs; each part is length-prefixed, so ("ab","c") != ("a","bc").
class StampKey {
 public:
  void Add(std::string_view part);
  // A file's bytes, or a marker for a missing file.
  void AddFile(const std::string& path);
  std::string Hex() const;  // A 128-bit non-cryptographic hash of everything added.

 private:
  // Hashes as it goes: the parts (two lockfiles of ~1 MB each) are never concatenated.
  void Feed(const char* p, size_t n);
  void Mix(uint64_t word);

  uint64_t a_ = 0x9e3779b97f4a7c15ULL, b_ = 0x243f6a8885a308d3ULL, total_ = 0;
  char pending_[8] = {};  // Bytes of an incomplete 8-byte word.
  size_t pending_size_ = 0;
};

// True when `<project>/node_modules/.skua/state` exists: one stat, before the key (which
// reads and hashes the lockfiles) is worth computing.
bool StampPresent(const std::string& project_dir);

// True when `<project>/node_modules/.skua/state` holds `key` and every recorded folder
// still has its recorded mtime.
bool StampUpToDate(const std::string& project_dir, const std::string& key);

// Records `key` and the mtimes of `folders` (project-relative; missing ones are skipped).
// Creates node_modules/.skua first, so the recorded node_modules mtime is the final one.
Status WriteStamp(const std::string& project_dir, const std::string& key,
                  const std::vector<std::string>& folders);

// Removes the stamp (an install is about to change node_modules).
void RemoveStamp(const std::string& project_dir);

// The package folders at `locations` and the folders holding them
// ("node_modules/a/node_modules/@s/b" gives itself, "node_modules/a/node_modules/@s" and
// "node_modules/a/node_modules"), plus "node_modules".
std::vector<std::string> StampFolders(const std::vector<std::string>& locations);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_STAMP_H_
