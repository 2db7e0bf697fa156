// The text rewriting node-semver applies to one `||` branch of a range before it parses
// comparators: hyphen ranges, operator/tilde/caret whitespace trimming, and the caret,
// tilde, x-range, star and `>=0.0.0` rewrites. node-semver's range semantics (and its
// printed form) are defined by these rewrites, so they are reproduced step by step.
// Internal to pm/semver.
#ifndef SKUA_PM_SEMVER_DESUGAR_H_
#define SKUA_PM_SEMVER_DESUGAR_H_

#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::semver::internal {

// Rewrites one trimmed branch (whitespace already collapsed to single spaces) into the
// comparator strings node-semver would hand to `new Comparator`. In loose mode, pieces
// that are not comparators are dropped (so the list may be empty); in strict mode they
// are returned and fail later.
std::vector<std::string> DesugarBranch(std::string_view branch, bool loose,
                                       bool include_prerelease);

// The individual steps, exposed for unit tests.
std::string StripBuildMetadata(std::string_view s);
std::string ReplaceHyphenRange(std::string_view s, bool loose, bool include_prerelease);
std::string TrimOperatorWhitespace(std::string_view s);
std::string TrimTildeAndCaretWhitespace(std::string_view s);
std::string DesugarComparator(std::string_view comp, bool loose, bool include_prerelease);

}  // namespace skua::pm::semver::internal

#endif  // SKUA_PM_SEMVER_DESUGAR_H_
