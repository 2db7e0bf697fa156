#include "pm/cli/script_policy.h"

#include <algorithm>
#include <optional>

#include "base/status.h"
#include "pm/cli/pnpm_workspace_yaml.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/json_value.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::cli {
namespace {

using lockfile::JsonValue;

// npm's isExactVersionDisjunction: "1.2.3" or "1.2.3 || 1.2.4", nothing else.
bool IsExactVersions(std::string_view text) {
  if (text.find_first_not_of(" \t") == std::string_view::npos) return false;
  while (true) {
    size_t bar = text.find("||");
    std::string_view part = text.substr(0, bar);
    if (!semver::ParseVersion(part, false).ok()) return false;
    if (bar == std::string_view::npos) return true;
    text.remove_prefix(bar + 2);
  }
}

void Warn(std::vector<std::string>* warnings, std::string_view where, std::string_view key,
          std::string_view why) {
  if (warnings) warnings->push_back(std::string(where) + ": ignoring \"" + std::string(key) + "\" - " + std::string(why));
}

// The strings of a JSON array (other items skipped).
std::vector<std::string> Strings(const JsonValue* list) {
  std::vector<std::string> out;
  if (list == nullptr || !list->is_array()) return out;
  for (const JsonValue& item : list->items()) {
    if (item.is_string()) out.push_back(item.str());
  }
  return out;
}

}  // namespace

std::string GitRepository(std::string_view spec_text, std::string* committish) {
  Result<spec::DepSpec> spec = spec::ParseSpecArg(spec_text);
  if (!spec.ok() || spec->type != spec::SpecType::kGit) return "";
  if (committish) *committish = spec->git_committish;
  return spec->git_host.empty() ? spec->fetch_spec : spec->git_host + ":" + spec->git_repo;
}

bool IsRegistryTarball(std::string_view url) {
  size_t scheme = url.starts_with("https://") ? 8 : url.starts_with("http://") ? 7 : 0;
  if (scheme == 0) return false;
  size_t host_end = url.find('/', scheme);
  if (host_end == std::string_view::npos || host_end == scheme) return false;
  for (size_t at = url.find("/-/", host_end + 2); at != std::string_view::npos; at = url.find("/-/", at + 1)) {
    std::string_view file = url.substr(at + 3);
    file = file.substr(0, file.find('/'));
    for (size_t i = 1; i + 1 < file.size(); ++i) {
      if (file[i] == '-' && file[i + 1] >= '0' && file[i + 1] <= '9') return true;
    }
  }
  return false;
}

bool ScriptPolicy::AddNameRule(std::string_view key, bool allow, std::string_view where,
                               std::vector<std::string>* warnings, bool registry_only) {
  Result<spec::DepSpec> spec = spec::ParseSpecArg(key);
  if (!spec.ok() || spec->name.empty()) {
    Warn(warnings, where, key, "not a package name");
    return false;
  }
  Rule rule;
  rule.name = spec->name;
  rule.registry_only = registry_only;
  rule.allow = allow;
  switch (spec->type) {
    case spec::SpecType::kRange:
      if (spec->fetch_spec == "*" || spec->raw_spec.empty() || spec->raw_spec == "*") break;
      if (!IsExactVersions(spec->fetch_spec)) {
        Warn(warnings, where, key, "semver ranges (^, ~, >=, <) are not allowed; use exact versions joined by \"||\"");
        return false;
      }
      rule.versions = spec->fetch_spec;
      break;
    case spec::SpecType::kVersion:
      rule.versions = spec->fetch_spec;
      break;
    case spec::SpecType::kTag:
      Warn(warnings, where, key, "dist-tags cannot be checked when scripts run; use exact versions joined by \"||\"");
      return false;
    default:
      Warn(warnings, where, key, "only package names and exact versions are accepted here");
      return false;
  }
  rules_.push_back(std::move(rule));
  return true;
}

