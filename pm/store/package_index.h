// The `index` file of a store entry: which files the extracted package has, with mode and
// size, plus the tarball's integrity. It is written last, before the entry is renamed into
// place, so its presence marks a complete entry; it ends with a count line so a damaged
// file is detected. Later installs read it instead of walking the directory.
//
// Format (text, one record per line):
//   skua-store-index 1
//   integrity sha512-<base64>
//   f <octal mode> <size> <path>      (repeated; '%', CR and LF in paths are %-escaped)
//   end <number of f lines>
#ifndef SKUA_PM_STORE_PACKAGE_INDEX_H_
#define SKUA_PM_STORE_PACKAGE_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::store {

struct IndexedFile {
  std::string path;  // Relative to the package root.
  uint32_t mode;     // 0644 or 0755.
  uint64_t size;

  bool operator==(const IndexedFile&) const = default;
};

struct PackageIndex {
  std::string integrity;
  std::vector<IndexedFile> files;  // Sorted by path.

  bool operator==(const PackageIndex&) const = default;
};

std::string SerializeIndex(const PackageIndex& index);

// InvalidArgument when `text` is not a complete index (truncated, edited, other version).
Result<PackageIndex> ParseIndex(std::string_view text);

}  // namespace skua::pm::store

#endif  // SKUA_PM_STORE_PACKAGE_INDEX_H_
