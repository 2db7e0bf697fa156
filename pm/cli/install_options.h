// The command line of `skua install` / `skua ci`: skua's own flags (--silent, --verbose,
// --trust) are taken out; everything else is npm configuration (pm/config/cli_args.h).
#ifndef SKUA_PM_CLI_INSTALL_OPTIONS_H_
#define SKUA_PM_CLI_INSTALL_OPTIONS_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "pm/cli/reporter.h"

namespace skua::pm::cli {

enum class InstallCommand { kInstall, kCi };

struct InstallOptions {
  InstallCommand command = InstallCommand::kInstall;
  LogLevel level = LogLevel::kNormal;
  bool trust_all = false;             // `--trust`: every dependency's scripts may run.
  std::set<std::string> trust;        // `--trust=a,b`.
  std::vector<std::pair<std::string, std::string>> config;  // For config::LoadOptions::cli.
  std::vector<std::string> positional;
};

// InvalidArgument for package arguments (`skua install lodash` is `skua add`'s job).
Result<InstallOptions> ParseInstallArgs(InstallCommand command, const std::vector<std::string>& args);

const char* CommandName(InstallCommand command);  // "install" / "ci"

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_INSTALL_OPTIONS_H_
