// Benchmark driver for pm/registry: fetches and parses the packuments named in a file
// from a registry, all at once, and prints one JSON line of wall time and counters.
//   pm_fetch_tool REGISTRY_URL NAMES_FILE [--maxsockets N] [--cache DIR]
//                [--prefer-offline | --prefer-online]
// Without --cache no manifest cache is used (every request goes to the network).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "pm/config/config.h"
#include "pm/config/network_options.h"
#include "pm/registry/client.h"

namespace skua::pm {
namespace {

int Main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: pm_fetch_tool REGISTRY_URL NAMES_FILE [--maxsockets N] [--cache DIR]\n");
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> cli = {{"registry", argv[1]}};
  std::string cache;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--maxsockets" && i + 1 < argc) cli.emplace_back("maxsockets", argv[++i]);
    else if (arg == "--cache" && i + 1 < argc) cache = argv[++i];
    else if (arg == "--prefer-offline") cli.emplace_back("prefer-offline", "true");
    else if (arg == "--prefer-online") cli.emplace_back("prefer-online", "true");
  }
  std::vector<std::string> names;
  if (FILE* f = fopen(argv[2], "r")) {
    char line[1024];
    while (fgets(line, sizeof(line), f) != nullptr) {
      std::string name(line);
      while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
      if (!name.empty()) names.push_back(name);
    }
    fclose(f);
  }
  Result<config::Config> config = config::Config::FromLayers({{config::Layer::kCli, cli}});
  if (!config.ok()) return 1;
  Result<config::NetworkOptions> network = config::NetworkOptionsFrom(*config);
  if (!network.ok()) {
    fprintf(stderr, "%s\n", network.status().message().c_str());
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  auto client = registry::RegistryClient::Create(*network, cache);
  if (!client.ok()) return 1;
  std::vector<Result<registry::PackumentResult>> results = (*client)->FetchPackuments(names);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count();
  size_t versions = 0;
  for (const auto& result : results) {
    if (!result.ok()) {
      fprintf(stderr, "%s\n", result.status().message().c_str());
      return 1;
    }
    versions += result->packument.version_count();
  }
  const registry::HttpStats& stats = (*client)->http().stats();
  printf("{\"ms\": %.1f, \"packuments\": %zu, \"versions\": %zu, \"requests\": %llu, "
         "\"connections\": %llu}\n",
         ms, results.size(), versions, static_cast<unsigned long long>(stats.attempts),
         static_cast<unsigned long long>(stats.connections));
  return 0;
}

}  // namespace
}  // namespace skua::pm

int main(int argc, char** argv) { return skua::pm::Main(argc, argv); }
