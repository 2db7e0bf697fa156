// npm's workspace flags, shared by install, run and add/remove/update: `-w NAME|PATH`,
// `-w=NAME`, `--workspace NAME`, `--workspace=NAME` (repeatable), `--workspaces` / `-ws`
// (every workspace) and `--workspaces=false` / `--no-workspaces`.
#ifndef SKUA_PM_CLI_WORKSPACE_ARGS_H_
#define SKUA_PM_CLI_WORKSPACE_ARGS_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

struct WorkspaceArgs {
  std::vector<std::string> filters;
  bool all = false;
  bool disabled = false;  // `--workspaces=false`: npm ignores workspaces altogether.
  bool given = false;     // Some workspace flag was read.
};

// Reads the workspace flag at args[*i] into `out`, moving *i past a separate value;
// false (nothing read) when args[*i] is not one.
bool ReadWorkspaceArg(const std::vector<std::string>& args, size_t* i, WorkspaceArgs* out);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_WORKSPACE_ARGS_H_
