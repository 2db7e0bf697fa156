// `skua run SCRIPT [-- args]` (alias `run-script`) and the shorthands `skua test`,
// `skua start`, `skua stop`, `skua restart`: package.json scripts with their pre/post
// scripts, npm's environment and the `node` stand-in (scripts.h). `skua run` alone lists
// the scripts as npm does. This command loads no network library: the executable links
// it directly so that a script starts in a few milliseconds.
#ifndef SKUA_PM_CLI_RUN_COMMAND_H_
#define SKUA_PM_CLI_RUN_COMMAND_H_

#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::cli {

// The names RunRunCommand serves.
bool IsRunCommand(std::string_view name);

// `args` follow the command name. Returns the script's exit code (a script killed by a
// signal re-raises it here, as npm does; 128 + n if that returns), 1 for our errors.
int RunRunCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_RUN_COMMAND_H_
