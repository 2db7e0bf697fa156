// The configuration keys skua knows, with npm 11's types and defaults (the subset of
// @npmcli/config's definitions the package manager reads). A key not listed here is
// still kept as a string, as npm keeps unknown keys; nerf-darted credential keys
// (`//host/path/:_authToken`) and `@scope:registry` are never listed.
#ifndef SKUA_PM_CONFIG_DEFINITIONS_H_
#define SKUA_PM_CONFIG_DEFINITIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::config {

enum class ValueType {
  kString,
  kBoolean,  // nopt's rules: "false", "null" and numeric zero are false, any other text true.
  kNumber,   // Must parse as a finite number.
  kPath,     // `~/` is the home directory; relative paths resolve against the cwd.
  kUrl,      // Must have a scheme and a host.
  kDate,     // A date in a form base/iso_time.h reads.
  kList,     // Strings; an environment value holds several separated by a blank line.
};

struct Definition {
  std::string_view key;
  ValueType type;
  // The npm default as text, or nullptr for none (npm's `null`).
  const char* default_value;
  // `proxy` accepts `false` to switch proxies off explicitly.
  bool allows_false = false;
};

// The definition of `key`, or nullptr.
const Definition* FindDefinition(std::string_view key);

// Every definition, in a fixed order (for tests and `config list`-style output).
const std::vector<Definition>& AllDefinitions();

// Single-letter command-line aliases npm accepts for the keys above ("g" -> "global").
std::optional<std::string_view> ExpandShorthand(std::string_view letter);

}  // namespace skua::pm::config

#endif  // SKUA_PM_CONFIG_DEFINITIONS_H_
