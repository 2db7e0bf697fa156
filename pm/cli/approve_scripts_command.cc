// npm's approve-scripts / deny-scripts; see approve_scripts_command.h.
#include "pm/cli/approve_scripts_command.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <utility>

#include "pm/cli/installed_packages.h"
#include "pm/cli/package_json_edit.h"
#include "pm/cli/script_policy.h"
#include "pm/cli/scripts.h"
#include "pm/config/cli_args.h"
#include "pm/fsutil/fsutil.h"
#include "pm/semver/range.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::cli {

namespace {

using lockfile::JsonValue;

struct Change {
  std::string key;
  std::string change;  // "added", "removed-stale", "removed-pinned-allow", "replaced-by-pin".
};

struct Outcome {
  std::vector<Change> changes;
  std::string warning;
};

// A git package on a known host: its shortcut ("github:user/project"), and its commit.
std::string HostedGitKey(const InstalledPackage& p, std::string* commit = nullptr) {
  if (!p.resolved.starts_with("git")) return "";
  Result<spec::DepSpec> spec = spec::ParseSpecArg(p.resolved);
  if (!spec.ok() || spec->type != spec::SpecType::kGit || spec->git_host.empty()) return "";
  if (commit) *commit = spec->git_committish;
  return spec->git_host + ":" + spec->git_repo;  // GitRepository's form, parsed once.
}

// The key naming a package whatever its version: its registry name, the shortcut of a
// git package's repository, or the source a `file:` package came from; "" when the
// lockfile gives it no trusted identity (links, git packages on other hosts).
std::string NameKey(const InstalledPackage& p) {
  if (p.subject.link) return "";
  if (p.subject.registry) return p.subject.name;
  if (p.resolved.starts_with("git")) return HostedGitKey(p);
  if (p.resolved.rfind("file:", 0) == 0 || p.resolved.rfind("/", 0) == 0) return p.resolved;
  return "";
}

// The key for the installed version: "name@version" for a registry package whose lockfile
// entry records its tarball URL (without one npm cannot trust a version); a git package's
// shortcut with its commit; the source of a `file:` package; "" when it cannot be pinned.
std::string VersionedKey(const InstalledPackage& p) {
  if (p.resolved.starts_with("git") && !p.subject.link) {
    std::string commit;
    std::string key = HostedGitKey(p, &commit);
    return key.empty() || commit.empty() ? key : key + "#" + commit;
  }
  if (!p.subject.registry) return NameKey(p);
  if (p.resolved.empty() || p.subject.version.empty()) return "";
  return p.subject.name + "@" + p.subject.version;
}

// Whether `key` names the package (any version): npm's keyTargetsNode.
bool Targets(const std::string& key, const InstalledPackage& p) {
  Result<spec::DepSpec> spec = spec::ParseSpecArg(key);
  if (!spec.ok()) return false;
  switch (spec->type) {
    case spec::SpecType::kTag:
    case spec::SpecType::kRange:
    case spec::SpecType::kVersion:
      return p.subject.registry && !p.subject.link && spec->name == p.subject.name;
    case spec::SpecType::kFile:
    case spec::SpecType::kDirectory:
    case spec::SpecType::kRemote:
      return !p.resolved.empty() && (key == p.resolved || spec->fetch_spec == p.resolved);
    case spec::SpecType::kGit: {
      // Known hosts only, any commit (npm's keyTargetsNode).
      std::string repo = HostedGitKey(p);
      return !repo.empty() && !spec->git_host.empty() && GitRepository(key) == repo;
    }
    default:
      return false;
  }
}

bool IsSingleVersionPin(const std::string& key) {
  Result<spec::DepSpec> spec = spec::ParseSpecArg(key);
  return spec.ok() && spec->type == spec::SpecType::kVersion;
}

bool IsNameOnlyKey(const std::string& key) {
  Result<spec::DepSpec> spec = spec::ParseSpecArg(key);
  if (!spec.ok()) return false;
  if (spec->type == spec::SpecType::kTag) return true;
  return spec->type == spec::SpecType::kRange &&
         (spec->fetch_spec == "*" || spec->raw_spec.empty() || spec->raw_spec == "*");
}

bool IsValue(const JsonValue& scripts, const std::string& key, bool value) {
  const JsonValue* v = scripts.Get(key);
  return v != nullptr && v->type() == JsonValue::Type::kBool && v->bool_value() == value;
}

std::vector<std::string> Keys(const JsonValue& scripts) {
  std::vector<std::string> keys;
  for (const lockfile::JsonMember& m : scripts.members()) keys.push_back(m.key);
  return keys;
}

// Drops every `true` single-version pin of the package except `keep` ones.
void DropPins(JsonValue* scripts, const InstalledPackage& sample, const std::string& name,
              const std::set<std::string>& keep, const char* change, std::vector<Change>* changes) {
  for (const std::string& key : Keys(*scripts)) {
    if (key != name && !keep.count(key) && Targets(key, sample) && IsSingleVersionPin(key) &&
        IsValue(*scripts, key, true)) {
      scripts->Remove(key);
      if (change) changes->push_back({key, change});
    }
  }
}

// npm's applyApprovalForPackage: `nodes` are the installed copies of one package.
Outcome Approve(JsonValue* scripts, const std::vector<const InstalledPackage*>& nodes, bool pin) {
  Outcome out;
  const InstalledPackage& sample = *nodes.front();
  const std::string name = NameKey(sample);
  // A deny wins: nothing is approved while one covers any installed copy.
  for (const InstalledPackage* node : nodes) {
    for (const std::string& key : Keys(*scripts)) {
      if (!IsValue(*scripts, key, false) || !Targets(key, *node)) continue;
      out.warning = IsNameOnlyKey(key)
                        ? key + " is denied; remove the entry from allowScripts to approve " + name + "."
                        : key + " is a versioned deny; run `skua install-scripts deny " + name +
                              "` to widen the deny to all versions of " + name +
                              ", or remove the entry to approve " + name + ".";
      return out;
    }
  }
  auto approve_name = [&] {
    if (!name.empty() && !IsValue(*scripts, name, true)) {
      scripts->Set(name, JsonValue::Bool(true));
      out.changes.push_back({name, "added"});
    }
  };
  if (!pin) {
    DropPins(scripts, sample, name, {}, nullptr, &out.changes);
    approve_name();
    return out;
  }
  std::vector<std::string> pins;
  bool unpinnable = false;
  for (const InstalledPackage* node : nodes) {
    std::string key = VersionedKey(*node);
    if (key.empty()) {
      unpinnable = true;
    } else if (std::find(pins.begin(), pins.end(), key) == pins.end()) {
      pins.push_back(key);
    }
  }
  if (!name.empty() && unpinnable) {
    DropPins(scripts, sample, name, {}, "removed-pinned-allow", &out.changes);
    approve_name();
    if (!out.changes.empty()) {
      out.warning = name + ": approved by name (all versions) because its package-lock.json entry has no "
                    "\"resolved\" URL, so skua can't pin a specific version. Run `skua install` to refresh the "
                    "lockfile and enable pinning.";
    }
    return out;
  }
  std::set<std::string> installed(pins.begin(), pins.end());
  DropPins(scripts, sample, "", installed, "removed-stale", &out.changes);
  for (const std::string& key : pins) {
    if (!IsValue(*scripts, key, true)) {
      scripts->Set(key, JsonValue::Bool(true));
      out.changes.push_back({key, "added"});
    }
  }
  // Every installed version pinned: the name-only approval goes.
  if (!pins.empty() && !name.empty() && !installed.count(name) && IsValue(*scripts, name, true)) {
    scripts->Remove(name);
    out.changes.push_back({name, "replaced-by-pin"});
  }
  return out;
}

// npm's applyDenyForPackage: always by name, the package's other keys dropped.
Outcome Deny(JsonValue* scripts, const std::vector<const InstalledPackage*>& nodes) {
  Outcome out;
  const InstalledPackage& sample = *nodes.front();
  const std::string name = NameKey(sample);
  if (name.empty()) return out;
  for (const std::string& key : Keys(*scripts)) {
    if (key != name && Targets(key, sample)) {
      scripts->Remove(key);
      out.changes.push_back({key, "removed-pinned-allow"});
    }
  }
  if (!IsValue(*scripts, name, false)) {
    scripts->Set(name, JsonValue::Bool(false));
    out.changes.push_back({name, "added"});
  }
  return out;
}

std::string Plural(size_t n, const char* one, const char* many) { return n == 1 ? one : many; }

void PrintJson(const JsonValue& value) {
  JsonValue doc = JsonValue::Object();
  doc.Set("allowScripts", value);
  std::string text = StringifyJson(doc, "  ") + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
}

enum class Mode { kApprove, kDeny, kList, kPrune };

struct Options {
  Mode mode = Mode::kApprove;
  std::string title;  // The command as npm's warnings name it: "approve-scripts", "install-scripts".
  bool all = false;
  bool pending = false;
  bool pin = true;
  bool json = false;
  bool dry_run = false;
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> settings;
};

// `pending_flag`: whether the command takes --allow-scripts-pending (the `install-scripts`
// namespace does not: it has `ls`).
Options ParseOptions(const std::vector<std::string>& args, bool pending_flag) {
  Options o;
  std::vector<std::string> rest;
  for (const std::string& arg : args) {
    if (arg == "--all") {
      o.all = true;
    } else if (arg == "--allow-scripts-pending") {
      o.pending = pending_flag;
    } else if (arg == "--allow-scripts-pin" || arg == "--allow-scripts-pin=true") {
      o.pin = true;
    } else if (arg == "--no-allow-scripts-pin" || arg == "--allow-scripts-pin=false") {
      o.pin = false;
    } else if (arg == "--json") {
      o.json = true;
    } else if (arg == "--dry-run" || arg == "--dry-run=true") {
      o.dry_run = true;
    } else {
      rest.push_back(arg);
    }
  }
  config::ConfigArgs parsed = config::ParseConfigArgs(rest);
  o.positional = std::move(parsed.positional);
  o.settings = std::move(parsed.settings);
  return o;
}

int Fail(const std::string& message) {
  PrintError(message);
  return 1;
}

const char* kReviewHint =
    "Run `skua install-scripts approve <pkg>` to allow, or `skua install-scripts deny <pkg>` to deny.";

// `skua install-scripts ls` (and `approve-scripts --allow-scripts-pending`): the installed
// packages whose install scripts no rule covers yet.
int ListUnreviewed(const Options& o, const std::vector<const InstalledPackage*>& unreviewed) {
  if (o.json) {
    // One entry a name, its versions' keys in the order they were found.
    std::vector<std::pair<std::string, JsonValue>> groups;
    for (const InstalledPackage* p : unreviewed) {
      auto group = std::find_if(groups.begin(), groups.end(), [p](const auto& g) { return g.first == p->subject.name; });
      if (group == groups.end()) group = groups.insert(groups.end(), {p->subject.name, JsonValue::Array()});
      JsonValue change = JsonValue::Object();
      change.Set("key", JsonValue::String(p->subject.name + "@" + p->subject.version));
      change.Set("change", JsonValue::String("pending"));
      group->second.Push(std::move(change));
    }
    JsonValue list = JsonValue::Array();
    for (auto& [name, changes] : groups) {
      JsonValue entry = JsonValue::Object();
      entry.Set("name", JsonValue::String(name));
      entry.Set("changes", std::move(changes));
      list.Push(std::move(entry));
    }
    PrintJson(list);
    return 0;
  }
  if (unreviewed.empty()) {
    std::printf("No packages with unreviewed install scripts.\n");
    return 0;
  }
  std::printf("%zu %s %s install scripts not yet covered by allowScripts:\n", unreviewed.size(),
              Plural(unreviewed.size(), "package", "packages").c_str(), Plural(unreviewed.size(), "has", "have").c_str());
  for (const InstalledPackage* p : unreviewed) {
    std::string events;
    for (const auto& [event, script] : p->scripts) events += (events.empty() ? "" : "; ") + event + ": " + script;
    std::printf("  %s@%s (%s)\n", p->subject.name.c_str(), p->subject.version.c_str(), events.c_str());
  }
  std::printf("\n%s\n", kReviewHint);
  return 0;
}

// `skua install-scripts prune`: drops the allowScripts entries that no installed package
// with install scripts matches any more (package.json only; `--dry-run` just reports).
int Prune(const Options& o, const std::string& project_dir, PackageJsonEditor& editor,
          const std::string& package_path) {
  const JsonValue* existing = editor.document().Get("allowScripts");
  JsonValue remaining = JsonValue::Object();
  JsonValue removed = JsonValue::Array();
  std::vector<std::pair<std::string, std::string>> removed_text;  // Key, reason.
  if (existing && existing->is_object() && !existing->members().empty()) {
    std::vector<InstalledPackage> installed = InstalledPackages(project_dir);
    std::vector<const InstalledPackage*> candidates;
    for (const InstalledPackage& p : installed) {
      if (!p.subject.link && !p.subject.in_bundle) candidates.push_back(&p);
    }
    for (const lockfile::JsonMember& m : existing->members()) {
      // A key that is no package spec at all is kept: prune drops only what it understands.
      if (!spec::ParseSpecArg(m.key).ok()) {
        remaining.Set(m.key, m.value);
        continue;
      }
      bool matched = false, with_scripts = false;
      const ScriptPolicy key = ScriptPolicy::ForNpmKey(m.key, project_dir);
      for (const InstalledPackage* p : candidates) {
        if (key.Check(p->subject) != ScriptVerdict::kAllowed) continue;
        matched = true;
        with_scripts = with_scripts || !p->scripts.empty();
      }
      if (matched && with_scripts) {
        remaining.Set(m.key, m.value);
        continue;
      }
      const char* reason = matched ? "no-scripts" : "not-installed";
      JsonValue entry = JsonValue::Object();
      entry.Set("key", JsonValue::String(m.key));
      entry.Set("value", m.value);
      entry.Set("reason", JsonValue::String(reason));
      removed.Push(std::move(entry));
      removed_text.emplace_back(m.key, matched ? "no install scripts" : "package not installed");
    }
  }
  if (!removed_text.empty() && !o.dry_run) {
    // Nothing left: the field goes rather than stay as {}.
    if (remaining.members().empty()) {
      editor.RemoveKey("allowScripts");
    } else {
      editor.SetKey("allowScripts", remaining);
    }
    if (Status wrote = fsutil::WriteFileAtomic(package_path, editor.Serialize()); !wrote.ok()) {
      return Fail(wrote.message());
    }
  }
  if (o.json) {
    JsonValue result = JsonValue::Object();
    result.Set("removed", std::move(removed));
    result.Set("dryRun", JsonValue::Bool(o.dry_run));
    PrintJson(result);
    return 0;
  }
  if (removed_text.empty()) {
    std::printf("No unused allowScripts entries.\n");
    return 0;
  }
  std::printf("%s %zu unused allowScripts %s:\n", o.dry_run ? "Would remove" : "Removed", removed_text.size(),
              Plural(removed_text.size(), "entry", "entries").c_str());
  for (const auto& [key, reason] : removed_text) std::printf("  %s (%s)\n", key.c_str(), reason.c_str());
  return 0;
}

// npm's AllowScriptsCmd#runMode, for the standalone commands and the namespace alike.
int Run(const Options& o, const std::string& usage) {
  const std::string cwd = CurrentDir();
  Result<config::Config> config = LoadCommandConfig(cwd, o.settings);
  if (!config.ok()) return Fail(config.status().message());
  if (config->GetBool("global")) {
    return Fail("code EGLOBAL\n`skua " + o.title + "` does not work for global installs");
  }
  const std::string project_dir = config->project_dir();
  const std::string package_path = fsutil::JoinPath(project_dir, "package.json");
  const bool list = o.mode == Mode::kList || o.pending;
  if (o.mode == Mode::kPrune) {
    if (o.all || !o.positional.empty()) {
      return Fail("code EUSAGE\n`skua install-scripts prune` cannot be combined with positional arguments or `--all`.");
    }
  } else if (list && (o.all || !o.positional.empty())) {
    std::string what = o.mode == Mode::kList ? "`skua install-scripts ls`" : "`--allow-scripts-pending`";
    return Fail("code EUSAGE\n" + what + " cannot be combined with positional arguments or `--all`.");
  } else if (!list && !o.all && o.positional.empty()) {
    return Fail("code EUSAGE\n" + usage);
  } else if (o.mode == Mode::kDeny && o.pending) {
    return Fail("code EUSAGE\n`skua deny-scripts --allow-scripts-pending` is not supported; run "
                "`skua install-scripts ls` to list unreviewed packages.");
  }

  Result<std::string> text = fsutil::ReadFile(package_path);
  if (!text.ok()) return Fail("code ENOENT\nCould not read package.json: " + text.status().message());
  Result<PackageJsonEditor> parsed = PackageJsonEditor::Parse(*text, package_path);
  if (!parsed.ok()) return Fail(parsed.status().message());
  PackageJsonEditor editor = std::move(parsed).value();
  if (o.mode == Mode::kPrune) return Prune(o, project_dir, editor, package_path);
  std::vector<std::string> dropped_keys;
  Result<ScriptPolicy> policy = ProjectScriptPolicy(*config, *text, project_dir, {}, false, &dropped_keys);
  if (!policy.ok()) return Fail(policy.status().message());
  for (const std::string& w : dropped_keys) std::fprintf(stderr, "skua warn install-scripts %s\n", w.c_str());

  const std::vector<InstalledPackage> installed = InstalledPackages(project_dir);
  // What no rule covers yet (links are the project's own code; bundled packages cannot be
  // allowed by name).
  std::vector<const InstalledPackage*> unreviewed;
  for (const InstalledPackage& p : installed) {
    if (!p.scripts.empty() && !p.subject.link && !p.subject.in_bundle &&
        policy->Check(p.subject) == ScriptVerdict::kUnreviewed) {
      unreviewed.push_back(&p);
    }
  }
  if (list) return ListUnreviewed(o, unreviewed);
  const bool approve = o.mode == Mode::kApprove;
  // The packages to write keys for, grouped by the key that names them.
  std::vector<std::pair<std::string, std::vector<const InstalledPackage*>>> groups;
  auto add = [&groups, &o](const InstalledPackage* p) {
    std::string key = NameKey(*p);
    if (key.empty()) {
      std::fprintf(stderr, "skua warn %s skipping %s: no trusted identity for policy key\n", o.title.c_str(),
                   p->subject.name.c_str());
      return;
    }
    for (auto& [name, nodes] : groups) {
      if (name == key) {
        nodes.push_back(p);
        return;
      }
    }
    groups.push_back({key, {p}});
  };
  if (o.all) {
    if (unreviewed.empty()) {
      if (o.json) {
        PrintJson(JsonValue::Array());
      } else {
        std::printf("No packages with unreviewed install scripts.\n");
      }
      return 0;
    }
    for (const InstalledPackage* p : unreviewed) add(p);
  } else {
    std::string unmatched;
    for (const std::string& arg : o.positional) {
      Result<spec::DepSpec> spec = spec::ParseSpecArg(arg);
      std::string name = spec.ok() && !spec->name.empty() ? spec->name : arg;
      std::string range;
      if (spec.ok() && (spec->type == spec::SpecType::kVersion || spec->type == spec::SpecType::kRange) &&
          !spec->raw_spec.empty() && spec->raw_spec != "*" && spec->fetch_spec != "*") {
        range = spec->fetch_spec;
      }
      bool found = false;
      for (const InstalledPackage& p : installed) {
        if (p.subject.link || p.subject.in_bundle || p.subject.name != name) continue;
        if (!range.empty() && !semver::Satisfies(p.subject.version, range, semver::RangeOptions{.loose = true})) continue;
        found = true;
        add(&p);
      }
      if (!found) unmatched += (unmatched.empty() ? "" : ", ") + arg;
    }
    if (!unmatched.empty()) return Fail("code ENOMATCH\nNo installed packages match: " + unmatched);
  }

  const JsonValue* existing = editor.document().Get("allowScripts");
  JsonValue scripts = existing && existing->is_object() ? *existing : JsonValue::Object();
  const JsonValue before = scripts;
  JsonValue summary = JsonValue::Array();
  std::string text_out;
  size_t touched = 0;
  for (const auto& [name, nodes] : groups) {
    Outcome outcome = approve ? Approve(&scripts, nodes, o.pin) : Deny(&scripts, nodes);
    if (!outcome.warning.empty()) std::fprintf(stderr, "skua warn %s %s\n", o.title.c_str(), outcome.warning.c_str());
    JsonValue changes = JsonValue::Array();
    for (const Change& c : outcome.changes) {
      JsonValue change = JsonValue::Object();
      change.Set("key", JsonValue::String(c.key));
      change.Set("change", JsonValue::String(c.change));
      changes.Push(std::move(change));
    }
    JsonValue entry = JsonValue::Object();
    entry.Set("name", JsonValue::String(name));
    entry.Set("changes", std::move(changes));
    summary.Push(std::move(entry));
    if (outcome.changes.empty()) continue;
    ++touched;
    text_out += std::string(approve ? "Approved " : "Denied ") + name + ":\n";
    for (const Change& c : outcome.changes) text_out += "  " + c.change + " " + c.key + "\n";
  }
  if (!(scripts == before)) {
    editor.SetKey("allowScripts", scripts);
    if (Status wrote = fsutil::WriteFileAtomic(package_path, editor.Serialize()); !wrote.ok()) {
      return Fail(wrote.message());
    }
  }
  if (o.json) {
    PrintJson(summary);
  } else {
    if (touched == 0) text_out = std::string("Nothing to ") + (approve ? "approve" : "deny") + "; allowScripts unchanged.\n";
    std::fwrite(text_out.data(), 1, text_out.size(), stdout);
  }
  return 0;
}

}  // namespace

