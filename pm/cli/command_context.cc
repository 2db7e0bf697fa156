#include "pm/cli/command_context.h"

#include <unistd.h>

#include <cstdlib>

#include "pm/fsutil/fsutil.h"
#include "pm/store/cache_dir.h"

namespace skua::pm::cli {

Result<registry::RegistryClient*> CommandContext::Client() {
  if (client_ == nullptr) {
    if (Result<std::string> registry = network.RegistryFor(""); !registry.ok()) return registry.status();
    Result<std::unique_ptr<registry::RegistryClient>> client =
        registry::RegistryClient::Create(network, cache_dir);
    if (!client.ok()) return client.status();
    client_ = std::move(client).value();
  }
  return client_.get();
}

Result<CommandContext> LoadCommandContext(
    const std::vector<std::pair<std::string, std::string>>& cli) {
  CommandContext context;
  char buf[4096];
  context.cwd = getcwd(buf, sizeof(buf)) ? buf : ".";
  config::LoadOptions load;
  load.cwd = context.cwd;
  load.env = config::EnvironmentFromProcess();
  load.cli = cli;
  load.exec_path = fsutil::ExecutablePath();
  Result<config::Config> config = config::Config::Load(load);
  if (!config.ok()) return config.status();
  context.config.emplace(std::move(config).value());
  Result<config::NetworkOptions> network = config::NetworkOptionsFrom(*context.config);
  if (!network.ok()) return network.status();
  context.network = std::move(network).value();
  Result<std::string> cache =
      store::ResolveCacheDir(context.network.cache, [](const char* k) { return getenv(k); });
  if (!cache.ok()) return cache.status();
  context.cache_dir = *cache;
  context.global = context.config->GetBool("global");
  // Differs from npm: npm's default prefix is the folder above node's bin; skua's global
  // packages go under the user's home unless `prefix` is configured (as bun's
  // ~/.bun/install/global), so no root access is needed.
  const config::ConfigValue* prefix = context.config->Find("prefix");
  if (prefix != nullptr && prefix->layer != config::Layer::kDefault && !prefix->items.empty()) {
    context.global_prefix = prefix->items[0];
  } else {
    context.global_prefix = fsutil::JoinPath(context.config->home(), ".skua/global");
  }
  context.project_dir = context.global ? fsutil::JoinPath(context.global_prefix, "lib")
                                       : context.config->project_dir();
  return context;
}

std::string GlobalBinDir(const CommandContext& context) {
  return fsutil::JoinPath(context.global_prefix, "bin");
}

}  // namespace skua::pm::cli
