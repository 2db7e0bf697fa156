// Git dependencies for install/ci/add: reading them for the tree, packing them into the store.
#include "pm/cli/git_packages.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "pm/cli/pack_command.h"
#include "pm/cli/scripts.h"
#include "pm/fetch/byte_source.h"
#include "pm/fsutil/fsutil.h"
#include "pm/link/materializer.h"
#include "pm/lockfile/json_value.h"
#include "pm/registry/manifest.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

Status Naming(const Status& status, const std::string& what) {
  return Status(status.code(), status.message() + "\n(while " + what + ")");
}

bool HasPrepareScript(const lockfile::JsonValue& package_json) {
  const lockfile::JsonValue* scripts = package_json.Get("scripts");
  return scripts && scripts->is_object() && scripts->Get("prepare");
}

// A copy of the folder `from` (files, folders, symlinks) at `to`, which must not exist.
Status CopyTree(const std::string& from, const std::string& to) {
  if (mkdir(to.c_str(), 0755) != 0) return fsutil::ErrnoStatus("mkdir", to, errno);
  DIR* d = opendir(from.c_str());
  if (d == nullptr) return fsutil::ErrnoStatus("opendir", from, errno);
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(d);
  for (const std::string& name : names) {
    std::string src = JoinPath(from, name), dst = JoinPath(to, name);
    struct stat st;
    if (lstat(src.c_str(), &st) != 0) return fsutil::ErrnoStatus("lstat", src, errno);
    Status copied = Status::Ok();
    if (S_ISDIR(st.st_mode)) {
      copied = CopyTree(src, dst);
    } else if (S_ISLNK(st.st_mode)) {
      char target[4096];
      ssize_t n = readlink(src.c_str(), target, sizeof(target) - 1);
      if (n < 0 || symlink(std::string(target, n).c_str(), dst.c_str()) != 0) {
        copied = fsutil::ErrnoStatus("symlink", dst, errno);
      }
    } else if (S_ISREG(st.st_mode)) {
      copied = link::CopyFileAt(AT_FDCWD, src, AT_FDCWD, dst, st.st_mode & 0777);
    }
    if (!copied.ok()) return copied;
  }
  return Status::Ok();
}

}  // namespace

Status PrepareGitCheckout(const GitPrepareContext& context, const std::string& dir,
                          const std::string& name, const std::string& resolved) {
  constexpr const char* kChain = "SKUA_GIT_PREPARING";
  std::string chain = getenv(kChain) ? getenv(kChain) : "";
  for (size_t start = 0; start < chain.size();) {
    size_t end = std::min(chain.find('\n', start), chain.size());
    if (chain.compare(start, end - start, resolved) == 0) return Status::Ok();
    start = end + 1;
  }
  Result<std::string> shim = PrepareNodeShim(context.project_dir);
  if (!shim.ok()) return shim.status();
  ScriptEnvironment env = MakeScriptEnvironment(*context.config, "install", context.cwd, dir, *shim);
  // The configuration minus what would change what that install does.
  for (const char* key : {"allow_scripts", "strict_allow_scripts", "package_lock_only", "dry_run",
                          "global", "prefix", "workspace", "workspaces", "omit", "include",
                          "production", "save", "save_dev", "save_optional", "save_peer"}) {
    env.base.erase(std::string("npm_config_") + key);
  }
  env.base[kChain] = chain.empty() ? resolved : chain + "\n" + resolved;
  std::string exe = fsutil::ExecutablePath();
  if (exe.empty()) return fsutil::ErrnoStatus("readlink", "/proc/self/exe", errno);
  ScriptCall call;
  call.package_dir = dir;
  call.package_json_path = JoinPath(dir, "package.json");
  call.name = name;
  call.event = "prepare";
  call.command = ShellQuote(exe) +
                 " install --include=dev --include=peer --include=optional --no-package-lock-only";
  if (context.trust_all) call.command += " --trust";
  for (const std::string& t : context.trust) call.command += " --trust=" + ShellQuote(t);
  call.capture = true;
  std::string output;
  Result<int> code = RunScript(env, call, &output);
  if (!code.ok()) return code.status();
  if (*code != 0) {
    return InvalidArgument("git dep preparation failed: installing " + name +
                           "'s dependencies and running its prepare script exited with code " +
                           std::to_string(*code) + (output.empty() ? "" : "\n" + output));
  }
  return Status::Ok();
}

Result<GitPackages::Checkout> GitPackages::CheckoutOf(const git::GitRepo& repo,
                                                      const std::string& committish) {
  std::string root = JoinPath(cache_dir_, "git");
  if (git::IsFullSha(committish)) {
    std::string dir = JoinPath(root, git::CheckoutKey(repo, committish));
    if (fsutil::Exists(dir)) return Checkout{dir, committish};
  }
  if (Status made = fsutil::MakeDirs(root); !made.ok()) return made;
  std::string tmp = JoinPath(root, fsutil::UniqueName("tmp-"));
  Result<std::string> sha = git::FetchCommit(repo, committish, tmp);
  if (!sha.ok()) {
    fsutil::RemoveTree(tmp);
    return sha.status();
  }
  std::string dir = JoinPath(root, git::CheckoutKey(repo, *sha));
  // Another install may have finished the same checkout first: keep theirs.
  if (rename(tmp.c_str(), dir.c_str()) != 0) {
    int err = errno;
    fsutil::RemoveTree(tmp);
    if (!fsutil::Exists(dir)) return fsutil::ErrnoStatus("rename", dir, err);
  }
  return Checkout{dir, *sha};
}