// npm's allowScripts key: a registry key, or the `file:`/folder/URL source of a package.
void ScriptPolicy::AddNpmKey(std::string_view key, bool allow, std::string_view where,
                             std::vector<std::string>* warnings) {
  Result<spec::DepSpec> spec = spec::ParseSpecArg(key, project_dir_);
  // npm's own words for the keys it drops (resolve-allow-scripts' validatePolicy).
  auto drop = [&](std::string_view why) {
    if (warnings) warnings->push_back(std::string(where) + ": ignoring \"" + std::string(key) + "\" — " + std::string(why));
  };
  if (!spec.ok()) {
    if (warnings) warnings->push_back(std::string(where) + ": ignoring unparseable entry \"" + std::string(key) + "\"");
    return;
  }
  if (spec->type == spec::SpecType::kTag) {
    return drop("dist-tag specs (@latest, @next, ...) are not allowed; use exact versions joined by \"||\", or the "
                "bare package name, instead");
  }
  if (spec->type == spec::SpecType::kRange && spec->fetch_spec != "*" && !spec->raw_spec.empty() &&
      spec->raw_spec != "*" && !IsExactVersions(spec->fetch_spec)) {
    return drop("semver ranges (^, ~, >=, <) are not allowed; use exact versions joined by \"||\" instead");
  }
  if (spec.ok() && (spec->type == spec::SpecType::kFile || spec->type == spec::SpecType::kDirectory)) {
    rules_.push_back(SourceRule(fsutil::RealPath(spec->fetch_spec), allow));
    return;
  }
  if (spec.ok() && spec->type == spec::SpecType::kRemote) {
    rules_.push_back(SourceRule(spec->fetch_spec, allow));
    return;
  }
  if (spec.ok() && spec->type == spec::SpecType::kAlias) {
    Warn(warnings, where, key, "an alias names no package; write the real package's name");
    return;
  }
  if (spec.ok() && spec->type == spec::SpecType::kGit) {
    Rule rule;
    rule.allow = allow;
    rule.git_repo = GitRepository(key, &rule.git_committish);
    // A `semver:` range cannot be checked against a commit: npm's key then matches nothing.
    if (!spec->git_range.empty()) rule.git_committish = "semver:" + spec->git_range;
    rules_.push_back(std::move(rule));
    return;
  }
  AddNameRule(key, allow, where, warnings, /*registry_only=*/true);
}

void ScriptPolicy::AddPnpmRules(const JsonValue& pnpm, const std::string& where,
                                std::vector<std::string>* warnings) {
  for (const std::string& name : Strings(pnpm.Get("onlyBuiltDependencies"))) {
    AddNameRule(name, true, where + "onlyBuiltDependencies", warnings);
  }
  for (const char* deny : {"neverBuiltDependencies", "ignoredBuiltDependencies"}) {
    for (const std::string& name : Strings(pnpm.Get(deny))) AddNameRule(name, false, where + deny, warnings);
  }
  if (const JsonValue* builds = pnpm.Get("allowBuilds"); builds && builds->is_object()) {
    for (const lockfile::JsonMember& m : builds->members()) {
      if (m.value.type() == JsonValue::Type::kBool) AddNameRule(m.key, m.value.bool_value(), where + "allowBuilds", warnings);
    }
  }
  if (pnpm.GetBool("dangerouslyAllowAllBuilds")) allow_all_ = true;
}

ScriptPolicy ScriptPolicy::ForNpmKey(std::string_view key, std::string_view project_dir) {
  ScriptPolicy policy;
  policy.project_dir_ = std::string(project_dir);
  policy.AddNpmKey(key, true, "allowScripts", nullptr);
  return policy;
}

ScriptPolicy ScriptPolicy::Read(std::string_view package_json, std::string_view project_dir,
                                const std::vector<std::string>& npmrc_allow_scripts,
                                std::vector<std::string>* warnings, const JsonValue* pnpm_workspace) {
  ScriptPolicy policy;
  policy.project_dir_ = std::string(project_dir);
  Result<JsonValue> doc = lockfile::ParseJson(package_json, "package.json");
  if (!doc.ok()) return policy;
  // npm: package.json's allowScripts, else the npmrc list.
  size_t before = policy.rules_.size();
  if (const JsonValue* allow = doc->Get("allowScripts"); allow && allow->is_object()) {
    for (const lockfile::JsonMember& m : allow->members()) {
      if (m.value.type() == JsonValue::Type::kBool) policy.AddNpmKey(m.key, m.value.bool_value(), "package.json", warnings);
    }
  }
  if (policy.rules_.size() == before) {
    for (const std::string& key : npmrc_allow_scripts) policy.AddNpmKey(key, true, ".npmrc", warnings);
  }
  for (const std::string& name : Strings(doc->Get("trustedDependencies"))) {
    policy.AddNameRule(name, true, "package.json trustedDependencies", warnings);
  }
  if (const JsonValue* pnpm = doc->Get("pnpm"); pnpm && pnpm->is_object()) {
    policy.AddPnpmRules(*pnpm, "package.json pnpm.", warnings);
  }
  if (pnpm_workspace != nullptr) policy.AddPnpmRules(*pnpm_workspace, "pnpm-workspace.yaml ", warnings);
  if (const JsonValue* meta = doc->Get("dependenciesMeta"); meta && meta->is_object()) {
    for (const lockfile::JsonMember& m : meta->members()) {
      const JsonValue* built = m.value.is_object() ? m.value.Get("built") : nullptr;
      if (built && built->type() == JsonValue::Type::kBool) policy.AddNameRule(m.key, built->bool_value(), "package.json dependenciesMeta", warnings);
    }
  }
  return policy;
}

