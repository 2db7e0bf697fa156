#include "pm/cli/workspace_args.h"

namespace skua::pm::cli {

bool ReadWorkspaceArg(const std::vector<std::string>& args, size_t* i, WorkspaceArgs* out) {
  const std::string& arg = args[*i];
  if ((arg == "-w" || arg == "--workspace") && *i + 1 < args.size()) {
    out->filters.push_back(args[++*i]);
  } else if (arg.rfind("--workspace=", 0) == 0) {
    out->filters.push_back(arg.substr(12));
  } else if (arg.rfind("-w=", 0) == 0) {
    out->filters.push_back(arg.substr(3));
  } else if (arg == "--workspaces" || arg == "-ws" || arg == "--workspaces=true") {
    out->all = true;
    out->disabled = false;
  } else if (arg == "--workspaces=false" || arg == "--no-workspaces") {
    out->all = false;
    out->disabled = true;
  } else {
    return false;
  }
  out->given = true;
  return true;
}

}  // namespace skua::pm::cli
