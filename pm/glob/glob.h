// The parts of minimatch that npm's workspace globs (map-workspaces) and its pack file
// list (npm-packlist) share: brace expansion and matching one path segment.
#ifndef SKUA_PM_GLOB_GLOB_H_
#define SKUA_PM_GLOB_GLOB_H_

#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::glob {

// "x/{a,b}/y" -> {"x/a/y", "x/b/y"}, nested braces too; a pattern without a complete
// brace group comes back alone.
std::vector<std::string> ExpandBraces(const std::string& pattern);

// True when `segment` holds `*`, `?` or `[`.
bool HasMagic(std::string_view segment);

struct SegmentOptions {
  bool ignore_case = false;
  // minimatch's `dot`: without it, a name starting with "." matches only a pattern that
  // starts with "." too.
  bool dot = false;
};

// One path segment against one pattern segment (no "/" in either): `*`, `?`, `[a-z]`,
// `[!x]`/`[^x]` and `\` escapes. A pattern with magic never matches an empty name.
bool MatchSegment(std::string_view pattern, std::string_view name, SegmentOptions options = {});

}  // namespace skua::pm::glob

#endif  // SKUA_PM_GLOB_GLOB_H_