bool ScriptPolicy::Matches(const Rule& rule, const ScriptSubject& subject) {
  if (!rule.source.empty()) return !subject.registry && subject.source == rule.source;
  if (!rule.git_repo.empty()) {
    if (subject.registry || !subject.source.starts_with("git")) return false;
    std::string commit;
    if (GitRepository(subject.source, &commit) != rule.git_repo) return false;
    // The lockfile's full commit must start with the key's (usually short) one.
    return rule.git_committish.empty() || (!commit.empty() && commit.starts_with(rule.git_committish));
  }
  if (rule.name != subject.name || (rule.registry_only && !subject.registry)) return false;
  if (rule.versions.empty()) return true;
  // A version nobody can vouch for: a deny still holds, an allow does not (npm's rule).
  if (subject.version.empty()) return !rule.allow;
  return semver::Satisfies(subject.version, rule.versions, semver::RangeOptions{.loose = true});
}

ScriptVerdict ScriptPolicy::Check(const ScriptSubject& subject) const {
  if (allow_all_) return ScriptVerdict::kAllowed;
  if (subject.in_bundle) return ScriptVerdict::kUnreviewed;
  bool allowed = false;
  for (const Rule& rule : rules_) {
    if (!Matches(rule, subject)) continue;
    if (!rule.allow) return ScriptVerdict::kDenied;
    allowed = true;
  }
  return allowed || subject.link ? ScriptVerdict::kAllowed : ScriptVerdict::kUnreviewed;
}

Result<ScriptPolicy> ProjectScriptPolicy(const config::Config& config, std::string_view package_json,
                                         std::string_view project_dir,
                                         const std::set<std::string>& trust, bool trust_all,
                                         std::vector<std::string>* warnings) {
  std::vector<std::string> npmrc_allow;
  if (const config::ConfigValue* allow = config.Find("allow-scripts")) {
    if (allow->layer == config::Layer::kCli || allow->layer == config::Layer::kEnv) {
      return InvalidArgument("code EALLOWSCRIPTS\n--allow-scripts is not allowed in project-scoped installs. "
                             "Add the entries to the \"allowScripts\" field in package.json, or to .npmrc, "
                             "instead (or run once with --trust=<names>).");
    }
    // npm's list: items, each possibly "a, b".
    for (const std::string& item : allow->items) {
      for (size_t start = 0; start <= item.size();) {
        size_t comma = std::min(item.find(',', start), item.size());
        std::string part = item.substr(start, comma - start);
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        if (!part.empty()) npmrc_allow.push_back(part);
        start = comma + 1;
      }
    }
  }
  // pnpm 10 keeps its build lists in pnpm-workspace.yaml.
  std::optional<JsonValue> pnpm_workspace;
  if (Result<std::string> yaml = fsutil::ReadFile(fsutil::JoinPath(std::string(project_dir), "pnpm-workspace.yaml"));
      yaml.ok()) {
    pnpm_workspace = PnpmWorkspaceBuildSettings(*yaml);
  }
  ScriptPolicy policy = ScriptPolicy::Read(package_json, project_dir, npmrc_allow, warnings,
                                           pnpm_workspace ? &*pnpm_workspace : nullptr);
  for (const std::string& name : trust) policy.Allow(name);
  if (trust_all || config.GetBool("dangerously-allow-all-scripts")) policy.AllowAll();
  return policy;
}

}  // namespace skua::pm::cli
