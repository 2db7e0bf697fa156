#include "pm/cli/install_inputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "pm/cli/json_error.h"
#include "pm/cli/stamp.h"
#include "pm/fsutil/fsutil.h"
#include "base/iso_time.h"
#include "pm/registry/platform.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

// False when no folder the project can be in (the working directory or one above it,
// unless the command line names the project) has a no-op stamp: the install is then not
// a no-op, and the configuration and package.json need not be read to know it.
bool MayHaveStamp(const InstallOptions& options) {
  bool named = !options.project_dir.empty() ||
               std::any_of(options.config.begin(), options.config.end(),
                           [](const auto& kv) { return kv.first == "prefix"; });
  if (named) return true;
  char buf[4096];
  if (getcwd(buf, sizeof(buf)) == nullptr) return true;
  for (std::string dir = buf;;) {
    if (StampPresent(dir)) return true;
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos || dir == "/") return false;
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

}  // namespace

Result<InstallInputs> LoadInstallInputs(const InstallOptions& options, Reporter* out) {
  InstallInputs in;
  char buf[4096];
  in.cwd = getcwd(buf, sizeof(buf)) ? buf : ".";
  config::LoadOptions load;
  load.cwd = in.cwd;
  load.env = config::EnvironmentFromProcess();
  load.cli = options.config;
  load.project_dir = options.project_dir;
  // npm's workspace root detection: run inside a workspace, the install is the root's
  // (its .npmrc too), filtered to that workspace.
  bool cli_prefix = std::any_of(options.config.begin(), options.config.end(),
                                [](const auto& kv) { return kv.first == "prefix"; });
  if (load.project_dir.empty() && !cli_prefix && !options.no_workspaces) {
    std::string own = config::FindProjectDir(in.cwd);
    load.project_dir = workspaces::FindWorkspaceRoot(own);
    if (!load.project_dir.empty()) in.cwd_workspace = own;
  }
  load.exec_path = fsutil::ExecutablePath();
  Result<config::Config> config = config::Config::Load(load);
  if (!config.ok()) return config.status();
  in.config.emplace(std::move(config).value());
  if (out != nullptr) {
    for (const std::string& warning : in.config->warnings()) out->Warn(warning);
  }
  in.project_dir = options.project_dir.empty() ? in.config->project_dir() : options.project_dir;
  Result<config::NetworkOptions> network = config::NetworkOptionsFrom(*in.config);
  if (!network.ok()) return network.status();
  in.network = std::move(network).value();
  if (Result<std::string> registry = in.network.RegistryFor(""); !registry.ok()) {
    return registry.status();
  }

  std::string package_path = JoinPath(in.project_dir, "package.json");
  Result<std::string> text = options.package_json ? Result<std::string>(*options.package_json)
                                                  : fsutil::ReadFile(package_path);
  if (!text.ok()) {
    return NotFound("code ENOENT\nCould not read package.json: " + text.status().message());
  }
  in.package_json = std::move(text).value();
  if (std::string where = DescribeJsonError(in.package_json); !where.empty()) {
    return InvalidArgument("code EJSONPARSE\nInvalid package.json " + package_path + ": " + where);
  }
  Result<std::vector<workspaces::Workspace>> found =
      workspaces::FindWorkspaces(in.project_dir, in.package_json);
  if (!found.ok()) return found.status();
  in.workspaces = std::move(found).value();
  return in;
}

Result<registry::PickOptions> InstallPickOptions(const config::Config& config) {
  registry::PickOptions pick;
  pick.node_version = kNodeVersion;
  // The configuration keeps only dates it could read (ValueType::kDate).
  if (std::optional<std::string> before = config.GetString("before")) pick.before = ParseIsoTime(*before);
  return pick;
}

registry::Platform InstallPlatform(const config::Config& config) {
  registry::Platform platform = registry::HostPlatform();
  if (std::optional<std::string> os = config.GetString("os")) platform.os = *os;
  if (std::optional<std::string> cpu = config.GetString("cpu")) platform.cpu = *cpu;
  if (std::optional<std::string> libc = config.GetString("libc")) platform.libc = *libc;
  return platform;
}

