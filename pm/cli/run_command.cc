#include "pm/cli/run_command.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <optional>

#include "pm/cli/json_error.h"
#include "pm/cli/scripts.h"
#include "pm/cli/workspace_args.h"
#include "pm/config/cli_args.h"
#include "pm/fsutil/fsutil.h"
#include "pm/registry/manifest.h"
#include "pm/workspaces/workspaces.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

constexpr std::string_view kShorthands[] = {"test", "start", "stop", "restart"};

// npm's list of lifecycle events, which `npm run` lists apart from the other scripts.
constexpr std::string_view kLifecycleEvents[] = {
    "prepare",    "prepublishOnly", "prepack",     "postpack",      "dependencies",
    "preinstall", "install",        "postinstall", "prepublish",    "publish",
    "postpublish", "prerestart",    "restart",     "postrestart",   "prestart",
    "start",      "poststart",      "prestop",     "stop",          "poststop",
    "pretest",    "test",           "posttest",    "preuninstall",  "uninstall",
    "postuninstall", "preversion",  "version",     "postversion",
};

bool IsLifecycleEvent(std::string_view name) {
  for (std::string_view event : kLifecycleEvents) {
    if (event == name) return true;
  }
  return false;
}

struct RunOptions {
  bool silent = false;
  bool if_present = false;
  // npm's `-w NAME|PATH` / `--workspace=NAME` (repeatable) and `--workspaces` (`-ws`).
  std::vector<std::string> workspace_filters;
  bool all_workspaces = false;
  std::vector<std::pair<std::string, std::string>> config;
  std::vector<std::string> positional;
};

RunOptions ParseRunArgs(const std::vector<std::string>& args) {
  RunOptions options;
  std::vector<std::string> rest;
  WorkspaceArgs workspaces;
  bool after_dashes = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (after_dashes) {
      rest.push_back(arg);
    } else if (ReadWorkspaceArg(args, &i, &workspaces)) {
      continue;
    } else if (arg == "--") {
      after_dashes = true;
      rest.push_back(arg);
    } else if (arg == "--silent" || arg == "-s" || arg == "--loglevel=silent") {
      options.silent = true;
    } else if (arg == "--if-present") {
      options.if_present = true;
    } else {
      rest.push_back(arg);
    }
  }
  options.workspace_filters = std::move(workspaces.filters);
  options.all_workspaces = workspaces.all;
  config::ConfigArgs parsed = config::ParseConfigArgs(rest);
  options.config = std::move(parsed.settings);
  options.positional = std::move(parsed.positional);
  return options;
}

// One project's scripts and the environment they run in.
class ScriptRunner {
 public:
  ScriptRunner(const RunOptions& options, registry::Manifest manifest, std::string project_dir,
               std::string package_json, ScriptEnvironment env)
      : options_(options),
        manifest_(std::move(manifest)),
        project_dir_(std::move(project_dir)),
        package_json_(std::move(package_json)),
        env_(std::move(env)) {}

  const std::string* Find(std::string_view name) const {
    return registry::Find(manifest_.scripts, name);
  }

  // Runs `event` with its pre and post scripts; `args` go to the main script only.
  // Returns the first non-zero exit code, with `*signal` set when a signal ended it.
  Result<int> RunEvent(const std::string& event, const std::string& script,
                       const std::vector<std::string>& args, int* signal) {
    std::vector<std::pair<std::string, std::string>> steps;
    if (const std::string* pre = Find("pre" + event); pre && !pre->empty()) {
      steps.emplace_back("pre" + event, *pre);
    }
    steps.emplace_back(event, script);
    if (const std::string* post = Find("post" + event); post && !post->empty()) {
      steps.emplace_back("post" + event, *post);
    }
    for (const auto& [name, text] : steps) {
      bool main = name == event;
      if (!options_.silent) {
        std::string shown = text;
        if (main) {
          for (const std::string& arg : args) shown += " " + arg;
        }
        for (size_t at = 0; (at = shown.find('\n', at)) != std::string::npos; at += 3) {
          shown.replace(at, 1, "\n> ");
        }
        std::printf("\n> %s%s%s %s\n> %s\n\n", manifest_.name.c_str(),
                    manifest_.version.empty() ? "" : "@", manifest_.version.c_str(), name.c_str(),
                    shown.c_str());
      }
      ScriptCall call;
      call.package_dir = project_dir_;
      call.package_json_path = package_json_;
      call.name = manifest_.name;
      call.version = manifest_.version;
      call.event = name;
      call.command = text;
      if (main) call.args = args;
      call.foreground = true;
      Result<int> code = RunScript(env_, call, nullptr, signal);
      if (!code.ok() || *code != 0) return code;
    }
    return 0;
  }

