#include "pm/cli/install_options.h"

#include "pm/cli/workspace_args.h"
#include "pm/config/cli_args.h"

namespace skua::pm::cli {

const char* CommandName(InstallCommand command) {
  return command == InstallCommand::kCi ? "ci" : "install";
}

Result<InstallOptions> ParseInstallArgs(InstallCommand command, const std::vector<std::string>& args) {
  InstallOptions options;
  options.command = command;
  std::vector<std::string> rest;
  WorkspaceArgs workspaces;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (ReadWorkspaceArg(args, &i, &workspaces)) {
      continue;
    } else if (arg == "--include-workspace-root" || arg == "--include-workspace-root=true") {
      options.include_workspace_root = true;
    } else if (arg == "--silent" || arg == "-s" || arg == "--loglevel=silent") {
      options.level = LogLevel::kSilent;
    } else if (arg == "--verbose" || arg == "-d" || arg == "--loglevel=verbose") {
      options.level = LogLevel::kVerbose;
    } else if (arg == "--trust") {
      options.trust_all = true;
    } else if (arg.rfind("--trust=", 0) == 0) {
      std::string list = arg.substr(8);
      for (size_t start = 0; start <= list.size();) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        if (comma > start) options.trust.insert(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else {
      rest.push_back(arg);
    }
  }
  options.workspace_filters = std::move(workspaces.filters);
  options.all_workspaces = workspaces.all;
  options.no_workspaces = workspaces.disabled;
  config::ConfigArgs parsed = config::ParseConfigArgs(rest);
  options.config = std::move(parsed.settings);
  options.positional = std::move(parsed.positional);
  if (command == InstallCommand::kCi && !options.positional.empty()) {
    return InvalidArgument(std::string("`skua ") + CommandName(command) +
                           "` takes no package arguments (got `" + options.positional[0] + "`)");
  }
  return options;
}

}  // namespace skua::pm::cli
