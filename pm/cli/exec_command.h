// `skua x PKG [args]` and `skua exec`: run a package's bin as npx does. A bare name whose
// bin is in the project's node_modules/.bin (or an ancestor's) runs from there; anything
// else is installed (by `skua install --prefix`) into a folder of the skua cache keyed by
// the requested specs, and reused from there without the network on later calls.
// `-p/--package SPEC` (repeatable) names what to install, and the first argument is then
// the command; `--` ends skua's own options.
#ifndef SKUA_PM_CLI_EXEC_COMMAND_H_
#define SKUA_PM_CLI_EXEC_COMMAND_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// Returns the command's exit code (a fatal signal is re-raised, as `skua run` does), or 1
// for our errors and the install's code when installing failed.
int RunExecCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_EXEC_COMMAND_H_
