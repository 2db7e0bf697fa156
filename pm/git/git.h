// Git dependencies as npm 11 fetches them (pacote's GitFetcher over @npmcli/git): find
// the commit a spec names with `git ls-remote`, check that commit out, and write the
// lockfile's `resolved` ("git+file:///repo#<sha>", hosted repositories as
// "git+ssh://git@github.com/u/r.git#<sha>"). Everything runs the `git` executable on
// PATH; nothing here prints.
//
//   std::vector<GitRef> refs = ParseLsRemote(output);
//   Result<std::string> sha = PickRef(refs, "v1.0.0", "");   // the tag's commit
#ifndef SKUA_PM_GIT_GIT_H_
#define SKUA_PM_GIT_GIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::git {

// One line of `git ls-remote`: "<sha>\t<ref>" ("HEAD", "refs/heads/main",
// "refs/tags/v1.0.0", "refs/tags/v1.0.0^{}" for an annotated tag's commit).
struct GitRef {
  std::string sha;
  std::string name;
};

std::vector<GitRef> ParseLsRemote(std::string_view output);

// True for a full 40-digit hex commit name.
bool IsFullSha(std::string_view text);

// The commit a spec selects from the repository's refs: HEAD without committish or
// range; the highest tag satisfying `range` (tags named "1.2.3" or "v1.2.3", loose); a
// tag, branch or full sha named by `committish` (an annotated tag's commit is preferred).
// A committish no ref names and that could be a short sha is returned as written, for
// FetchCommit to resolve after a full fetch. Errors: kNotFound with npm's "The git
// reference could not be found" or ETARGET's "No matching version found".
Result<std::string> PickRef(const std::vector<GitRef>& refs, std::string_view committish,
                            std::string_view range);

// Where a repository is fetched from, and the `resolved` prefix npm records for it.
struct GitRepo {
  std::string resolved_base;          // "git+file:///r", "git+ssh://git@github.com/u/r.git"
  std::vector<std::string> fetch_urls;  // Tried in order (hosted: https, then ssh).
};

// The repository of a kGit spec.
Result<GitRepo> RepoForSpec(const spec::DepSpec& spec);

// A lockfile `resolved` split back: the repository, the commit and a `path:` subfolder.
struct ResolvedGit {
  GitRepo repo;
  std::string sha;
  std::string subdir;  // "" or "/sub/dir".
};
bool IsGitResolved(std::string_view resolved);
Result<ResolvedGit> ParseResolved(std::string_view resolved);
std::string FormatResolved(const GitRepo& repo, std::string_view sha, std::string_view subdir);

// Runs `git ARGS` in `cwd` without a terminal prompt; stdout on success, else an error
// carrying the command and git's stderr (npm's "An unknown git error occurred" shape).
Result<std::string> RunGit(const std::vector<std::string>& args, const std::string& cwd);

// `git ls-remote` of the first URL that answers.
Result<std::vector<GitRef>> LsRemote(const GitRepo& repo);

// Checks `committish` (a sha, or a short sha) out into the new folder `dir` (shallow
// when the server allows) without its .git folder; returns the full commit sha.
Result<std::string> FetchCommit(const GitRepo& repo, const std::string& committish,
                                const std::string& dir);

// The cache folder name of a checkout: stable per (repository, commit).
std::string CheckoutKey(const GitRepo& repo, std::string_view sha);

}  // namespace skua::pm::git

#endif  // SKUA_PM_GIT_GIT_H_
