#include "pm/cli/scripts.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "pm/fsutil/fsutil.h"
#include "pm/registry/manifest.h"

extern char** environ;

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

bool Exported(const std::string& key) {
  if (key.empty() || key[0] == '@' || key[0] == '/' || key[0] == '_') return false;
  for (const char* secret : {"_auth", "_authToken", "_password", "username", "certfile",
                             "keyfile", "email"}) {
    if (key == secret) return false;
  }
  return key.find(":_") == std::string::npos;
}

std::string SelfExe() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  return n > 0 ? std::string(buf, n) : std::string();
}

// `<dir>/node_modules/.bin` for `dir` and each of its ancestors, nearest first.
std::string BinPath(std::string dir) {
  std::string path;
  while (!dir.empty()) {
    if (!path.empty()) path += ':';
    path += JoinPath(dir, "node_modules/.bin");
    size_t slash = dir.rfind('/');
    if (slash == 0 || slash == std::string::npos) break;
    dir.resize(slash);
  }
  return path;
}

}  // namespace

ScriptEnvironment MakeScriptEnvironment(const config::Config& config, const std::string& command,
                                        const std::string& init_cwd,
                                        const std::string& project_dir,
                                        const std::string& shim_dir) {
  ScriptEnvironment env;
  env.shim_dir = shim_dir;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    size_t eq = entry.find('=');
    if (eq == std::string::npos) continue;
    env.base[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : config.Flatten()) {
    if (!Exported(key)) continue;
    std::string name = "npm_config_";
    for (char c : key) name += c == '-' ? '_' : static_cast<char>(tolower(c));
    env.base[name] = value;
  }
  std::string exe = SelfExe();
  // Tools sniff this to detect the package manager (runtime/core/version.h is off limits
  // to pm/, so the version is repeated here).
  env.base["npm_config_user_agent"] = "skua/0.1.0 node/v20.11.1 linux";
  env.base["npm_config_local_prefix"] = project_dir;
  env.base["npm_command"] = command;
  env.base["npm_execpath"] = exe;
  env.base["npm_node_execpath"] = exe;
  env.base["NODE"] = exe;
  env.base["INIT_CWD"] = init_cwd;
  env.base["PROJECT_CWD"] = project_dir;
  env.base["COLOR"] = "0";
  return env;
}