 private:
  const RunOptions& options_;
  registry::Manifest manifest_;
  std::string project_dir_;
  std::string package_json_;
  ScriptEnvironment env_;
};

void ListScripts(const registry::Manifest& m) {
  std::string id = m.name + (m.version.empty() ? "" : "@" + m.version);
  registry::StringMap lifecycle, other;
  for (const auto& entry : m.scripts) (IsLifecycleEvent(entry.first) ? lifecycle : other).push_back(entry);
  if (!lifecycle.empty()) std::printf("Lifecycle scripts included in %s:\n", id.c_str());
  for (const auto& [name, text] : lifecycle) std::printf("  %s\n    %s\n", name.c_str(), text.c_str());
  if (!other.empty()) {
    if (lifecycle.empty()) {
      std::printf("Scripts available in %s via `skua run`:\n", id.c_str());
    } else {
      std::printf("available via `skua run`:\n");
    }
  }
  for (const auto& [name, text] : other) std::printf("  %s\n    %s\n", name.c_str(), text.c_str());
}

// The script `event` runs in the package at `dir`, with npm's defaults: `start` runs
// server.js; `restart` is stop (when present) then start; `env` prints the environment.
// False when there is none.
bool ResolveScript(const registry::Manifest& manifest, const std::string& event,
                   const std::string& dir, std::string* script) {
  if (const std::string* found = registry::Find(manifest.scripts, event)) {
    *script = *found;
  } else if (event == "start" && fsutil::Exists(JoinPath(dir, "server.js"))) {
    *script = "node server.js";
  } else if (event == "restart") {
    *script = "\"$npm_execpath\" stop --if-present && \"$npm_execpath\" start";
  } else if (event == "env") {
    *script = "env";
  } else {
    return false;
  }
  return true;
}

// npm's `run -w`/`--workspaces`: the script runs in each selected workspace of the
// project's workspace root, in path order, each with its own package.json and folder
// (INIT_CWD stays the caller's). A failing workspace is reported and the others still
// run; the exit code is the last failure's, as npm's process.exitCode ends up.
int RunInWorkspaces(const RunOptions& options, const std::string& command,
                    const config::Config& config, const std::string& cwd,
                    const std::string& project_dir) {
  std::string root = workspaces::FindWorkspaceRoot(project_dir);
  if (root.empty()) root = project_dir;
  std::string root_file = JoinPath(root, "package.json");
  Result<std::string> root_text = fsutil::ReadFile(root_file);
  if (!root_text.ok()) {
    PrintError("code ENOENT\nCould not read package.json: " + root_text.status().message());
    return 1;
  }
  Result<std::vector<workspaces::Workspace>> all = workspaces::FindWorkspaces(root, *root_text);
  if (!all.ok()) {
    PrintError(all.status().message());
    return 1;
  }
  std::vector<std::string> filters = options.all_workspaces ? std::vector<std::string>{}
                                                            : options.workspace_filters;
  Result<std::vector<workspaces::Workspace>> picked =
      workspaces::FilterWorkspaces(*all, filters, root, cwd);
  if (!picked.ok()) {
    PrintError(picked.status().message());
    return 1;
  }
  bool is_run = command == "run";
  std::string event = is_run ? (options.positional.empty() ? "" : options.positional.front()) : command;
  std::vector<std::string> script_args;
  if (!options.positional.empty()) {
    script_args.assign(options.positional.begin() + (is_run ? 1 : 0), options.positional.end());
  }
  Result<std::string> shim_dir = PrepareNodeShim(root);
  if (!shim_dir.ok()) {
    PrintError(shim_dir.status().message());
    return 1;
  }
  int exit_code = 0;
  for (size_t i = 0; i < picked->size(); ++i) {
    const workspaces::Workspace& ws = (*picked)[i];
    std::string dir = JoinPath(root, ws.path);
    std::string file = JoinPath(dir, "package.json");
    Result<registry::Manifest> manifest = registry::ParsePackageJson(ws.package_json, file);
    if (!manifest.ok()) {
      PrintError("code EJSONPARSE\nInvalid package.json " + file + ": " + manifest.status().message());
      exit_code = 1;
      continue;
    }
    std::string id = manifest->name.empty() ? ws.name : manifest->name;
    if (!manifest->version.empty()) id += "@" + manifest->version;
    if (event.empty()) {
      if (options.silent) continue;
      if (i > 0) std::printf("\n");
      ListScripts(*manifest);
      continue;
    }
    std::string script;
    if (!ResolveScript(*manifest, event, dir, &script)) {
      if (options.if_present) continue;
      PrintError("Lifecycle script `" + event + "` failed with error:\nworkspace " + id +
                 "\nlocation " + dir + "\nMissing script: \"" + event +
                 "\"\n\nTo see a list of scripts, run:\n  skua run --workspace=" + id);
      exit_code = 1;
      continue;
    }
    ScriptEnvironment env = MakeScriptEnvironment(config, command, cwd, root, *shim_dir);
    ScriptRunner runner(options, std::move(manifest).value(), dir, file, std::move(env));
    int signal = 0;
    std::fflush(stdout);
    Result<int> code = runner.RunEvent(event, script, script_args, &signal);
    std::fflush(stdout);
    if (!code.ok()) {
      PrintError(code.status().message());
      exit_code = 1;
    } else if (*code != 0) {
      PrintError("Lifecycle script `" + event + "` failed with error:\ncode " +
                 std::to_string(*code) + "\npath " + dir + "\nworkspace " + id + "\nlocation " +
                 dir + "\ncommand failed\ncommand sh -c " + script);
      exit_code = *code;
    }
  }
  return exit_code;
}
}  // namespace

