// Read-only views of what is installed: `skua ls` (list) as `npm ls`, `skua why` (explain)
// as `npm explain`, and `skua outdated` as `npm outdated`. They read package.json and
// node_modules/.package-lock.json (what the last install put into node_modules).
#ifndef SKUA_PM_CLI_LIST_COMMANDS_H_
#define SKUA_PM_CLI_LIST_COMMANDS_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// `args` follow the command name; each returns the process exit code (npm's: 1 when ls
// finds a missing dependency, when why finds nothing, when anything is outdated).
int RunListCommand(const std::string& command, const std::vector<std::string>& args);
int RunWhyCommand(const std::string& command, const std::vector<std::string>& args);
int RunOutdatedCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_LIST_COMMANDS_H_
