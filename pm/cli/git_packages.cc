// Git dependencies for install/ci/add: reading them for the tree, packing them into the store.
#include "pm/cli/git_packages.h"

#include <errno.h>
#include <stdio.h>

#include "pm/cli/pack_command.h"
#include "pm/fetch/byte_source.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/json_value.h"
#include "pm/registry/manifest.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

Status Naming(const Status& status, const std::string& what) {
  return Status(status.code(), status.message() + "\n(while " + what + ")");
}

}  // namespace

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
    const lockfile::JsonValue* scripts = doc->Get("scripts");
    if (scripts && scripts->is_object() && scripts->Get("prepare")) {
      // Differs from npm: npm installs the repository's dependencies and runs `prepare`
      // before packing it.
      return Status(StatusCode::kUnimplemented,
                    "this git dependency has a \"prepare\" script, which skua does not run for git "
                    "dependencies yet (npm installs its dependencies and runs prepare before packing)");
    }
    Result<registry::Manifest> manifest = registry::ParsePackageJson(*text, file);
    if (!manifest.ok()) return manifest.status();
    return tree::GitPackage{std::move(manifest).value(),
                            git::FormatResolved(*repo, checkout->sha, spec.git_subdir)};
  };
  Result<tree::GitPackage> result = read();
  if (!result.ok()) result = Naming(result.status(), "resolving " + what);
  return read_.emplace(what, std::move(result)).first->second;
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
    Result<std::string> tarball = PackFolderTarball(checkout->dir + resolved->subdir);
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
