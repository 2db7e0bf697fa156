// npm 11's `approve-scripts` and `deny-scripts`: they write the project's package.json
// `allowScripts` (script_policy.h reads it) for installed packages.
//
//   skua approve-scripts PKG[@range]... | --all | --allow-scripts-pending
//   skua deny-scripts PKG[@range]... | --all
//   skua install-scripts approve ... | deny ... | ls | prune [--dry-run]
//
// Approving pins each installed version ("pkg@1.2.3": true; `--allow-scripts-pin=false`
// writes the name instead), drops pins no installed version uses, and refuses where a
// deny already covers the package; denying always writes the name (`"pkg": false`) and
// drops its other keys. `--all` takes the installed packages whose install scripts no
// rule covers yet; `--allow-scripts-pending` lists them. As npm's, `--json` prints the
// changes as {"allowScripts": [{"name", "changes": [{"key", "change"}]}]}.
//
// npm's `install-scripts` namespace: `approve` and `deny` as the commands above (without
// --allow-scripts-pending), `ls` (the unreviewed packages), and `prune`, which drops the
// allowScripts entries no installed package with install scripts matches any more
// (`--dry-run` reports them; the field goes when nothing is left).
//
// Git packages on GitHub, GitLab, Bitbucket, gists and sourcehut are keyed by repository
// ("github:user/project", pinned with "#<commit>"), as npm keys them; on other hosts they
// have no trusted key (npm's neither). Linked folders are the project's own code: not
// reviewed, as in npm.
#ifndef SKUA_PM_CLI_APPROVE_SCRIPTS_COMMAND_H_
#define SKUA_PM_CLI_APPROVE_SCRIPTS_COMMAND_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// `command` is "approve-scripts" or "deny-scripts"; returns the exit code.
int RunApproveScriptsCommand(const std::string& command, const std::vector<std::string>& args);

// `skua install-scripts approve|deny|ls|prune ...`; returns the exit code.
int RunInstallScriptsCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_APPROVE_SCRIPTS_COMMAND_H_
