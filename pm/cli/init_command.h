// `skua init` (`-y`/`--yes`): a package.json as `npm init -y` writes it (name from the
// folder, version 1.0.0, main, a test script, license ISC, type commonjs). An existing
// package.json only gains the fields it lacks: nothing it holds is changed or reordered.
#ifndef SKUA_PM_CLI_INIT_COMMAND_H_
#define SKUA_PM_CLI_INIT_COMMAND_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// Returns the exit code: 0, or 1 with nothing written.
int RunInitCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_INIT_COMMAND_H_