Result<tree::GitPackage> GitPackages::Read(const spec::DepSpec& spec) {
  std::string what = spec.name + "@" + spec.raw_spec;
  auto memo = read_.find(what);
  if (memo != read_.end()) return memo->second;
  auto read = [&]() -> Result<tree::GitPackage> {
    Result<git::GitRepo> repo = git::RepoForSpec(spec);
    if (!repo.ok()) return repo.status();
    std::string committish = spec.git_committish;
    // A full sha needs no ls-remote (and works offline once cached).
    if (!git::IsFullSha(committish) || !spec.git_range.empty()) {
      Result<std::vector<git::GitRef>> refs = git::LsRemote(*repo);
      if (!refs.ok()) return refs.status();
      Result<std::string> picked = git::PickRef(*refs, spec.git_committish, spec.git_range);
      if (!picked.ok()) return picked.status();
      committish = *picked;
    }
    Result<Checkout> checkout = CheckoutOf(*repo, committish);
    if (!checkout.ok()) return checkout.status();
    std::string dir = checkout->dir + spec.git_subdir;
    std::string file = JoinPath(dir, "package.json");
    Result<std::string> text = fsutil::ReadFile(file);
    if (!text.ok()) return NotFound("Could not read package.json in the git repository at " + checkout->sha);
    Result<lockfile::JsonValue> doc = lockfile::ParseJson(*text, file);
    if (!doc.ok()) return doc.status();
    Result<registry::Manifest> manifest = registry::ParsePackageJson(*text, file);
    if (!manifest.ok()) return manifest.status();
    if (HasPrepareScript(*doc) && prepare_.allowed && !prepare_.allowed(manifest->name)) {
      const std::string& name = manifest->name;
      return InvalidArgument("this git dependency has a \"prepare\" script, which builds it before it is "
                             "packed; it runs only when the project allows " + name + "'s scripts: "
                             "skua install --trust=" + name + ", or add \"" + name +
                             "\" to \"trustedDependencies\" in package.json");
    }
    return tree::GitPackage{std::move(manifest).value(),
                            git::FormatResolved(*repo, checkout->sha, spec.git_subdir)};
  };
  Result<tree::GitPackage> result = read();
  if (!result.ok()) result = Naming(result.status(), "resolving " + what);
  return read_.emplace(what, std::move(result)).first->second;
}

Result<std::string> GitPackages::Prepared(const std::string& dir, const PlanEntry& p, std::string* copy) {
  std::string file = JoinPath(dir, "package.json");
  Result<std::string> text = fsutil::ReadFile(file);
  if (!text.ok()) return text.status();
  Result<lockfile::JsonValue> doc = lockfile::ParseJson(*text, file);
  if (!doc.ok()) return doc.status();
  if (!HasPrepareScript(*doc) || !prepare_.run) return dir;
  // The checkout is shared by every install: the build happens in a copy.
  *copy = JoinPath(JoinPath(cache_dir_, "git"), fsutil::UniqueName("prepare-"));
  if (Status copied = CopyTree(dir, *copy); !copied.ok()) return copied;
  if (Status ran = prepare_.run(*copy, p.name, p.tarball); !ran.ok()) return ran;
  return *copy;
}

Status GitPackages::Fetch(const std::vector<PlanEntry>& packages, std::vector<bool>* needed,
                          store::Store& store,
                          std::vector<std::optional<store::StoreEntry>>* entries) {
  for (size_t i = 0; i < packages.size(); ++i) {
    const PlanEntry& p = packages[i];
    if (p.is_link() || !(*needed)[i] || !git::IsGitResolved(p.tarball)) continue;
    std::string what = "fetching " + p.name + "@" + p.tarball;
    Result<git::ResolvedGit> resolved = git::ParseResolved(p.tarball);
    if (!resolved.ok()) return Naming(resolved.status(), what);
    Result<Checkout> checkout = CheckoutOf(resolved->repo, resolved->sha);
    if (!checkout.ok()) return Naming(checkout.status(), what);
    std::string copy;
    Result<std::string> folder = Prepared(checkout->dir + resolved->subdir, p, &copy);
    Result<std::string> tarball = folder.ok() ? PackFolderTarball(*folder) : folder.status();
    if (!copy.empty()) fsutil::RemoveTree(copy);
    if (!tarball.ok()) return Naming(tarball.status(), what);
    fetch::MemorySource source(*tarball);
    fetch::ExtractOptions options;
    options.package = p.spec();
    Result<store::StoreEntry> entry = store.Insert(source, options);
    if (!entry.ok()) return Naming(entry.status(), what);
    (*entries)[i] = std::move(entry).value();
    (*needed)[i] = false;
  }
  return Status::Ok();
}

}  // namespace skua::pm::cli