std::string InstallStampKey(const InstallOptions& options, const InstallInputs& in) {
  StampKey key;
  key.Add("skua install state 1");
  // The executable and the library that installs (beside it, runtime/main.cc): a new
  // build may resolve or lay out differently.
  std::string exe = fsutil::ExecutablePath();
  std::string library = exe.substr(0, exe.rfind('/') + 1) + "libskua_pm.so";
  for (const std::string& binary : {exe, library}) {
    struct stat st;
    if (!exe.empty() && stat(binary.c_str(), &st) == 0) {
      key.Add(binary + " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) +
              "." + std::to_string(st.st_mtim.tv_nsec));
    }
  }
  key.Add(kNodeVersion);
  registry::Platform platform = InstallPlatform(*in.config);
  key.Add(platform.os + " " + platform.cpu + " " + platform.libc);
  for (const auto& [k, v] : in.config->Flatten()) {
    key.Add(k);
    key.Add(v);
  }
  for (const std::string& omit : in.config->Omit()) key.Add("omit " + omit);
  for (const auto& [k, v] : options.config) key.Add("cli " + k + "=" + v);
  key.Add(options.trust_all ? "trust all" : "trust listed");
  for (const std::string& t : options.trust) key.Add("trust " + t);
  key.Add(in.package_json);
  for (const workspaces::Workspace& ws : in.workspaces) key.Add(ws.path + "\n" + ws.package_json);
  key.AddFile(LockfilePath(in.project_dir));
  key.AddFile(JoinPath(in.project_dir, "node_modules/.package-lock.json"));
  key.AddFile(JoinPath(in.project_dir, "node_modules/.skua/built"));
  return key.Hex();
}

bool InstallIsNoOp(const InstallOptions& options, const InstallInputs& in) {
  bool updating = options.update_all || !options.update.empty();
  // A `-w` filter is checked by the install itself (a missing workspace is an error).
  if (!options.workspace_filters.empty() || options.all_workspaces || options.no_workspaces) return false;
  // --package-lock-only runs no root script, which the no-op install does.
  return options.command == InstallCommand::kInstall && !options.package_json && !updating &&
         !in.config->GetBool("package-lock-only") && StampPresent(in.project_dir) &&
         StampUpToDate(in.project_dir, InstallStampKey(options, in));
}

Result<ScriptFailure> RunRootLifecycle(const InstallOptions& options, const InstallInputs& in,
                                       Reporter& out) {
  if (in.config->GetBool("ignore-scripts")) return ScriptFailure{};
  out.Clear();
  return RunRootScripts(
      MakeScriptEnvironment(*in.config, CommandName(options.command), in.cwd, in.project_dir,
                            JoinPath(in.project_dir, "node_modules/.skua/bin")),
      in.project_dir, out.level() != LogLevel::kSilent);
}

std::string UpToDateLine(double seconds) {
  char line[48];
  std::snprintf(line, sizeof(line), "up to date in %.2fs", seconds);
  return line;
}

bool GlobalOnCommandLine(const InstallOptions& options) {
  bool global = false;
  for (const auto& [key, value] : options.config) {
    if (key == "global") global = value != "false";
  }
  return global;
}

std::optional<int> TryNoOpInstall(std::string_view command, const std::vector<std::string>& args) {
  if (command != "install" && command != "i") return std::nullopt;
  Result<InstallOptions> options = ParseInstallArgs(InstallCommand::kInstall, args);
  // Package arguments make it `skua add` (as does -g); a bad command line is the library's
  // to report.
  if (!options.ok() || !options->positional.empty() || GlobalOnCommandLine(*options)) return std::nullopt;
  if (!MayHaveStamp(*options)) return std::nullopt;
  Reporter reporter(options->level, isatty(STDOUT_FILENO) == 1);
  Result<InstallInputs> in = LoadInstallInputs(*options, nullptr);
  if (!in.ok() || !InstallIsNoOp(*options, *in)) return std::nullopt;
  for (const std::string& warning : in->config->warnings()) reporter.Warn(warning);
  Result<ScriptFailure> root = RunRootLifecycle(*options, *in, reporter);
  if (!root.ok() || root->exit_code != 0) {
    reporter.Error(root.ok() ? root->message : root.status().message());
    return root.ok() ? root->exit_code : 1;
  }
  reporter.Summary(UpToDateLine(reporter.Seconds()));
  return 0;
}

std::string LockfilePath(const std::string& project_dir) {
  std::string shrinkwrap = JoinPath(project_dir, "npm-shrinkwrap.json");
  return fsutil::Exists(shrinkwrap) ? shrinkwrap : JoinPath(project_dir, "package-lock.json");
}

}  // namespace skua::pm::cli
