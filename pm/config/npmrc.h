// Reading the text of one .npmrc file as npm 11 does: the `ini` package's line syntax
// (comments, `key[]` arrays, quoting, escapes) and @npmcli/config's `${VAR}` expansion.
// Type coercion and precedence live in config.h; this file only turns text into entries.
#ifndef SKUA_PM_CONFIG_NPMRC_H_
#define SKUA_PM_CONFIG_NPMRC_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::config {

// The process environment as a map. Tests pass explicit maps; the CLI passes
// EnvironmentFromProcess().
using Environment = std::map<std::string, std::string>;

Environment EnvironmentFromProcess();

// One key of a file. `values` has one element unless `is_list` (the key was written
// `key[]`). A key with no `=` gets the value "true", as ini gives it `true`.
struct IniEntry {
  std::string key;
  std::vector<std::string> values;
  bool is_list = false;
};

// Parses ini text as the `ini` package (v4/v5) does for npm:
//   - lines are split on CR and LF; blank lines and lines whose first non-blank
//     character is `;` or `#` are skipped;
//   - `[section]` headers start a section; keys inside a section are not top-level
//     configuration, so they are dropped (npm never reads them);
//   - `key = value`: both sides trimmed; a value in double quotes is JSON-decoded, one in
//     single quotes has them stripped; otherwise `;` or `#` starts a comment unless
//     escaped with `\`, and `\;`, `\#`, `\\` unescape;
//   - `key[] = v` appends to a list; a later plain `key = v` replaces the earlier value;
//   - a `__proto__` key is ignored.
// Entries keep the order of first appearance.
std::vector<IniEntry> ParseIni(std::string_view text);

// @npmcli/config's env-replace: `${NAME}` becomes env[NAME]; unset leaves `${NAME}` as
// written, and `${NAME?}` becomes "" when unset. A run of backslashes before `${` escapes
// it when odd (half of the backslashes, rounded up, are consumed and the reference stays
// literal) and is halved when even.
std::string EnvReplace(std::string_view text, const Environment& env);

}  // namespace skua::pm::config

#endif  // SKUA_PM_CONFIG_NPMRC_H_
