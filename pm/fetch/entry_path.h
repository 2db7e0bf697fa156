// Path rules for tarball entries (pm-spec §2.9 items 2–3 and 8, npm/pacote semantics):
// the first path component is stripped whatever its name, `.` segments and empty segments
// collapse, and hostile paths are refused rather than repaired.
#ifndef SKUA_PM_FETCH_ENTRY_PATH_H_
#define SKUA_PM_FETCH_ENTRY_PATH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::fetch {

struct PathLimits {
  size_t max_length = 4096;  // Bytes of the sanitised relative path.
  size_t max_depth = 1024;   // Segments of the sanitised relative path.
};

// Turns a raw entry path into the relative path to write below the package root.
// Returns "" for an entry to skip silently (nothing left after stripping, e.g. the
// `package/` directory itself). Errors (InvalidArgument, message starting "ETARPATH"):
//   - absolute paths (`/x`, `//x`) and Windows drive or UNC forms (`C:x`, `C:\x`, `\\h\x`),
//   - any `..` segment (the segment, not the substring: `a..b.js` is fine),
//   - NUL bytes, and paths over the limits.
// Differs from npm: node-tar strips absolute prefixes and warns; skua refuses the tarball,
// because no packed npm tarball contains one and a hostile tarball should not install.
// `\` is an ordinary filename character on POSIX (confusing it with `/` was
// CVE-2021-37701), so it is not a separator here.
Result<std::string> SanitizeEntryPath(std::string_view raw, const PathLimits& limits);

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_ENTRY_PATH_H_