bool IsRunCommand(std::string_view name) {
  if (name == "run" || name == "run-script") return true;
  for (std::string_view shorthand : kShorthands) {
    if (shorthand == name) return true;
  }
  return false;
}

int RunRunCommand(const std::string& command, const std::vector<std::string>& args) {
  RunOptions options = ParseRunArgs(args);
  bool is_run = command == "run" || command == "run-script";
  std::string cwd = CurrentDir();
  Result<config::Config> config = LoadCommandConfig(cwd, options.config);
  if (!config.ok()) {
    PrintError(config.status().message());
    return 1;
  }
  const std::string& project_dir = config->project_dir();
  if (options.all_workspaces || !options.workspace_filters.empty()) {
    return RunInWorkspaces(options, is_run ? "run" : command, *config, cwd, project_dir);
  }
  std::string file = JoinPath(project_dir, "package.json");
  Result<std::string> text = fsutil::ReadFile(file);
  if (!text.ok()) {
    PrintError("code ENOENT\nCould not read package.json: " + text.status().message());
    return 1;
  }
  Result<registry::Manifest> manifest = registry::ParsePackageJson(*text, file);
  if (!manifest.ok()) {
    std::string where = DescribeJsonError(*text);
    PrintError("code EJSONPARSE\nInvalid package.json " + file + ": " +
               (where.empty() ? manifest.status().message() : where));
    return 1;
  }
  if (is_run && options.positional.empty()) {
    if (!options.silent) ListScripts(*manifest);
    return 0;
  }

  std::string event = is_run ? options.positional.front() : command;
  std::vector<std::string> script_args(options.positional.begin() + (is_run ? 1 : 0),
                                       options.positional.end());
  std::string script;
  if (!ResolveScript(*manifest, event, project_dir, &script)) {
    if (options.if_present) return 0;
    PrintError("Missing script: \"" + event + "\"\n\nTo see a list of scripts, run:\n  skua run");
    return 1;
  }

  Result<std::string> shim_dir = PrepareNodeShim(project_dir);
  if (!shim_dir.ok()) {
    PrintError(shim_dir.status().message());
    return 1;
  }
  ScriptEnvironment env =
      MakeScriptEnvironment(*config, is_run ? "run" : command, cwd, project_dir, *shim_dir);
  ScriptRunner runner(options, std::move(manifest).value(), project_dir, file, std::move(env));
  int signal = 0;
  Result<int> code = runner.RunEvent(event, script, script_args, &signal);
  if (!code.ok()) {
    PrintError(code.status().message());
    return 1;
  }
  if (signal != 0) return ExitForSignal(signal);
  return *code;
}

}  // namespace skua::pm::cli
