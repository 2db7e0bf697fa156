// ls-remote parsing, ref picking and the git commands behind git dependencies.
#include "pm/git/git.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

#include "pm/fsutil/fsutil.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"

extern char** environ;

namespace skua::pm::git {

namespace {

struct Host {
  const char* name;
  const char* domain;
};
constexpr Host kHosts[] = {{"github", "github.com"},       {"gitlab", "gitlab.com"},
                           {"bitbucket", "bitbucket.org"}, {"gist", "gist.github.com"},
                           {"sourcehut", "git.sr.ht"}};

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return !s.empty();
}

// "user/project" of a hosted spec ("github:u/r", "u/r", "git+https://github.com/u/r.git").
std::string HostedPath(std::string_view body, std::string_view domain) {
  size_t at = body.find(domain);
  std::string_view path;
  if (body.find("://") == std::string_view::npos && at == std::string_view::npos) {
    size_t colon = body.find(':');
    path = colon == std::string_view::npos ? body : body.substr(colon + 1);
  } else {
    path = at == std::string_view::npos ? body : body.substr(at + domain.size());
    if (!path.empty() && (path[0] == '/' || path[0] == ':')) path.remove_prefix(1);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.size() > 4 && path.substr(path.size() - 4) == ".git") path.remove_suffix(4);
  return std::string(path);
}

std::string Join(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

}  // namespace

std::vector<GitRef> ParseLsRemote(std::string_view output) {
  std::vector<GitRef> refs;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string_view::npos) end = output.size();
    std::string_view line = output.substr(start, end - start);
    start = end + 1;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || !IsFullSha(line.substr(0, tab))) continue;
    refs.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
  }
  return refs;
}

bool IsFullSha(std::string_view text) { return text.size() == 40 && IsHex(text); }

Result<std::string> PickRef(const std::vector<GitRef>& refs, std::string_view committish,
                            std::string_view range) {
  // Short names ("v1.0.0", "main") to commits; a peeled tag ("^{}") wins over the tag
  // object it follows.
  std::map<std::string, std::string, std::less<>> names;
  std::map<std::string, std::string> versions;  // Cleaned version -> commit.
  std::string head;
  for (const GitRef& ref : refs) {
    std::string_view name = ref.name;
    bool peeled = name.size() > 3 && name.substr(name.size() - 3) == "^{}";
    if (peeled) name.remove_suffix(3);
    std::string_view short_name = name;
    bool tag = false;
    if (name == "HEAD") {
      head = ref.sha;
    } else if (name.rfind("refs/tags/", 0) == 0) {
      short_name = name.substr(10);
      tag = true;
    } else if (name.rfind("refs/heads/", 0) == 0) {
      short_name = name.substr(11);
    } else {
      continue;  // Pull requests and other namespaces are not committishes.
    }
    // Tags win over branches of the same name, as git's own lookup order has it.
    if (peeled || tag || !names.count(short_name)) names[std::string(short_name)] = ref.sha;
    if (tag) {
      std::string_view v = short_name;
      if (!v.empty() && (v[0] == 'v' || v[0] == 'V' || v[0] == '=')) v.remove_prefix(1);
      if (std::optional<std::string> clean = semver::Valid(v, true)) {
        if (peeled || !versions.count(*clean)) versions[*clean] = ref.sha;
      }
    }
  }
  if (!range.empty()) {
    std::vector<std::string> list;
    for (const auto& [v, sha] : versions) list.push_back(v);
    std::optional<std::string> best = semver::MaxSatisfying(list, range, {.loose = true});
    if (!best) {
      return NotFound("No matching version found for semver:" + std::string(range) +
                      " among the repository's tags.");
    }
    return versions[*best];
  }
  if (committish.empty()) {
    if (head.empty()) return NotFound("The git reference could not be found: the repository has no HEAD");
    return head;
  }
  if (IsFullSha(committish)) return std::string(committish);
  if (auto it = names.find(committish); it != names.end()) return it->second;
  for (const GitRef& ref : refs) {
    if (ref.sha.rfind(committish, 0) == 0 && committish.size() >= 4) return ref.sha;
  }
  if (IsHex(committish) && committish.size() >= 4) return std::string(committish);
  return NotFound("The git reference could not be found: " + std::string(committish));
}

Result<GitRepo> RepoForSpec(const spec::DepSpec& spec) {
  GitRepo repo;
  std::string_view body = spec.raw_spec;
  body = body.substr(0, body.find('#'));
  if (!spec.git_host.empty()) {
    for (const Host& h : kHosts) {
      if (spec.git_host != h.name) continue;
      std::string path = HostedPath(body, h.domain);
      if (path.empty()) return InvalidArgument("Cannot find the repository of " + spec.raw_spec);
      repo.resolved_base = "git+ssh://git@" + std::string(h.domain) + "/" + path + ".git";
      repo.fetch_urls = {"https://" + std::string(h.domain) + "/" + path + ".git",
                         "ssh://git@" + std::string(h.domain) + "/" + path + ".git"};
      return repo;
    }
  }
  repo.resolved_base = std::string(body);
  repo.fetch_urls = {spec.fetch_spec};
  return repo;
}

bool IsGitResolved(std::string_view resolved) {
  return resolved.rfind("git+", 0) == 0 || resolved.rfind("git://", 0) == 0;
}

