// Package bins (pm-spec §2.10): reading `bin` / `directories.bin` from package.json into
// validated (name, target) pairs, and linking them into node_modules/.bin as relative
// symlinks with the target made executable. Shebang lines are left as published.
#ifndef SKUA_PM_LINK_BIN_LINKS_H_
#define SKUA_PM_LINK_BIN_LINKS_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/status.h"

namespace skua::pm::link {

struct BinEntry {
  std::string name;    // A safe single path component: the command name.
  std::string target;  // Relative to the package root, never escaping it.

  bool operator==(const BinEntry&) const = default;
};

// Reads the bins of a package.json. `bin` may be a string (named after the package name
// without its scope), an object, or an array (keyed by basename); without `bin`, every
// file below `directories.bin` in `package_files` (skipping dot-names) is a bin keyed by
// its basename. Names are reduced to a basename (`\` and `:` count as separators) and
// dropped when empty, `.`, `..`, starting with `@`, or containing NUL (pnpm
// CVE-2026-23890, GHSA-4gxm-v5v7-fqc4). Targets are resolved as if rooted at `/`, so
// `../../x` becomes `x`. Sorted by name; a repeated name keeps its first value.
// InvalidArgument only when the JSON itself is malformed.
Result<std::vector<BinEntry>> ReadBins(std::string_view package_json,
                                       const std::vector<std::string>& package_files);

// Bins linked during one install. npm resolves a name claimed by two packages by letting
// the first one linked in the run win; callers link packages in (depth, path) order so
// the shallower package wins deterministically. Not thread-safe.
class BinLinker {
 public:
  struct Outcome {
    std::vector<std::string> linked;
    std::vector<std::string> skipped_missing;   // Target file does not exist.
    std::vector<std::string> skipped_conflict;  // Name already linked in this run.
  };

  // Links every bin of the package at `package_dir`, which must be inside the
  // node_modules folder that holds `bin_dir` (`<node_modules>/.bin`). An existing
  // `.bin/<name>` from an earlier install is replaced atomically.
  Result<Outcome> Link(const std::string& bin_dir, const std::string& package_dir,
                       const std::vector<BinEntry>& bins);

 private:
  std::unordered_set<std::string> linked_;  // bin_dir + '\0' + name.
  std::unordered_set<std::string> made_dirs_;  // .bin folders known to exist.
};

}  // namespace skua::pm::link

#endif  // SKUA_PM_LINK_BIN_LINKS_H_
