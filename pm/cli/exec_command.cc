#include "pm/cli/exec_command.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "pm/cli/install_command.h"
#include "pm/cli/package_json_edit.h"
#include "pm/cli/scripts.h"
#include "pm/config/cli_args.h"
#include "pm/fsutil/fsutil.h"
#include "pm/registry/manifest.h"
#include "pm/spec/dep_spec.h"
#include "pm/store/cache_dir.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;
using lockfile::JsonValue;

// Configuration keys that take the next argument as their value (`--registry URL`).
bool TakesValue(const std::string& flag) {
  for (const char* key : {"--registry", "--cache", "--userconfig", "--globalconfig", "--loglevel"}) {
    if (flag == key) return true;
  }
  return false;
}

struct ExecArgs {
  std::vector<std::string> packages;  // -p/--package specs.
  std::vector<std::string> config;    // Flags for the configuration and the install.
  std::vector<std::string> command;   // The command (or package spec) and its arguments.
};

Result<ExecArgs> ParseExecArgs(const std::vector<std::string>& args) {
  ExecArgs out;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg.empty() || arg[0] != '-') break;
    if (arg == "-p" || arg == "--package") {
      if (i + 1 == args.size()) return InvalidArgument("code EUSAGE\n" + arg + " needs a package spec");
      out.packages.push_back(args[++i]);
    } else if (arg.rfind("--package=", 0) == 0) {
      out.packages.push_back(arg.substr(10));
    } else if (arg == "-y" || arg == "--yes" || arg == "--no-yes" || arg == "-n" || arg == "--no") {
      // Differs from npm: skua never prompts before installing.
    } else {
      out.config.push_back(arg);
      if (TakesValue(arg) && i + 1 < args.size()) out.config.push_back(args[++i]);
    }
  }
  out.command.assign(args.begin() + i, args.end());
  if (out.command.empty()) {
    return InvalidArgument("code EUSAGE\nUsage: skua x [-p <package>]... <command> [args...]");
  }
  return out;
}

// FNV-1a, 64 bits, as hex: the cache folder's name for a set of specs.
std::string HashHex(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// `<dir>/node_modules/.bin/<bin>` for `dir` or its nearest ancestor that has one.
std::string FindLocalBin(std::string dir, const std::string& bin) {
  while (!dir.empty()) {
    std::string path = JoinPath(dir, "node_modules/.bin/" + bin);
    if (access(path.c_str(), X_OK) == 0) return path;
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos) break;
    dir.resize(slash);
  }
  return "";
}

// Runs `skua install --prefix=<dir>` with its summary hidden (npx prints nothing when it
// installs); warnings and errors still reach stderr.
int InstallInto(const std::string& dir, const std::vector<std::string>& config) {
  std::vector<std::string> args = {"--prefix=" + dir};
  args.insert(args.end(), config.begin(), config.end());
  std::fflush(stdout);
  int saved = dup(STDOUT_FILENO);
  int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd >= 0) {
    dup2(null_fd, STDOUT_FILENO);
    close(null_fd);
  }
  int code = RunInstallCommand("install", args);
  std::fflush(stdout);
  if (saved >= 0) {
    dup2(saved, STDOUT_FILENO);
    close(saved);
  }
  return code;
}

}  // namespace

