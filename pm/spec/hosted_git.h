// Recognises git repositories on the well-known hosts the way hosted-git-info does for
// npm-package-arg: GitHub's "user/repo" shorthand, "github:", "gitlab:", "bitbucket:",
// "gist:" and "sourcehut:" shortcuts, and https/ssh/git URLs on those hosts. Internal to
// pm/spec.
#ifndef SKUA_PM_SPEC_HOSTED_GIT_H_
#define SKUA_PM_SPEC_HOSTED_GIT_H_

#include <optional>
#include <string>
#include <string_view>

namespace skua::pm::spec::internal {

struct HostedGit {
  std::string host;        // "github", "gitlab", "bitbucket", "gist", "sourcehut".
  std::string committish;  // The `#` fragment, percent-decoded; may hold `::` parts.
  bool shortcut = false;   // Written as a shortcut rather than a URL.
  // The repository on its host, as hosted-git-info's user and project name it: "user/project"
  // (gitlab: "group/subgroup/project"; gist: the gist's id), without ".git". The same
  // repository written as a shortcut or as any URL gives the same text.
  std::string repo;
};

std::optional<HostedGit> ParseHostedGit(std::string_view spec);

// hosted-git-info's isGitHubShorthand: "user/repo" with optional "#ref".
bool IsGitHubShorthand(std::string_view spec);

}  // namespace skua::pm::spec::internal

#endif  // SKUA_PM_SPEC_HOSTED_GIT_H_
