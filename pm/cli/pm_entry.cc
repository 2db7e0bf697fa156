// libskua_pm.so's entry: hands a package-manager command to its implementation.
#include "pm/cli/pm_entry.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "pm/cli/approve_scripts_command.h"
#include "pm/cli/dependency_commands.h"
#include "pm/cli/exec_command.h"
#include "pm/cli/init_command.h"
#include "pm/cli/install_command.h"
#include "pm/cli/link_command.h"
#include "pm/cli/list_commands.h"
#include "pm/cli/pack_command.h"
#include "pm/cli/run_command.h"
#include "pm/cli/trust_command.h"

namespace skua::pm::cli {
namespace {

using CommandFn = int (*)(const std::string& command, const std::vector<std::string>& args);

struct Command {
  std::string_view name;
  CommandFn run;
};

// Every name in kPackageManagerCommands (pm_entry.h) has a row here.
constexpr Command kCommands[] = {
    {"install", RunInstallCommand},
    {"i", RunInstallCommand},
    {"ci", RunInstallCommand},
    {"add", RunAddCommand}, {"remove", RunRemoveCommand}, {"rm", RunRemoveCommand}, {"uninstall", RunRemoveCommand}, {"un", RunRemoveCommand}, {"update", RunUpdateCommand}, {"up", RunUpdateCommand}, {"upgrade", RunUpdateCommand}, {"ls", RunListCommand}, {"list", RunListCommand}, {"why", RunWhyCommand}, {"explain", RunWhyCommand}, {"outdated", RunOutdatedCommand},
    {"run", RunRunCommand}, {"run-script", RunRunCommand}, {"test", RunRunCommand}, {"start", RunRunCommand}, {"stop", RunRunCommand}, {"restart", RunRunCommand},
    {"x", RunExecCommand}, {"exec", RunExecCommand}, {"init", RunInitCommand}, {"trust", RunTrustCommand}, {"untrusted", RunTrustCommand},
    {"approve-scripts", RunApproveScriptsCommand}, {"deny-scripts", RunApproveScriptsCommand},
    {"install-scripts", RunInstallScriptsCommand},
    {"pack", RunPackCommand}, {"link", RunLinkCommand}, {"ln", RunLinkCommand},
};

}  // namespace
}  // namespace skua::pm::cli

extern "C" int SkuaPmMain(int argc, char** argv) {
  using skua::pm::cli::kCommands;
  if (argc < 2) return 1;
  std::string name = argv[1];
  for (const auto& command : kCommands) {
    if (command.name == name) {
      return command.run(name, std::vector<std::string>(argv + 2, argv + argc));
    }
  }
  std::fprintf(stderr, "skua: unknown command \"%s\"\n", name.c_str());
  return 1;
}
