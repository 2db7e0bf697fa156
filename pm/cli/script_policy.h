// Which dependencies may run their install scripts (pm-spec §2.11.2). Nothing runs
// unless the project allows it, in any of the formats the other clients read from the
// root package.json:
//   npm 12   "allowScripts": {"pkg": true, "pkg@1.2.3 || 1.2.4": true, "other": false}
//            (or npm's `allow-scripts` config, a comma list, when package.json has none)
//   bun      "trustedDependencies": ["pkg"]
//   pnpm     "pnpm": {"onlyBuiltDependencies": ["pkg"], "ignoredBuiltDependencies": [...],
//                     "neverBuiltDependencies": [...], "allowBuilds": {"pkg": true}}
//            (or the same keys in pnpm-workspace.yaml, where pnpm 10 writes them)
//   yarn     "dependenciesMeta": {"pkg": {"built": true}}
// plus `--trust[=a,b]` and npm's `dangerously-allow-all-scripts`. A deny anywhere wins
// over an allow. npm's key rules hold for every list: a bare name or `name@*` covers every
// version, `name@1.2.3 || 1.2.4` those versions only; ranges and tags are dropped with a
// warning (they would allow versions nobody reviewed). npm's allowScripts keys of the
// registry form match only registry packages (a tarball or git package that calls itself
// "pkg" is not pkg); its `file:`/URL keys match that source. Bundled packages are never
// allowed by name (their tarball names them), only by allowing everything.
#ifndef SKUA_PM_CLI_SCRIPT_POLICY_H_
#define SKUA_PM_CLI_SCRIPT_POLICY_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/config/config.h"
#include "pm/lockfile/json_value.h"

namespace skua::pm::cli {

// A package with install scripts, as the lockfile names it.
struct ScriptSubject {
  std::string name;      // The real package name (an alias's target).
  std::string version;   // Empty when unknown.
  std::string source;    // Non-registry packages: the tarball URL, or the folder's fsutil::RealPath.
  bool registry = true;  // Fetched as a registry tarball.
  bool in_bundle = false;
  // A link (a workspace, a `file:` folder): the project's own code, whose scripts run
  // unless a rule denies them (npm leaves links out of the review).
  bool link = false;
};

// A registry's tarball URL (`<registry>/<name>/-/<name>-<version>.tgz`): npm's test, which
// wants a path before "/-/" so that `https://evil.test/-/pkg-1.0.0.tgz` is not one.
bool IsRegistryTarball(std::string_view url);

// A git package's repository as allowScripts keys name it: "github:user/project" on a
// known host (however the spec writes it), the URL without its fragment elsewhere; ""
// when `spec` (a key, or a lockfile's `resolved`) is no git spec. `committish`, when
// given, receives the `#` part.
std::string GitRepository(std::string_view spec, std::string* committish = nullptr);

enum class ScriptVerdict { kAllowed, kDenied, kUnreviewed };

class ScriptPolicy {
 public:
  // The root package.json's lists; `npmrc_allow_scripts` is npm's `allow-scripts` config
  // from the npmrc files, used when package.json has no allowScripts. `file:` keys are
  // resolved against `project_dir`. Dropped keys are described in `warnings`.
  // `pnpm_workspace`: pnpm-workspace.yaml's build settings (pnpm_workspace_yaml.h), or null.
  static ScriptPolicy Read(std::string_view package_json, std::string_view project_dir,
                           const std::vector<std::string>& npmrc_allow_scripts,
                           std::vector<std::string>* warnings,
                           const lockfile::JsonValue* pnpm_workspace = nullptr);

  // The policy of one allowScripts key as an allow: it allows exactly the packages npm's
  // `matches` finds the key names (`install-scripts prune` asks it).
  static ScriptPolicy ForNpmKey(std::string_view key, std::string_view project_dir);

  void Allow(std::string_view name) { AddNameRule(name, true, "--trust", nullptr); }
  void AllowAll() { allow_all_ = true; }

  ScriptVerdict Check(const ScriptSubject& subject) const;

 private:
  struct Rule {
    std::string name;      // Registry and name rules: the package name.
    std::string versions;  // Exact versions joined by "||"; empty: every version.
    std::string source;    // Source rules (npm's file:/URL keys): the source to match.
    bool registry_only = false;  // npm's allowScripts keys: registry packages only.
    bool allow = true;
    // Git rules (npm's git keys): the repository (GitRepository), and the committish the
    // lockfile's commit must start with; empty: any commit.
    std::string git_repo;
    std::string git_committish;
  };
  static Rule SourceRule(std::string source, bool allow) {
    Rule rule;
    rule.source = std::move(source);
    rule.allow = allow;
    return rule;
  }

  // Adds `key` ("pkg", "pkg@1.0.0 || 1.0.1", "@s/p@*"); false when it is dropped.
  bool AddNameRule(std::string_view key, bool allow, std::string_view where,
                   std::vector<std::string>* warnings, bool registry_only = false);
  void AddNpmKey(std::string_view key, bool allow, std::string_view where,
                 std::vector<std::string>* warnings);
  // pnpm's lists and allowBuilds map from `pnpm` (package.json's "pnpm" key or
  // pnpm-workspace.yaml's settings); `where` prefixes the key in warnings.
  void AddPnpmRules(const lockfile::JsonValue& pnpm, const std::string& where,
                    std::vector<std::string>* warnings);
  static bool Matches(const Rule& rule, const ScriptSubject& subject);

  std::string project_dir_;
  std::vector<Rule> rules_;
  bool allow_all_ = false;
};

// The policy of an install (or `skua trust`/`untrusted`) in `project_dir`: package.json's
// lists, npm's `allow-scripts` from the npmrc files, `--trust` names or all, and
// `dangerously-allow-all-scripts`. `allow-scripts` on the command line or in the
// environment is npm's EALLOWSCRIPTS (team policy belongs in package.json or .npmrc).
Result<ScriptPolicy> ProjectScriptPolicy(const config::Config& config, std::string_view package_json,
                                         std::string_view project_dir,
                                         const std::set<std::string>& trust, bool trust_all,
                                         std::vector<std::string>* warnings);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_SCRIPT_POLICY_H_