int RunApproveScriptsCommand(const std::string& command, const std::vector<std::string>& args) {
  Options o = ParseOptions(args, true);
  o.title = command;
  o.mode = command == "approve-scripts" ? Mode::kApprove : Mode::kDeny;
  return Run(o, o.mode == Mode::kApprove
                    ? "Usage: skua approve-scripts <pkg> [<pkg> ...] | --all | --allow-scripts-pending"
                    : "Usage: skua deny-scripts <pkg> [<pkg> ...] | --all");
}

int RunInstallScriptsCommand(const std::string& command, const std::vector<std::string>& args) {
  const std::string usage =
      "Usage: skua install-scripts approve <pkg> [<pkg> ...] | approve --all | deny <pkg> [<pkg> ...] | "
      "deny --all | ls | prune";
  Options o = ParseOptions(args, false);
  o.title = command;
  const std::string sub = o.positional.empty() ? "" : o.positional.front();
  if (sub == "approve") {
    o.mode = Mode::kApprove;
  } else if (sub == "deny") {
    o.mode = Mode::kDeny;
  } else if (sub == "ls" || sub == "list") {
    o.mode = Mode::kList;
  } else if (sub == "prune") {
    o.mode = Mode::kPrune;
  } else {
    return Fail("code EUSAGE\n" + (sub.empty() ? "" : "`" + sub + "` is not a recognized subcommand.\n") + usage);
  }
  o.positional.erase(o.positional.begin());
  return Run(o, usage);
}

}  // namespace skua::pm::cli
