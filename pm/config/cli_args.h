// Configuration flags on the command line, as npm's nopt reads them: `--key=value`,
// `--key value`, `--key` (true for a boolean key), `--no-key` (false), a few single-letter
// aliases (`-g`), and `--` to end flags. The results feed LoadOptions::cli.
#ifndef SKUA_PM_CONFIG_CLI_ARGS_H_
#define SKUA_PM_CONFIG_CLI_ARGS_H_

#include <string>
#include <utility>
#include <vector>

namespace skua::pm::config {

struct ConfigArgs {
  std::vector<std::pair<std::string, std::string>> settings;  // In command-line order.
  std::vector<std::string> positional;  // Everything that is not a flag, in order.
};

// `--key value` takes the next argument as the value unless the key is boolean (then
// only a literal "true"/"false" is taken) or the next argument starts with `-`; a key at
// the end, or one followed by a flag, is "true" (nopt's rule for flags without values).
ConfigArgs ParseConfigArgs(const std::vector<std::string>& args);

}  // namespace skua::pm::config

#endif  // SKUA_PM_CONFIG_CLI_ARGS_H_
