// `skua add` (and `install PKG`), `skua remove` and `skua update`: each resolves what it
// was asked for against the registry first, edits package.json in memory
// (package_json_edit.h), and hands the text to the install (RunInstall), which writes it
// only once the install succeeded. With -g they work on the global prefix
// (command_context.h) and link bins into `<prefix>/bin`.
#ifndef SKUA_PM_CLI_DEPENDENCY_COMMANDS_H_
#define SKUA_PM_CLI_DEPENDENCY_COMMANDS_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// `args` follow the command name; each returns the process exit code.
int RunAddCommand(const std::string& command, const std::vector<std::string>& args);
int RunRemoveCommand(const std::string& command, const std::vector<std::string>& args);
int RunUpdateCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_DEPENDENCY_COMMANDS_H_
