#include "pm/cli/scripts.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "pm/fsutil/fsutil.h"
#include "pm/registry/manifest.h"
#include "pm/store/cache_dir.h"

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

// `<dir>/node_modules/.bin` for `dir` and each of its ancestors, nearest first.
std::string BinPath(std::string dir) {
  std::string path;
  while (!dir.empty()) {
    if (!path.empty()) path += ':';
    path += JoinPath(dir, "node_modules/.bin");
    size_t slash = dir.rfind('/');
    if (slash == std::string::npos || dir == "/") break;
    dir.resize(slash == 0 ? 1 : slash);
  }
  return path;
}

ScriptCall MakeCall(const std::string& dir, const registry::Manifest& m, const std::string& event,
                    const std::string& script) {
  ScriptCall call;
  call.package_dir = dir;
  call.package_json_path = JoinPath(dir, "package.json");
  call.name = m.name;
  call.version = m.version;
  call.event = event;
  call.command = script;
  return call;
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
  std::string exe = fsutil::ExecutablePath();
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
  std::string exe = fsutil::ExecutablePath();
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

std::string CurrentDir() {
  char buf[PATH_MAX];
  return getcwd(buf, sizeof(buf)) ? std::string(buf) : std::string(".");
}

Result<config::Config> LoadCommandConfig(const std::string& cwd,
                                         const std::vector<std::pair<std::string, std::string>>& cli) {
  config::LoadOptions load;
  load.cwd = cwd;
  load.env = config::EnvironmentFromProcess();
  load.cli = cli;
  load.exec_path = fsutil::ExecutablePath();
  return config::Config::Load(load);
}

Result<std::string> PrepareNodeShim(const std::string& project_dir) {
  std::vector<std::string> candidates;
  if (fsutil::Exists(JoinPath(project_dir, "node_modules"))) {
    candidates.push_back(JoinPath(project_dir, "node_modules/.skua/bin"));
  }
  Result<std::string> cache = store::ResolveCacheDir("", [](const char* k) { return getenv(k); });
  if (cache.ok()) candidates.push_back(JoinPath(*cache, "bin"));
  std::string tmp = "/tmp/skua-" + std::to_string(getuid());
  candidates.push_back(tmp + "/bin");
  Status last = Status::Ok();
  for (const std::string& dir : candidates) {
    if (dir.rfind(tmp, 0) == 0) {
      // /tmp is shared: use the folder only if it is ours and nobody else may write to it.
      mkdir(tmp.c_str(), 0700);
      struct stat st;
      if (lstat(tmp.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
          (st.st_mode & 022) != 0) {
        return fsutil::ErrnoStatus("create a private folder", tmp, EACCES);
      }
    }
    last = MakeNodeShim(dir);
    if (last.ok()) return dir;
  }
  return last;
}

std::string ShellQuote(const std::string& arg) {
  if (arg.empty()) return "''";
  if (arg.find_first_of("\t\n\r \"#$&'()*;<>?\\`|~") == std::string::npos) return arg;
  std::string quoted = "'";
  for (char c : arg) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

Result<int> RunScript(const ScriptEnvironment& env, const ScriptCall& call, std::string* output,
                      int* signal) {
  std::map<std::string, std::string> vars = env.base;
  vars["npm_lifecycle_event"] = call.event;
  vars["npm_lifecycle_script"] = call.command;
  vars["npm_package_json"] = call.package_json_path;
  vars["npm_package_name"] = call.name;
  vars["npm_package_version"] = call.version;
  std::string path = env.shim_dir + ":" +
                     (call.extra_path.empty() ? "" : call.extra_path + ":") + BinPath(call.package_dir);
  if (auto it = vars.find("PATH"); it != vars.end() && !it->second.empty()) path += ":" + it->second;
  vars["PATH"] = path;
  std::vector<std::string> strings;
  for (const auto& [k, v] : vars) strings.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (std::string& s : strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::string command = call.command;
  for (const std::string& arg : call.args) command += " " + ShellQuote(arg);

  int pipe_fds[2] = {-1, -1};
  if (call.capture && pipe2(pipe_fds, O_CLOEXEC) != 0) return fsutil::ErrnoStatus("pipe", "", errno);
  std::fflush(stdout);
  std::fflush(stderr);
  struct sigaction ignore = {}, old_int = {}, old_quit = {};
  ignore.sa_handler = SIG_IGN;
  if (call.foreground) {
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
  }
  pid_t pid = fork();
  if (pid < 0) return fsutil::ErrnoStatus("fork", call.package_dir, errno);
  if (pid == 0) {
    if (call.foreground) {
      sigaction(SIGINT, &old_int, nullptr);
      sigaction(SIGQUIT, &old_quit, nullptr);
    }
    if (call.capture) {
      dup2(pipe_fds[1], 1);
      dup2(pipe_fds[1], 2);
    }
    if (chdir(call.package_dir.c_str()) != 0) _exit(127);
    const char* argv[] = {"sh", "-c", command.c_str(), nullptr};
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
  int waited;
  while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  int wait_errno = errno;
  if (call.foreground) {
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
  }
  if (waited < 0) return fsutil::ErrnoStatus("waitpid", call.package_dir, wait_errno);
  if (WIFSIGNALED(status)) {
    if (signal != nullptr) *signal = WTERMSIG(status);
    return 128 + WTERMSIG(status);
  }
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
      ScriptCall call = MakeCall(packages[i].dir, m, event, *script);
      call.capture = true;
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
    ScriptCall call = MakeCall(project_dir, *m, event, *script);
    Result<int> code = RunScript(env, call, nullptr);
    if (!code.ok()) return code.status();
    if (*code != 0) {
      return ScriptFailure{*code, std::string(event) + " script `" + *script +
                                      "` failed with exit code " + std::to_string(*code)};
    }
  }
  return ScriptFailure{};
}

void PrintError(const std::string& message) {
  for (size_t start = 0; start <= message.size();) {
    size_t end = std::min(message.find('\n', start), message.size());
    std::fprintf(stderr, "skua error %s\n", message.substr(start, end - start).c_str());
    start = end + 1;
  }
}

int ExitForSignal(int signal) {
  std::fflush(stdout);
  std::fflush(stderr);
  struct sigaction dfl = {};
  dfl.sa_handler = SIG_DFL;
  sigaction(signal, &dfl, nullptr);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  sigprocmask(SIG_UNBLOCK, &set, nullptr);
  raise(signal);
  return 128 + signal;
}

}  // namespace skua::pm::cli
