// npm 11's layered configuration: defaults, the builtin npmrc, the global
// `$PREFIX/etc/npmrc`, the user's `~/.npmrc`, the project's `<root>/.npmrc`, `npm_config_*`
// environment variables and command-line flags, in increasing priority. A key set in a
// higher layer hides it in every lower one.
//
// Loading follows @npmcli/config: command line and environment first (they may move the
// other files), then the project file (skipped in global mode, or when it is the user
// file), then the user file (`userconfig`, default `~/.npmrc`), then the global file
// (`globalconfig`, default `<prefix>/etc/npmrc`). Every value goes through `${VAR}`
// expansion and the key's type (definitions.h); an invalid value is dropped with a
// warning, so the next lower layer's value shows through. Missing files are fine.
// Top-level credentials (`_authToken = x` without a `//host/` prefix) in a file are an
// error, exactly as npm's ERR_INVALID_AUTH.
//
// Nothing here reads the real process environment or files outside those named by the
// options, so tests run against temporary directories and explicit environment maps.
#ifndef SKUA_PM_CONFIG_CONFIG_H_
#define SKUA_PM_CONFIG_CONFIG_H_

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "pm/config/npmrc.h"

namespace skua::pm::config {

// Lowest priority first.
enum class Layer { kDefault, kBuiltin, kGlobal, kUser, kProject, kEnv, kCli };
inline constexpr size_t kLayerCount = 7;

std::string_view LayerName(Layer layer);  // "default", "builtin", ..., "cli"

struct ConfigValue {
  std::vector<std::string> items;  // One element unless the key's type is a list.
  bool is_null = false;            // Set to `null`: hides lower layers, reads as unset.
  Layer layer = Layer::kDefault;
  std::string source;  // A file path, "environment" or "command line".
};

struct LoadOptions {
  std::string cwd;          // Absolute; relative path values resolve against it.
  std::string project_dir;  // npm's localPrefix; empty: found from `cwd` (FindProjectDir).
  Environment env;
  // Command-line settings in order, from ParseConfigArgs (cli_args.h).
  std::vector<std::pair<std::string, std::string>> cli;
  // The running executable: the global prefix defaults to its grandparent directory
  // (`/usr/local/bin/skua` -> `/usr/local`), as npm derives it from node's path.
  std::string exec_path;
  std::string builtin_config;  // Path of the builtin npmrc; empty: none.
};

// npm's project root search: the nearest directory from `cwd` upwards holding a
// package.json or a node_modules folder; `cwd` itself when there is none.
std::string FindProjectDir(const std::string& cwd);

class Config {
 public:
  static Result<Config> Load(const LoadOptions& options);

  // A config built from explicit layers, for tests of code that consumes a Config.
  static Result<Config> FromLayers(
      const std::vector<std::pair<Layer, std::vector<std::pair<std::string, std::string>>>>& layers,
      const Environment& env = {});

  // The winning value of `key`, or nullptr when no layer sets it (or it is null).
  const ConfigValue* Find(std::string_view key) const;

  // Typed reads fall back to the definition's default when unset.
  std::optional<std::string> GetString(std::string_view key) const;
  bool GetBool(std::string_view key) const;
  double GetNumber(std::string_view key) const;
  std::vector<std::string> GetList(std::string_view key) const;

  // npm's effective `omit` list: `omit` (default ["dev"] when NODE_ENV=production),
  // plus "dev" for `production`, minus every type in `include`; sorted, no duplicates.
  std::vector<std::string> Omit() const;

  // Every key that is set, with the text of its winning value (lists joined with "\n\n"
  // as npm exports them). Credentials keys are looked up in this.
  std::map<std::string, std::string> Flatten() const;

  // Human-readable problems found while loading (invalid values, unreadable files); the
  // CLI prints them as npm prints its config warnings.
  const std::vector<std::string>& warnings() const { return warnings_; }

  const std::string& home() const { return home_; }
  const std::string& project_dir() const { return project_dir_; }
  const Environment& env() const { return env_; }
  // The files that were read or looked for, by layer ("" when that layer had none).
  const std::string& SourceFile(Layer layer) const;

 private:
  struct LayerData {
    std::string file;
    std::map<std::string, ConfigValue, std::less<>> values;
  };

  Config() = default;
  void Set(Layer layer, const std::string& source, const std::string& raw_key,
           std::vector<std::string> raw_values);
  Status LoadFile(Layer layer, const std::string& path);
  Status CheckAuthKeys() const;
  std::string ExpandPath(const std::string& value) const;

  std::array<LayerData, kLayerCount> layers_;
  std::vector<std::string> warnings_;
  Environment env_;
  std::string home_;
  std::string cwd_;
  std::string project_dir_;
};

}  // namespace skua::pm::config

#endif  // SKUA_PM_CONFIG_CONFIG_H_