int RunExecCommand(const std::string& /*command*/, const std::vector<std::string>& args) {
  Result<ExecArgs> parsed = ParseExecArgs(args);
  if (!parsed.ok()) {
    PrintError(parsed.status().message());
    return 1;
  }
  std::string cwd = CurrentDir();
  config::ConfigArgs config_args = config::ParseConfigArgs(parsed->config);
  Result<config::Config> config = LoadCommandConfig(cwd, config_args.settings);
  if (!config.ok()) {
    PrintError(config.status().message());
    return 1;
  }
  std::vector<std::string> specs = parsed->packages;
  std::string bin = parsed->command.front();
  std::vector<std::string> bin_args(parsed->command.begin() + 1, parsed->command.end());
  bool named_by_package = specs.empty();
  if (named_by_package) specs.push_back(bin);

  // Resolve each spec to a dependency entry; the first names the bin when no -p was given.
  std::vector<spec::DepSpec> deps;
  for (const std::string& text : specs) {
    Result<spec::DepSpec> dep = spec::ParseSpecArg(text, cwd);
    if (!dep.ok()) {
      PrintError(dep.status().message());
      return 1;
    }
    if (dep->name.empty()) {
      PrintError("code EUNSUPPORTED\nskua x needs a package name (got `" + text + "`)");
      return 1;
    }
    deps.push_back(std::move(dep).value());
  }
  std::string local;
  if (named_by_package) {
    const std::string& name = deps.front().name;
    bin = name.substr(name.rfind('/') + 1);
    // A bare name runs the project's own bin when there is one, as npx does.
    if (deps.front().raw_spec.empty() || deps.front().raw_spec == "*") local = FindLocalBin(cwd, bin);
  }

  std::string extra_path;
  if (local.empty()) {
    // The same cache folder install uses (network_options.h's `cache`).
    Result<std::string> cache = store::ResolveCacheDir(config->GetString("cache").value_or(""),
                                                       [](const char* k) { return getenv(k); });
    if (!cache.ok()) {
      PrintError(cache.status().message());
      return 1;
    }
    std::vector<std::string> sorted = specs;
    std::sort(sorted.begin(), sorted.end());
    std::string key;
    for (const std::string& s : sorted) key += s + "\n";
    std::string dir = JoinPath(*cache, "x/" + HashHex(key));
    bool installed = true;
    for (const spec::DepSpec& dep : deps) {
      installed = installed && fsutil::Exists(JoinPath(dir, "node_modules/" + dep.name + "/package.json"));
    }
    if (!installed) {
      JsonValue dependencies = JsonValue::Object();
      for (const spec::DepSpec& dep : deps) {
        dependencies.Set(dep.name, JsonValue::String(dep.raw_spec.empty() ? "*" : dep.raw_spec));
      }
      JsonValue doc = JsonValue::Object();
      doc.Set("name", JsonValue::String("skua-x"));
      doc.Set("private", JsonValue::Bool(true));
      doc.Set("dependencies", std::move(dependencies));
      if (Status made = fsutil::MakeDirs(dir); !made.ok()) {
        PrintError(made.message());
        return 1;
      }
      Status wrote = fsutil::WriteFileAtomic(JoinPath(dir, "package.json"), StringifyJson(doc, "  ") + "\n");
      if (!wrote.ok()) {
        PrintError(wrote.message());
        return 1;
      }
      if (int code = InstallInto(dir, parsed->config); code != 0) {
        fsutil::RemoveTree(dir);  // Nothing half-installed is reused later.
        return code;
      }
    }
    if (named_by_package) {
      // The bin matching the package's name, or its only bin.
      std::string file = JoinPath(dir, "node_modules/" + deps.front().name + "/package.json");
      Result<std::string> text = fsutil::ReadFile(file);
      Result<registry::Manifest> m = text.ok() ? registry::ParsePackageJson(*text, file)
                                               : Result<registry::Manifest>(text.status());
      if (!m.ok()) {
        PrintError(m.status().message());
        return 1;
      }
      if (m->bin.size() == 1) {
        bin = m->bin.front().first;
      } else if (registry::Find(m->bin, bin) == nullptr) {
        PrintError("could not determine executable to run\n" + deps.front().name + "@" + m->version +
                   (m->bin.empty() ? " has no bin" : " has several bins and none is named \"" + bin + "\""));
        return 1;
      }
    }
    extra_path = JoinPath(dir, "node_modules/.bin");
    if (!fsutil::Exists(JoinPath(extra_path, bin)) && FindLocalBin(cwd, bin).empty()) {
      PrintError("could not determine executable to run: no bin named \"" + bin + "\"");
      return 1;
    }
  }

  Result<std::string> shim_dir = PrepareNodeShim(config->project_dir());
  if (!shim_dir.ok()) {
    PrintError(shim_dir.status().message());
    return 1;
  }
  ScriptEnvironment env = MakeScriptEnvironment(*config, "exec", cwd, config->project_dir(), *shim_dir);
  ScriptCall call;
  call.package_dir = cwd;
  call.package_json_path = JoinPath(config->project_dir(), "package.json");
  call.event = "npx";
  call.command = ShellQuote(local.empty() ? bin : local);
  call.args = bin_args;
  call.extra_path = extra_path;
  call.foreground = true;
  int signal = 0;
  Result<int> code = RunScript(env, call, nullptr, &signal);
  if (!code.ok()) {
    PrintError(code.status().message());
    return 1;
  }
  if (signal != 0) return ExitForSignal(signal);
  return *code;
}

}  // namespace skua::pm::cli
