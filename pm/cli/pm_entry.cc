// libskua_pm.so's entry: hands a package-manager command to its implementation.
#include "pm/cli/pm_entry.h"

#include <string>
#include <vector>

#include "pm/cli/install_command.h"

extern "C" int SkuaPmMain(int argc, char** argv) {
  if (argc < 2) return 1;
  return skua::pm::cli::RunInstallCommand(argv[1],
                                          std::vector<std::string>(argv + 2, argv + argc));
}
