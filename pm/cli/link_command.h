// `skua link` (alias `ln`) for local development, as npm 11 does it:
//   - in a package folder, `skua link` registers it globally: a symlink
//     <prefix>/lib/node_modules/<name> -> the folder, and its bins in <prefix>/bin;
//   - in a project, `skua link NAME...` (or a folder path) symlinks node_modules/NAME to
//     the package that NAME's global link points at, with its bins in node_modules/.bin.
// <prefix> is npm's `prefix` when configured, else ~/.skua/global (the prefix `add -g`
// uses).
#ifndef SKUA_PM_CLI_LINK_COMMAND_H_
#define SKUA_PM_CLI_LINK_COMMAND_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

int RunLinkCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_LINK_COMMAND_H_
