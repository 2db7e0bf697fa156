// String order as npm sorts lockfile keys and package names: JavaScript's
// `a.localeCompare(b, 'en')` under Node's ICU (pm-spec §2.7.4), not byte order.
#ifndef SKUA_PM_LOCKFILE_COLLATE_H_
#define SKUA_PM_LOCKFILE_COLLATE_H_

#include <string_view>

namespace skua::pm::lockfile {

// <0, 0 or >0 as `a.localeCompare(b, 'en')`. Exact for ASCII: punctuation is
// non-ignorable and sorts before digits, digits before letters, letters compare
// case-insensitively first and then lowercase before uppercase, position by position;
// control characters are ignored. Non-ASCII code points sort after every ASCII character,
// by code point.
// TODO(compat): ICU's primary weights for accented and non-Latin letters.
int LocaleCompare(std::string_view a, std::string_view b);

// LocaleCompare(a, b) < 0, for std::sort.
struct LocaleLess {
  bool operator()(std::string_view a, std::string_view b) const { return LocaleCompare(a, b) < 0; }
};

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_COLLATE_H_