Result<ResolvedGit> ParseResolved(std::string_view resolved) {
  size_t hash = resolved.find('#');
  if (!IsGitResolved(resolved) || hash == std::string_view::npos) {
    return InvalidArgument("Not a git resolved URL: " + std::string(resolved));
  }
  Result<spec::DepSpec> parsed = spec::ResolveSpec("", resolved);
  if (!parsed.ok()) return parsed.status();
  Result<GitRepo> repo = RepoForSpec(*parsed);
  if (!repo.ok()) return repo.status();
  ResolvedGit out;
  out.repo = std::move(repo).value();
  out.sha = parsed->git_committish;
  out.subdir = parsed->git_subdir;
  if (!IsFullSha(out.sha)) {
    return InvalidArgument("A git resolved URL must name a full commit: " + std::string(resolved));
  }
  return out;
}

std::string FormatResolved(const GitRepo& repo, std::string_view sha, std::string_view subdir) {
  std::string out = repo.resolved_base + "#" + std::string(sha);
  if (!subdir.empty()) out += "::path:" + std::string(subdir.substr(subdir[0] == '/' ? 1 : 0));
  return out;
}

Result<std::string> RunGit(const std::vector<std::string>& args, const std::string& cwd) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return IoError("pipe: " + std::string(strerror(errno)));
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return IoError("pipe: " + std::string(strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  // Never ask for a password on the terminal, as @npmcli/git sets it.
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (strncmp(*e, "GIT_TERMINAL_PROMPT=", 20) != 0 && strncmp(*e, "GIT_ASKPASS=", 12) != 0) {
      env_strings.push_back(*e);
    }
  }
  env_strings.push_back("GIT_TERMINAL_PROMPT=0");
  env_strings.push_back("GIT_ASKPASS=echo");
  // ssh must not ask either (host keys, passphrases): stdin is not the user's.
  if (getenv("GIT_SSH_COMMAND") == nullptr && getenv("GIT_SSH") == nullptr) {
    env_strings.push_back("GIT_SSH_COMMAND=ssh -oBatchMode=yes -oStrictHostKeyChecking=accept-new");
  }
  std::vector<char*> env;
  for (std::string& s : env_strings) env.push_back(s.data());
  env.push_back(nullptr);
  std::vector<std::string> argv_strings = {"git", "--no-replace-objects"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  std::string out, err;
  if (spawned == 0) {
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&out, &err};
    int open_fds = 2;
    while (open_fds > 0) {
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char buf[8192];
        ssize_t n = read(fds[i].fd, buf, sizeof(buf));
        if (n > 0) {
          sinks[i]->append(buf, static_cast<size_t>(n));
        } else if (n == 0 || errno != EINTR) {
          fds[i].fd = -1;
          --open_fds;
        }
      }
    }
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  if (spawned != 0) {
    return IoError("could not run git: " + std::string(strerror(spawned)) + " (is git installed?)");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return out;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  while (!err.empty() && err.back() == '\n') err.pop_back();
  return IoError("code " + std::to_string(code) + "\nAn unknown git error occurred\ncommand " +
                 Join(argv_strings) + "\n" + err);
}

Result<std::vector<GitRef>> LsRemote(const GitRepo& repo) {
  Status last = IoError("no URL to fetch " + repo.resolved_base);
  for (const std::string& url : repo.fetch_urls) {
    Result<std::string> out = RunGit({"ls-remote", url}, "/");
    if (out.ok()) return ParseLsRemote(*out);
    last = out.status();
  }
  return last;
}

Result<std::string> FetchCommit(const GitRepo& repo, const std::string& committish,
                                const std::string& dir) {
  if (Status made = fsutil::MakeDirs(dir); !made.ok()) return made;
  if (Result<std::string> init = RunGit({"init", "-q"}, dir); !init.ok()) return init.status();
  Status fetched = IoError("no URL to fetch " + repo.resolved_base);
  for (const std::string& url : repo.fetch_urls) {
    // A shallow fetch of one commit needs a server that allows it (protocol v2 does);
    // otherwise fetch every branch and tag and look for the commit among them.
    Result<std::string> shallow = IsFullSha(committish)
        ? RunGit({"fetch", "-q", "--depth=1", url, committish}, dir)
        : Result<std::string>(IoError("short sha"));
    if (shallow.ok()) {
      fetched = Status::Ok();
      break;
    }
    Result<std::string> full =
        RunGit({"fetch", "-q", url, "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"}, dir);
    if (full.ok()) {
      fetched = Status::Ok();
      break;
    }
    fetched = full.status();
  }
  if (!fetched.ok()) return fetched;
  Result<std::string> checkout = RunGit({"-c", "advice.detachedHead=false", "checkout", "-q", committish}, dir);
  if (!checkout.ok()) {
    return NotFound("code 1\nThe git reference could not be found\ncommand git --no-replace-objects checkout " +
                    committish);
  }
  Result<std::string> head = RunGit({"rev-parse", "HEAD"}, dir);
  if (!head.ok()) return head.status();
  std::string sha = head->substr(0, head->find('\n'));
  if (Status removed = fsutil::RemoveTree(fsutil::JoinPath(dir, ".git")); !removed.ok()) return removed;
  return sha;
}

std::string CheckoutKey(const GitRepo& repo, std::string_view sha) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: a folder name, not a security boundary.
  for (char c : repo.resolved_base) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(h));
  return std::string(hex) + "-" + std::string(sha);
}

}  // namespace skua::pm::git
