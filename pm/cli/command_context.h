// What every dependency command needs before it can talk to the registry: the loaded
// npm configuration, the project (or global prefix) folder, and a registry client. The
// install itself loads its own copies (install_command.cc); these are for resolving specs
// and reading what is installed.
#ifndef SKUA_PM_CLI_COMMAND_CONTEXT_H_
#define SKUA_PM_CLI_COMMAND_CONTEXT_H_

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "pm/config/config.h"
#include "pm/config/network_options.h"
#include "pm/registry/client.h"

namespace skua::pm::cli {

struct CommandContext {
  std::string cwd;
  std::optional<config::Config> config;
  config::NetworkOptions network;
  std::string cache_dir;
  bool global = false;
  std::string global_prefix;  // npm's `prefix` when set, else ~/.skua/global.
  std::string project_dir;    // The project, or <global_prefix>/lib for -g.

  // The client is made on first use (ls and why never need one).
  Result<registry::RegistryClient*> Client();

 private:
  std::unique_ptr<registry::RegistryClient> client_;
};

// Loads the configuration with `cli` settings (from ParseInstallArgs).
Result<CommandContext> LoadCommandContext(
    const std::vector<std::pair<std::string, std::string>>& cli);

// `<prefix>/bin`, where global bins are linked.
std::string GlobalBinDir(const CommandContext& context);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_COMMAND_CONTEXT_H_
