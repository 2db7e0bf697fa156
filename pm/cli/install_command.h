// `skua install` (alias `i`) and `skua ci`: package.json (and package-lock.json when it is
// in sync) → tree → store → node_modules → lockfile → lifecycle scripts (pm-spec §3.2).
#ifndef SKUA_PM_CLI_INSTALL_COMMAND_H_
#define SKUA_PM_CLI_INSTALL_COMMAND_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// `args` follow the command name. Returns the process exit code: 0, 1 for errors, or a
// failing lifecycle script's own code.
int RunInstallCommand(const std::string& command, const std::vector<std::string>& args);

struct InstallOptions;
class Reporter;

// The install itself, for commands that prepare the options (install_options.h) and the
// package.json text first (`skua add`, `remove`, `update`). Errors go to `reporter`.
int RunInstall(const InstallOptions& options, Reporter& reporter);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_INSTALL_COMMAND_H_