Status MakeNodeShim(const std::string& dir) {
  if (Status made = fsutil::MakeDirs(dir); !made.ok()) return made;
  std::string exe = SelfExe();
  std::string node = JoinPath(dir, "node");
  char current[PATH_MAX];
  ssize_t n = readlink(node.c_str(), current, sizeof(current) - 1);
  if (n > 0 && std::string(current, n) == exe) return Status::Ok();
  std::string temp = JoinPath(dir, fsutil::UniqueName(".node-"));
  if (symlink(exe.c_str(), temp.c_str()) != 0) return fsutil::ErrnoStatus("symlink", temp, errno);
  if (rename(temp.c_str(), node.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    return fsutil::ErrnoStatus("rename", node, err);
  }
  return Status::Ok();
}

Result<int> RunScript(const ScriptEnvironment& env, const ScriptCall& call, std::string* output) {
  std::map<std::string, std::string> vars = env.base;
  vars["npm_lifecycle_event"] = call.event;
  vars["npm_lifecycle_script"] = call.command;
  vars["npm_package_json"] = call.package_json_path;
  vars["npm_package_name"] = call.name;
  vars["npm_package_version"] = call.version;
  std::string path = env.shim_dir + ":" + BinPath(call.package_dir);
  if (auto it = vars.find("PATH"); it != vars.end() && !it->second.empty()) path += ":" + it->second;
  vars["PATH"] = path;
  std::vector<std::string> strings;
  for (const auto& [k, v] : vars) strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& s : strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  int pipe_fds[2] = {-1, -1};
  if (call.capture && pipe2(pipe_fds, O_CLOEXEC) != 0) return fsutil::ErrnoStatus("pipe", "", errno);
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) return fsutil::ErrnoStatus("fork", call.package_dir, errno);
  if (pid == 0) {
    if (call.capture) {
      dup2(pipe_fds[1], 1);
      dup2(pipe_fds[1], 2);
    }
    if (chdir(call.package_dir.c_str()) != 0) _exit(127);
    const char* argv[] = {"sh", "-c", call.command.c_str(), nullptr};
    execve("/bin/sh", const_cast<char**>(argv), envp.data());
    _exit(127);
  }
  if (call.capture) {
    close(pipe_fds[1]);
    char buf[8192];
    for (ssize_t n; (n = read(pipe_fds[0], buf, sizeof(buf))) != 0;) {
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      if (output) output->append(buf, n);
    }
    close(pipe_fds[0]);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return fsutil::ErrnoStatus("waitpid", call.package_dir, errno);
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

Result<ScriptFailure> RunDependencyScripts(const ScriptEnvironment& env,
                                           const std::vector<ScriptPackage>& packages,
                                           const ScriptLog& log) {
  std::vector<registry::Manifest> manifests;
  for (const ScriptPackage& p : packages) {
    std::string file = JoinPath(p.dir, "package.json");
    Result<std::string> text = fsutil::ReadFile(file);
    if (!text.ok()) return text.status();
    Result<registry::Manifest> m = registry::ParsePackageJson(*text, file);
    if (!m.ok()) return m.status();
    manifests.push_back(std::move(m).value());
  }
  for (const char* event : {"preinstall", "install", "postinstall"}) {
    for (size_t i = 0; i < packages.size(); ++i) {
      const registry::Manifest& m = manifests[i];
      const std::string* script = registry::Find(m.scripts, event);
      std::string implicit;
      if (script == nullptr && std::string(event) == "install" &&
          registry::Find(m.scripts, "preinstall") == nullptr &&
          fsutil::Exists(JoinPath(packages[i].dir, "binding.gyp"))) {
        implicit = "node-gyp rebuild";
        script = &implicit;
      }
      if (script == nullptr || script->empty()) continue;
      ScriptCall call{packages[i].dir, JoinPath(packages[i].dir, "package.json"), m.name,
                      m.version, event, *script, /*capture=*/true};
      if (log) log(packages[i].spec + " " + event + ": " + *script);
      std::string output;
      Result<int> code = RunScript(env, call, &output);
      if (!code.ok()) return code.status();
      if (*code != 0) {
        return ScriptFailure{*code, packages[i].spec + " " + event + ": `" + *script +
                                        "` failed with exit code " + std::to_string(*code) +
                                        (output.empty() ? "" : "\n" + output)};
      }
    }
  }
  return ScriptFailure{};
}

Result<ScriptFailure> RunRootScripts(const ScriptEnvironment& env, const std::string& project_dir,
                                     bool banner) {
  std::string file = JoinPath(project_dir, "package.json");
  Result<std::string> text = fsutil::ReadFile(file);
  if (!text.ok()) return text.status();
  Result<registry::Manifest> m = registry::ParsePackageJson(*text, file);
  if (!m.ok()) return m.status();
  for (const char* event : {"preinstall", "install", "postinstall", "prepublish", "preprepare",
                            "prepare", "postprepare"}) {
    const std::string* script = registry::Find(m->scripts, event);
    if (script == nullptr || script->empty()) continue;
    if (banner) {
      std::printf("\n> %s%s%s %s\n> %s\n\n", m->name.c_str(), m->version.empty() ? "" : "@",
                  m->version.c_str(), event, script->c_str());
    }
    ScriptCall call{project_dir, file, m->name, m->version, event, *script, /*capture=*/false};
    Result<int> code = RunScript(env, call, nullptr);
    if (!code.ok()) return code.status();
    if (*code != 0) {
      return ScriptFailure{*code, std::string(event) + " script `" + *script +
                                      "` failed with exit code " + std::to_string(*code)};
    }
  }
  return ScriptFailure{};
}

}  // namespace skua::pm::cli
