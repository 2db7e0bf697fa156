#include "pm/cli/install_command.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "pm/cli/bundled_entries.h"
#include "pm/cli/dependency_commands.h"
#include "pm/cli/early_links.h"
#include "pm/cli/fetch_packages.h"
#include "pm/cli/git_packages.h"
#include "pm/cli/install_inputs.h"
#include "pm/cli/install_options.h"
#include "pm/cli/json_error.h"
#include "pm/cli/package_json_edit.h"
#include "pm/cli/pinned_source.h"
#include "pm/cli/plan.h"
#include "pm/cli/registry_source.h"
#include "pm/cli/reify.h"
#include "pm/cli/reporter.h"
#include "pm/cli/resolution_memo.h"
#include "pm/cli/script_policy.h"
#include "pm/cli/scripts.h"
#include "pm/cli/stamp.h"
#include "pm/config/config.h"
#include "pm/config/network_options.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/ci_check.h"
#include "pm/lockfile/collate.h"
#include "pm/lockfile/edges.h"
#include "pm/lockfile/extraneous.h"
#include "pm/lockfile/from_tree.h"
#include "pm/lockfile/linkable.h"
#include "pm/lockfile/lockfile.h"
#include "pm/lockfile/omit_resolved.h"
#include "pm/registry/manifest.h"
#include "pm/spec/dep_spec.h"
#include "pm/store/cache_dir.h"
#include "pm/tree/build_ideal_tree.h"
#include "pm/workspaces/workspaces.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

// The Node version skua reports (runtime/core/version.h, which pm/ may not include).

struct Failure {
  int code = 1;
  std::string message;
};

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string SummaryLine(const ReifyStats& s, double seconds) {
  std::vector<std::string> parts;
  if (s.added) parts.push_back("added " + Plural(s.added, "package"));
  if (s.removed) parts.push_back("removed " + Plural(s.removed, "package"));
  if (s.changed) parts.push_back("changed " + Plural(s.changed, "package"));
  std::string line;
  for (size_t i = 0; i < parts.size(); ++i) {
    line += i == 0 ? "" : (i + 1 == parts.size() ? ", and " : ", ");
    line += parts[i];
  }
  if (line.empty()) line = "up to date";
  char time[32];
  std::snprintf(time, sizeof(time), " in %.2fs", seconds);
  return line + time;
}

// What node_modules holds after a filtered install, as its hidden lockfile: `lock`'s
// entries at the `written` locations, and the `previous` hidden lockfile's entries for
// the rest the install kept (the root entry left out), `kept_outside` (previous entries
// the filter does not reach and `lock` no longer lists) among them.
lockfile::Lockfile FilteredHiddenLockfile(const lockfile::Lockfile& lock, const lockfile::Lockfile* previous,
                                          const std::set<std::string>& written,
                                          const std::set<std::string>& kept_outside) {
  std::unordered_map<std::string_view, const lockfile::LockEntry*> kept;
  for (size_t i = 0; previous && i < previous->packages.size(); ++i) {
    kept.emplace(previous->packages[i].location, &previous->packages[i]);
  }
  lockfile::Lockfile hidden;
  hidden.name = lock.name;
  hidden.version = lock.version;
  hidden.lockfile_version = lock.lockfile_version;
  for (const lockfile::LockEntry& e : lock.packages) {
    if (e.location.empty()) continue;
    auto old = kept.find(e.location);
    if (written.count(e.location)) {
      hidden.packages.push_back(e);
    } else if (old != kept.end()) {
      hidden.packages.push_back(*old->second);
    }
  }
  // Packages outside the filter that the lockfile no longer lists stay installed.
  for (const std::string& location : kept_outside) hidden.packages.push_back(*kept.at(location));
  std::stable_sort(hidden.packages.begin(), hidden.packages.end(),
                   [](const lockfile::LockEntry& a, const lockfile::LockEntry& b) {
                     return lockfile::LocaleCompare(a.location, b.location) < 0;
                   });
  return hidden;
}

// The hidden lockfile's entries (npm's lists what node_modules holds): `lock` without its
// root entry and without the locations the plan left out (InstallPlan::left_out).
lockfile::Lockfile InstalledPart(lockfile::Lockfile lock, const std::set<std::string>& left_out) {
  std::erase_if(lock.packages,
                [&](const lockfile::LockEntry& e) { return e.location.empty() || left_out.count(e.location); });
  return lock;
}

const char* const kDeclarationKeys[] = {"dependencies", "devDependencies", "optionalDependencies",
                                        "peerDependencies"};

// package.json as the tree is built from it: the dependencies the user asked for by
// version carry that version (InstallOptions::requested), not the range saved for them.
Result<std::string> RequestedPackageJson(const std::string& package_json,
                                         const std::map<std::string, std::string, std::less<>>& requested) {
  if (requested.empty()) return package_json;
  Result<lockfile::JsonValue> parsed = lockfile::ParseJson(package_json, "package.json");
  if (!parsed.ok()) return parsed.status();
  lockfile::JsonValue doc = std::move(parsed).value();
  for (const char* key : kDeclarationKeys) {
    lockfile::JsonValue* deps = doc.GetMutable(key);
    if (deps == nullptr || !deps->is_object()) continue;
    for (const auto& [name, spec] : requested) {
      if (deps->Get(name)) deps->Set(name, lockfile::JsonValue::String(spec));
    }
  }
  return StringifyJson(doc, "  ");
}

// The lockfile's root entry declares what package.json says (the saved ranges).
void SaveRequestedRanges(const std::string& package_json,
                         const std::map<std::string, std::string, std::less<>>& requested,
                         lockfile::Lockfile& lock) {
  Result<lockfile::JsonValue> doc = lockfile::ParseJson(package_json, "package.json");
  if (!doc.ok() || lock.packages.empty() || !lock.packages.front().location.empty()) return;
  lockfile::JsonValue& root = lock.packages.front().meta;
  for (const char* key : kDeclarationKeys) {
    lockfile::JsonValue* locked = root.GetMutable(key);
    const lockfile::JsonValue* declared = doc->Get(key);
    if (locked == nullptr || declared == nullptr) continue;
    for (const auto& [name, spec] : requested) {
      const lockfile::JsonValue* saved = declared->Get(name);
      if (saved && locked->Get(name)) locked->Set(name, *saved);
    }
  }
}

// The declared dependencies of package.json against the lockfile's root entry: npm
// rewrites the root entry (and prunes) when they differ, even if every locked version
// still satisfies.
bool RootDeclarationsMatch(std::string_view package_json, const lockfile::Lockfile& lock) {
  const lockfile::LockEntry* root = lock.Find("");
  Result<lockfile::JsonValue> doc = lockfile::ParseJson(package_json, "package.json");
  if (root == nullptr || !doc.ok()) return false;
  using Pairs = std::set<std::pair<std::string, std::string>>;
  auto pairs = [](const lockfile::JsonValue* object) {
    Pairs out;
    if (object == nullptr || !object->is_object()) return out;
    for (const auto& m : object->members()) out.emplace(m.key, m.value.is_string() ? m.value.str() : "");
    return out;
  };
  for (const char* key : {"dependencies", "devDependencies", "optionalDependencies",
                          "peerDependencies"}) {
    if (pairs(doc->Get(key)) != pairs(root->meta.Get(key))) return false;
  }
  return true;
}

class Installer {
 public:
  Installer(const InstallOptions& options, Reporter& reporter)
      : options_(options), out_(reporter) {}
  std::optional<Failure> Run();
  // Ends the downloads started during resolution and joins their extractor threads (the
  // rest of the installer may then be dropped without its destructor).
  void StopDownloads() { early_.reset(); }
  // After a failure: a node_modules that only early links wrote is removed, as if the
  // install had not begun.
  // Kept: the extractors may still report to it.
  void DropEarlyLinks() {
    if (early_links_ && !reified_) early_links_->Discard();
  }

 private:
  std::optional<Failure> Load();
  Result<lockfile::Lockfile> Resolve();
  std::optional<Failure> RunScripts(const std::vector<PlanEntry>& packages,
                                    const std::vector<bool>& changed);
  std::optional<Failure> RunRootLifecycle();
  // With the lockfile in sync and no node_modules yet, links the plan's packages on the
  // early-links workers while the rest of the install is prepared.
  void LinkPlanEarly(const std::vector<PlanEntry>& packages);
  // Before the lockfile is parsed, with no node_modules yet: starts linking the packages
  // its text names (lockfile/linkable.h); the plan corrects what differs.
  void LinkLockedEarly();
  // Opens the store the early downloads and links use, once; false when it cannot be
  // opened (the fetch phase reports it).
  bool OpenEarlyStore();
  // Starts the early links when node_modules does not exist yet (what the store has is
  // linked as it is placed); false otherwise.
  bool StartEarlyLinks();
  std::optional<Failure> SelectWorkspaces();
  // The plan's locations a filtered install writes: what the selected workspaces (and,
  // with --include-workspace-root, the root) reach in the lockfile.
  std::set<std::string> FilterLocations(const lockfile::Lockfile& lock) const;
  std::optional<Failure> CheckStrictScripts(const std::vector<PlanEntry>& packages) const;
  // --strict-allow-scripts holds unless scripts are off or all allowed.
  bool StrictScripts() const {
    return config_->GetBool("strict-allow-scripts") && !config_->GetBool("ignore-scripts") &&
           !options_.trust_all && !config_->GetBool("dangerously-allow-all-scripts");
  }
  // The resolution memo (resolution_memo.h): a plain first install (no lockfile, no
  // node_modules) may install the lockfile an earlier resolution of the same inputs made;
  // true when it took one (lock_text_). A fresh resolution of such an install is kept.
  bool MayUseResolutionMemo() const;
  bool UseResolutionMemo();
  // The memo taken turned out unusable: forgets and removes it, and keeps none this time
  // (the resolution would make the same one again).
  void DropResolutionMemo();
  void SaveResolutionMemo(const std::string& lock_bytes);
  // Waits for the early links and removes what they placed that `packages` lacks;
  // returns what they linked.
  Result<std::map<std::string, LinkedPackage>> FinishEarlyLinks(const std::vector<PlanEntry>& packages);

  bool Updating() const { return options_.update_all || !options_.update.empty(); }
  // npm's `install --no-save` (`save` is a command option, not a config key): the
  // install leaves package.json and package-lock.json as they are.
  bool NoSave() const {
    const config::ConfigValue* save = config_->Find("save");
    return save && save->items.back() == "false";
  }
  // npm's --package-lock-only: resolve and write package-lock.json (and, for add/remove,
  // package.json); node_modules is neither read for the install nor touched, and no
  // script runs. `ci` never writes a lockfile and ignores it.
  bool LockOnly() const {
    return options_.command == InstallCommand::kInstall && config_->GetBool("package-lock-only");
  }
  std::optional<Failure> WriteInputs(const std::string& lock_bytes);
  // For --package-lock-only: fetches the bundling packages of the resolved lockfile into
  // the store and adds their bundles' entries (AddBundledEntries).
  std::optional<Failure> ListBundles();
  // node_modules/.package-lock.json, read once per install; null when there is none or it
  // does not parse.
  const lockfile::Lockfile* HiddenLockfile();
  // Whether the hidden lockfile still describes node_modules (npm's loadActual trusts it
  // then).
  bool HiddenLockfileIsCurrent();
  ScriptVerdict ScriptsAllowed(const PlanEntry& p) const {
    ScriptSubject subject{p.name, p.version, "", !p.is_link() && IsRegistryTarball(p.tarball), p.in_bundle,
                          p.is_link()};
    if (!subject.registry) subject.source = p.is_link() ? fsutil::RealPath(JoinPath(project_dir_, p.link_target)) : p.tarball;
    return script_policy_.Check(subject);
  }
  // node_modules/.skua/built: "location name@version" of packages whose scripts ran.
  std::string BuiltListPath() const { return JoinPath(project_dir_, "node_modules/.skua/built"); }
  static std::string BuiltKey(const PlanEntry& p) { return p.location + " " + p.spec(); }
  std::set<std::string> ReadBuiltList() {
    Result<std::string> text = fsutil::ReadFile(BuiltListPath());
    for (size_t start = 0; text.ok() && start < text->size();) {
      size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      built_.insert(text->substr(start, end - start));
      start = end + 1;
    }
    return built_;
  }

  const InstallOptions& options_;
  Reporter& out_;
  std::set<std::string> built_;
  InstallInputs inputs_;  // What the no-op check read (install_inputs.h).
  std::string cwd_, project_dir_, package_json_, lock_path_, lock_text_, cache_dir_;
  std::optional<config::Config> config_;
  config::NetworkOptions network_;
  std::optional<lockfile::Lockfile> lock_;
  std::unique_ptr<registry::RegistryClient> client_;
  std::optional<GitPackages> git_;  // Git dependencies (git_packages.h), after Load().
  ScriptPolicy script_policy_;
  std::vector<workspaces::Workspace> workspaces_;
  // A filtered install (`-w`, `--workspaces`, or run inside a workspace): the workspaces
  // whose part of the tree is written.
  std::optional<std::vector<workspaces::Workspace>> selected_;
  std::vector<std::string> untrusted_;
  bool up_to_date_ = false;  // The stamp matched: nothing to install.
  bool reified_ = false;     // Reify began: node_modules is the install's result.
  bool lock_in_sync_ = false;  // Resolve() took the lockfile as it is.
  std::optional<lockfile::Lockfile> hidden_;  // HiddenLockfile()'s.
  bool hidden_read_ = false;
  // The resolution and the lockfile it made. Members, so they share the Installer's
  // fate (RunInstall never destroys it): freeing a large tree node by node cost 4% of
  // a warm install's CPU.
  std::optional<tree::IdealTree> ideal_;
  std::optional<lockfile::Lockfile> resolved_lock_;
  std::unordered_set<std::string> early_integrities_;  // Given to early_ already.
  std::string memo_key_;  // Set when this install may use or keep a resolution memo.
  bool memo_used_ = false;
  std::vector<std::string> memo_warnings_;        // The memo's resolution warnings.
  std::vector<std::string> resolution_warnings_;  // This install's, for a memo.
  bool read_git_ = false;  // The resolution read a git dependency.
  // Last, so they go before client_: the source's callbacks and the early downloads are
  // queued in the client until the fetch phase runs it.
  std::unique_ptr<RegistryPackumentSource> source_;
  std::optional<store::Store> early_store_;
  // Before early_: its extractors tell the links what entered the store.
  std::unique_ptr<EarlyLinks> early_links_;  // Packages linked during resolution.
  std::unique_ptr<EarlyFetches> early_;  // Downloads started during resolution.
};

std::optional<Failure> Installer::Load() {
  Result<InstallInputs> loaded = LoadInstallInputs(options_, &out_);
  if (!loaded.ok()) return Failure{1, loaded.status().message()};
  inputs_ = std::move(loaded).value();
  cwd_ = inputs_.cwd;
  project_dir_ = inputs_.project_dir;
  package_json_ = inputs_.package_json;
  config_ = inputs_.config;
  network_ = inputs_.network;
  workspaces_ = inputs_.workspaces;
  if (auto failed = SelectWorkspaces()) return failed;
  if (InstallIsNoOp(options_, inputs_)) {
    up_to_date_ = true;  // Nothing changed since the last install (pm-spec §2.12).
    return std::nullopt;
  }
  Result<std::string> cache = store::ResolveCacheDir(network_.cache, [](const char* k) { return getenv(k); });
  if (!cache.ok()) return Failure{1, cache.status().message()};
  cache_dir_ = *cache;
  lock_path_ = LockfilePath(project_dir_);
  bool have_lock = fsutil::Exists(lock_path_);
  if (!have_lock && MayUseResolutionMemo()) have_lock = UseResolutionMemo();
  if (have_lock) {
    if (!memo_used_) {
      Result<std::string> lock_text = fsutil::ReadFile(lock_path_);
      if (!lock_text.ok()) return Failure{1, lock_text.status().message()};
      lock_text_ = std::move(lock_text).value();
    }
    LinkLockedEarly();
    Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(lock_text_, lock_path_);
    if (lock.ok()) {
      lock_.emplace(std::move(lock).value());
    } else if (memo_used_) {
      DropResolutionMemo();  // Not one this skua wrote: resolve.
    } else if (options_.command == InstallCommand::kCi) {
      return Failure{1, lock.status().message()};
    } else {
      out_.Warn(lock.status().message() + " (ignored)");
    }
  }

  Result<std::unique_ptr<registry::RegistryClient>> client =
      registry::RegistryClient::Create(network_, cache_dir_);
  if (!client.ok()) return Failure{1, client.status().message()};
  client_ = std::move(client).value();
  std::vector<std::string> warnings;
  Result<ScriptPolicy> policy = ProjectScriptPolicy(*config_, package_json_, project_dir_, options_.trust,
                                                    options_.trust_all, &warnings);
  if (!policy.ok()) return Failure{1, policy.status().message()};
  script_policy_ = std::move(policy).value();
  for (const std::string& w : warnings) out_.Warn("install-scripts " + w);
  GitPrepare prepare;
  prepare.allowed = [this](const std::string& name) {
    return script_policy_.Check(ScriptSubject{name, "", "", false, false}) == ScriptVerdict::kAllowed;
  };
  if (!config_->GetBool("ignore-scripts")) {
    prepare.run = [this](const std::string& dir, const std::string& name, const std::string& resolved) {
      out_.Verbose("preparing git dependency " + name + " (" + resolved + ")");
      return PrepareGitCheckout({&*config_, cwd_, project_dir_, options_.trust, options_.trust_all}, dir,
                                name, resolved);
    };
  }
  git_.emplace(cache_dir_, std::move(prepare));
  return std::nullopt;
}

const lockfile::Lockfile* Installer::HiddenLockfile() {
  if (!hidden_read_) {
    hidden_read_ = true;
    std::string path = JoinPath(project_dir_, "node_modules/.package-lock.json");
    if (Result<std::string> text = fsutil::ReadFile(path); text.ok()) {
      if (Result<lockfile::Lockfile> hidden = lockfile::ParseLockfile(*text, path); hidden.ok()) {
        hidden_.emplace(std::move(hidden).value());
      }
    }
  }
  return hidden_ ? &*hidden_ : nullptr;
}

// As npm's loadActual: only if no package folder the hidden lockfile lists, nor a folder
// holding one, changed after it was written (npm then reads every package.json; skua
// resolves afresh).
bool Installer::HiddenLockfileIsCurrent() {
  const lockfile::Lockfile* hidden = HiddenLockfile();
  struct stat written;
  std::string path = JoinPath(project_dir_, "node_modules/.package-lock.json");
  if (hidden == nullptr || stat(path.c_str(), &written) != 0) return false;
  std::vector<std::string> locations;
  for (const lockfile::LockEntry& e : hidden->packages) {
    if (!e.location.empty() && !lockfile::IsTopLocation(e.location)) locations.push_back(e.location);
  }
  // npm allows 10 ms: writing the file (a rename) touches node_modules itself.
  auto nanos = [](const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; };
  const int64_t limit = nanos(written.st_mtim) + 10 * 1000000;
  for (const std::string& folder : StampFolders(locations)) {
    struct stat st;
    if (stat(JoinPath(project_dir_, folder).c_str(), &st) != 0 || nanos(st.st_mtim) > limit) {
      out_.Verbose("node_modules changed after its .package-lock.json was written (" + folder + ")");
      return false;
    }
  }
  return true;
}

// The lockfile to install: the existing one when it agrees with package.json, else one
// written from a freshly built ideal tree.
Result<lockfile::Lockfile> Installer::Resolve() {
  bool legacy_peers = config_->GetBool("legacy-peer-deps");
  if (lock_ && !options_.update_all) {
    std::vector<std::string> problems = lockfile::CheckInSync(package_json_, *lock_, legacy_peers);
    std::vector<lockfile::WorkspaceDecl> decls;
    for (const workspaces::Workspace& ws : workspaces_) decls.push_back({ws.name, ws.path, ws.package_json});
    for (std::string& p : lockfile::CheckWorkspacesInSync(package_json_, *lock_, decls)) problems.push_back(std::move(p));
    bool same_root = RootDeclarationsMatch(package_json_, *lock_);
    if (problems.empty() && (same_root || options_.command == InstallCommand::kCi) && !Updating()) {
      out_.Verbose("package-lock.json is in sync with package.json");
      lock_in_sync_ = true;
      // npm writes its lockfile from the tree each time, so this option holds for an
      // existing lockfile too (`ci` leaves the file as it is).
      if (options_.command != InstallCommand::kCi && config_->GetBool("omit-lockfile-registry-resolved")) {
        lockfile::OmitRegistryResolved(*lock_);
      }
      // npm prunes what its lockfile marks extraneous as soon as it starts from it (a
      // memo's entries stay: the resolution that made them installed them).
      if (int dropped = memo_used_ ? 0 : lockfile::DropExtraneous(*lock_); dropped > 0) {
        out_.Verbose("extraneous lockfile entries dropped: " + std::to_string(dropped));
      }
      for (const std::string& warning : memo_warnings_) out_.Warn(warning);
      return std::move(*lock_);  // Not read again.
    }
    if (memo_used_) {
      // The memo's key covers package.json, but the check can still refuse a first
      // resolution's lockfile (a bundle it did not see: pm/README.md's known gaps).
      out_.Verbose("the cached resolution does not match package.json; resolving again");
      DropResolutionMemo();
      lock_.reset();
    } else {
      if (options_.command == InstallCommand::kCi) return lockfile::CiOutOfSyncError(problems);
      for (const std::string& p : problems) out_.Verbose("lockfile out of sync: " + p);
      if (problems.empty()) out_.Verbose("package.json's dependencies changed; resolving again");
    }
  } else if (options_.command == InstallCommand::kCi) {
    return InvalidArgument(
        "code EUSAGE\nThe `skua ci` command can only install with an existing package-lock.json or\n"
        "npm-shrinkwrap.json with lockfileVersion >= 1. Run `skua install` to generate a\n"
        "package-lock.json file, then try again.");
  }
  Result<registry::PickOptions> pick = InstallPickOptions(*config_);
  if (!pick.ok()) return pick.status();
  source_ = std::make_unique<RegistryPackumentSource>(*client_, project_dir_, *pick);
  RegistryPackumentSource& source = *source_;
  Result<registry::Manifest> root = registry::ParsePackageJson(package_json_, "package.json");
  if (!root.ok()) return root.status();
  const registry::Platform platform = InstallPlatform(*config_);
  // Each registry package starts downloading into the store as soon as a version of it
  // is picked (the speculative prefetch's picks, then the builder's placements, which
  // usually agree), overlapping the rest of resolution (not with --omit: the plan may
  // drop it). A pick the builder does not place is stored if extracted before the end
  // (--verbose counts them).
  // (name, version, tarball, integrity; `package` for its os/cpu/libc).
  std::function<void(const std::string&, const std::string&, const std::string&, const std::string&,
                     const registry::Manifest&)> start_early;
  if (config_->Omit().empty() && !LockOnly()) {
    if (OpenEarlyStore()) {
      early_ = std::make_unique<EarlyFetches>(*early_store_, *client_);
      start_early = [this, platform](const std::string& name, const std::string& version,
                                     const std::string& tarball, const std::string& integrity,
                                     const registry::Manifest& package) {
        if (integrity.empty() || tarball.empty()) return;
        // Picks and placements name most packages twice: skip the URL and store work then.
        if (!early_integrities_.insert(integrity).second) return;
        if (!registry::CheckPlatform(package, platform).ok()) return;
        if (early_->InStore(integrity)) return;  // A warm install's usual answer.
        PlanEntry p;
        p.name = name;
        p.version = version;
        Result<std::string> url = TarballUrl(network_, p.name, p.version, tarball);
        if (!url.ok()) return;
        p.tarball = std::move(url).value();
        p.integrity = integrity;
        early_->Start(p);
      };
      // One speculative version per name: a second one is usually a spec the builder
      // dedupes to the first (large fixture: 134 wasted downloads of 1,103 otherwise);
      // its placement starts it if not.
      auto speculated = std::make_shared<std::unordered_set<std::string>>();
      source.set_on_picked([start_early, speculated](const registry::Manifest& m) {
        if (!speculated->insert(m.name).second) return;
        start_early(m.name, m.version, m.dist.tarball, m.dist.integrity, m);
      });
      // Packages with install scripts are not linked early (they may be copied instead).
      if (early_links_ || StartEarlyLinks()) {
        early_->set_on_inserted([links = early_links_.get()](const std::string& integrity) {
          links->Inserted(integrity);
        });
      }
    }
  }
  // npm starts from the lockfile's tree when there is one (not for `update` of
  // everything), else from what node_modules holds (its hidden lockfile): only what the
  // change touches is resolved again.
  const lockfile::Lockfile* start = lock_ ? &*lock_ : nullptr;
  if (!lock_ && !options_.update_all && HiddenLockfileIsCurrent()) start = HiddenLockfile();
  const bool from_lock = start && !options_.update_all && options_.prefer_locked && tree::StartsFromLockfile(*start);
  // The speculative prefetch resolves the root's dependencies ahead of the builder: the
  // tree started from the lockfile needs few of them.
  for (const auto* deps : {&root->dependencies, &root->dev_dependencies,
                           &root->optional_dependencies, &root->peer_dependencies}) {
    if (from_lock) break;
    for (const auto& [name, range] : *deps) {
      Result<spec::DepSpec> parsed = spec::ResolveSpec(name, range);
      if (!parsed.ok() || !parsed->registry()) continue;
      if (parsed->alias) {
        source.Want(parsed->alias->name, parsed->alias->fetch_spec);
      } else {
        source.Want(name, parsed->fetch_spec);
      }
    }
  }
  tree::BuildOptions build;
  build.legacy_peer_deps = legacy_peers;
  build.force = config_->GetBool("force");
  build.strict_peer_deps = config_->GetBool("strict-peer-deps");
  build.prefer_dedupe = config_->GetBool("prefer-dedupe");
  // add/remove/update pass an edited package.json: a requested change, as npm's rm/add.
  build.revisit_dependents = !NoSave() || Updating() || options_.package_json.has_value();
  build.pick = *pick;
  build.platform = platform;
  build.host_platform = registry::HostPlatform();
  for (const workspaces::Workspace& ws : workspaces_) build.workspaces.push_back({ws.name, ws.path});
  build.read_git = [this](const spec::DepSpec& spec) {
    read_git_ = true;
    return git_->Read(spec);
  };
  if (start_early) {
    build.on_placed = [this, start_early, platform](const tree::Node& node) {
      if (!node.error.empty()) return;
      const std::string& name = node.package_name().empty() ? node.name : node.package_name();
      start_early(name, node.version(), node.resolved, node.integrity, node.package());
      if (early_links_ && !node.package().has_install_script &&
          registry::CheckPlatform(node.package(), platform).ok()) {
        early_links_->Place(node.Location(), {name, node.version(), node.integrity});
      }
    };
  }
  if (from_lock) {
    out_.Verbose(lock_ ? "starting from the lockfile's tree" : "starting from node_modules' tree");
    build.start = start;
    build.explicit_requests = options_.explicit_requests;
    // `add` unpins the names it adds (for the pinned fallback below); they are explicit
    // requests here, not updates.
    if (options_.explicit_requests.empty()) build.update_names.insert(options_.update.begin(), options_.update.end());
  }
  // A lockfile that cannot be the starting tree (tree::StartsFromLockfile): locked
  // versions are kept by pinning them where their ranges allow. `skua add a@1.0.0`'s
  // version is pinned either way.
  std::optional<PinnedPackumentSource> pinned;
  if ((lock_ && !options_.update_all && !from_lock && (options_.prefer_locked || Updating())) ||
      !options_.pins.empty()) {
    std::map<std::string, std::string, std::less<>> pins;
    if (lock_ && !options_.update_all && !from_lock) pins = LockedVersions(*lock_, options_.update);
    for (const auto& [name, version] : options_.pins) pins[name] = version;
    pinned.emplace(source, std::move(pins));
  }
  Result<std::string> build_json = RequestedPackageJson(package_json_, options_.requested);
  if (!build_json.ok()) return build_json.status();
  Result<tree::IdealTree> tree =
      tree::BuildIdealTree(*build_json, pinned ? static_cast<tree::PackumentSource&>(*pinned) : source, build);
  source.Stop();
  if (!tree.ok()) return tree.status();
  for (const std::string& warning : tree->warnings) out_.Warn(warning);
  resolution_warnings_ = tree->warnings;
  out_.Step("resolved " + Plural(tree->entries.size(), "package") +
            " (" + std::to_string(source.from_network()) + " packuments from the registry)");
  if (early_ && early_->started() > 0) {
    out_.Verbose("downloads started during resolution: " + std::to_string(early_->started()) +
                 ", " + std::to_string(early_->bytes_received() / 1024) + " KiB received by its end");
  }
  ideal_.emplace(std::move(tree).value());
  lockfile::Lockfile resolved =
      lockfile::LockfileFromTree(*ideal_, {.omit_registry_resolved = config_->GetBool("omit-lockfile-registry-resolved")});
  // npm started from the lockfile, and prunes what ends up extraneous; a first resolution
  // (or `update` of everything) lists it as extraneous.
  if (lock_ && !options_.update_all) lockfile::DropExtraneous(resolved);
  if (!options_.requested.empty()) SaveRequestedRanges(package_json_, options_.requested, resolved);
  return resolved;
}

std::optional<Failure> Installer::RunScripts(const std::vector<PlanEntry>& packages,
                                             const std::vector<bool>& changed) {
  std::vector<ScriptPackage> run;
  for (size_t i = 0; i < packages.size(); ++i) {
    const PlanEntry& p = packages[i];
    if (!p.has_install_script || !changed[i]) continue;
    ScriptVerdict verdict = ScriptsAllowed(p);
    if (verdict == ScriptVerdict::kAllowed) {
      // A link's scripts run in its real folder, as npm runs them.
      run.push_back({JoinPath(project_dir_, p.is_link() ? p.link_target : p.location), p.spec()});
      built_.insert(BuiltKey(p));
    } else if (verdict == ScriptVerdict::kUnreviewed) {
      untrusted_.push_back(p.name + "@" + p.version);
    }
  }
  if (config_->GetBool("ignore-scripts")) return std::nullopt;
  std::string shim_dir = JoinPath(project_dir_, "node_modules/.skua/bin");
  if (Status shim = MakeNodeShim(shim_dir); !shim.ok()) return Failure{1, shim.message()};
  ScriptEnvironment env = MakeScriptEnvironment(*config_, CommandName(options_.command), cwd_,
                                                project_dir_, shim_dir);
  out_.Clear();
  Result<ScriptFailure> deps = RunDependencyScripts(env, run, [this](const std::string& line) {
    out_.Verbose("run " + line);
  });
  if (!deps.ok()) return Failure{1, deps.status().message()};
  if (deps->exit_code != 0) return Failure{deps->exit_code, deps->message};
  if (!run.empty()) {
    std::string list;
    for (const std::string& key : built_) list += key + "\n";
    if (Status wrote = fsutil::WriteFileAtomic(BuiltListPath(), list); !wrote.ok()) {
      return Failure{1, wrote.message()};
    }
  }
  return std::nullopt;
}

// npm's workspace filter for an install without packages: `-w NAME|PATH`, `--workspaces`,
// or the workspace the command runs in.
std::optional<Failure> Installer::SelectWorkspaces() {
  if (options_.no_workspaces) {
    // npm's --workspaces=false: the root's own part only.
    if (!workspaces_.empty()) selected_.emplace();
    return std::nullopt;
  }
  std::vector<std::string> filters = options_.workspace_filters;
  if (filters.empty() && !options_.all_workspaces && !inputs_.cwd_workspace.empty()) {
    filters.push_back(inputs_.cwd_workspace);
  }
  if (filters.empty() && !options_.all_workspaces) return std::nullopt;
  Result<std::vector<workspaces::Workspace>> picked =
      workspaces::FilterWorkspaces(workspaces_, filters, project_dir_, cwd_);
  if (!picked.ok()) return Failure{1, picked.status().message()};
  selected_ = std::move(picked).value();
  return std::nullopt;
}

std::set<std::string> Installer::FilterLocations(const lockfile::Lockfile& lock) const {
  std::vector<std::string> roots;
  if (options_.include_workspace_root || options_.no_workspaces) roots.push_back("");
  for (const workspaces::Workspace& ws : *selected_) {
    roots.push_back(ws.path);
    for (const lockfile::LockEntry& e : lock.packages) {
      if (e.meta.GetBool("link") && e.meta.GetString("resolved") == ws.path) roots.push_back(e.location);
    }
  }
  return lockfile::LockEdges(lock).Reachable(roots);
}

// npm's --strict-allow-scripts: fail before anything is linked when a package's install
// scripts are neither allowed nor denied (early links stay off in this mode).
std::optional<Failure> Installer::CheckStrictScripts(const std::vector<PlanEntry>& packages) const {
  if (!StrictScripts()) return std::nullopt;
  std::string list;
  int count = 0;
  for (const PlanEntry& p : packages) {
    if (!p.has_install_script || ScriptsAllowed(p) != ScriptVerdict::kUnreviewed) continue;
    list += "\n  " + p.spec();
    ++count;
  }
  if (count == 0) return std::nullopt;
  return Failure{1, "code ESTRICTALLOWSCRIPTS\n--strict-allow-scripts: " + std::to_string(count) +
                        " package(s) have install scripts not covered by allowScripts:" + list +
                        "\nAllow or deny them in package.json's \"allowScripts\", run once with "
                        "--trust=<names>, or bypass this check with --dangerously-allow-all-scripts."};
}

bool Installer::OpenEarlyStore() {
  if (early_store_) return true;
  Result<store::Store> opened = store::Store::Open(cache_dir_);
  if (!opened.ok()) return false;
  early_store_.emplace(std::move(opened).value());
  return true;
}

bool Installer::StartEarlyLinks() {
  if (selected_ || StrictScripts() || fsutil::Exists(JoinPath(project_dir_, "node_modules")) || !OpenEarlyStore()) return false;
  early_links_ = std::make_unique<EarlyLinks>(project_dir_, *early_store_);
  return true;
}

void Installer::LinkLockedEarly() {
  // Not for add/remove/update (the lockfile is about to change) nor with --omit (the plan
  // drops packages), as for the resolver's early links.
  bool plain = options_.command == InstallCommand::kCi ||
               (options_.command == InstallCommand::kInstall && !Updating() && !options_.package_json);
  if (!plain || LockOnly() || !config_->Omit().empty() || !StartEarlyLinks()) return;
  for (const lockfile::LinkablePackage& p : lockfile::LinkablePackages(lock_text_)) {
    early_links_->Place(p.location, {p.name, p.version, p.integrity});
  }
}

bool Installer::MayUseResolutionMemo() const {
  return options_.command == InstallCommand::kInstall && !Updating() && !options_.package_json &&
         options_.pins.empty() && !LockOnly() && !NoSave() && !selected_ &&
         config_->GetBool("package-lock") && network_.cache_mode != config::CacheMode::kPreferOnline &&
         !fsutil::Exists(JoinPath(project_dir_, "node_modules"));
}

bool Installer::UseResolutionMemo() {
  memo_key_ = InstallStampKey(options_, inputs_);
  bool ignore_freshness = network_.cache_mode == config::CacheMode::kOffline ||
                          network_.cache_mode == config::CacheMode::kPreferOffline;
  std::optional<ResolutionMemo> memo =
      ReadResolutionMemo(cache_dir_, memo_key_, ignore_freshness, static_cast<int64_t>(time(nullptr)));
  if (!memo) return false;
  out_.Verbose("resolution reused from the cache (" + Plural(memo->documents, "packument") + " unchanged)");
  lock_text_ = std::move(memo->lockfile);
  memo_warnings_ = std::move(memo->warnings);
  memo_used_ = true;
  return true;
}

void Installer::DropResolutionMemo() {
  RemoveResolutionMemo(cache_dir_, memo_key_);
  memo_used_ = false;
  memo_key_.clear();
  lock_text_.clear();  // Else a resolution with the same bytes would not be written.
  memo_warnings_.clear();
}

// Kept when the tree came from the registry alone (the workspaces' folders aside: their
// package.json files are in the key). memo_key_ is set only when there was no lockfile.
void Installer::SaveResolutionMemo(const std::string& lock_bytes) {
  if (memo_key_.empty() || memo_used_ || !source_ || read_git_ || client_->failed_answers() > 0) return;
  std::set<std::string> workspace_paths;
  for (const workspaces::Workspace& ws : workspaces_) workspace_paths.insert(ws.path);
  for (std::string_view folder : source_->folders_read()) {
    if (folder.starts_with("./")) folder.remove_prefix(2);
    if (!workspace_paths.count(std::string(folder))) return;
  }
  std::vector<MemoDocument> documents;
  for (const registry::AnsweredPackument& a : client_->answered()) documents.push_back({a.cache_path, a.max_age});
  if (Status saved = WriteResolutionMemo(cache_dir_, memo_key_, documents, resolution_warnings_, lock_bytes);
      !saved.ok()) {
    out_.Verbose("could not keep the resolution: " + saved.message());
  }
}

void Installer::LinkPlanEarly(const std::vector<PlanEntry>& packages) {
  if (!early_links_ && !StartEarlyLinks()) return;
  // Packages with install scripts may be copied instead (reify decides).
  for (const PlanEntry& p : packages) {
    if (p.is_link() || p.in_bundle || p.has_install_script) continue;
    early_links_->Place(p.location, {p.name, p.version, p.integrity});
  }
}

Result<std::map<std::string, LinkedPackage>> Installer::FinishEarlyLinks(
    const std::vector<PlanEntry>& packages) {
  std::map<std::string, LinkedPackage> linked = early_links_->Finish();
  out_.Verbose("packages linked early: " + std::to_string(linked.size()));
  // A placement the finished tree dropped (deepest first: a nested one may go with its
  // holder).
  std::set<std::string> planned;
  for (const PlanEntry& p : packages) planned.insert(p.location);
  for (auto it = linked.rbegin(); it != linked.rend(); ++it) {
    if (planned.count(it->first)) continue;
    if (Status removed = fsutil::RemoveTree(JoinPath(project_dir_, it->first)); !removed.ok()) {
      return removed;
    }
    // Folders made only to hold it ("node_modules/a/node_modules", "node_modules/@s"),
    // now empty.
    for (std::string dir = it->first; dir.rfind('/') != std::string::npos;) {
      dir.resize(dir.rfind('/'));
      if (dir == "node_modules" || rmdir(JoinPath(project_dir_, dir).c_str()) != 0) break;
    }
  }
  return linked;
}

std::optional<Failure> Installer::RunRootLifecycle() {
  Result<ScriptFailure> root = cli::RunRootLifecycle(options_, inputs_, out_);
  if (!root.ok()) return Failure{1, root.status().message()};
  if (root->exit_code != 0) return Failure{root->exit_code, root->message};
  return std::nullopt;
}

std::optional<Failure> Installer::Run() {
  if (auto failed = Load()) return failed;
  if (up_to_date_) {
    if (auto failed = RunRootLifecycle()) return failed;
    out_.Summary(UpToDateLine(out_.Seconds()));
    return std::nullopt;
  }
  out_.Timing("load");
  if (!LockOnly()) RemoveStamp(project_dir_);  // node_modules is about to change.
  Result<lockfile::Lockfile> resolved = Resolve();
  if (!resolved.ok()) return Failure{1, resolved.status().message()};
  const lockfile::Lockfile* lock = &resolved_lock_.emplace(std::move(resolved).value());
  out_.Timing("resolve");
  // npm formats the lockfile as package.json is formatted, whatever the old lockfile's
  // indent was (buildIdealTree's inferFormattingOptions(root.package)).
  lockfile::JsonFormat format = lockfile::DetectFormat(package_json_.empty() ? lock_text_ : package_json_);
  if (LockOnly()) {
    // npm opens the tarballs of bundling packages to list their bundles.
    if (!lock_in_sync_) {
      if (auto failed = ListBundles()) return failed;
    }
    if (auto failed = WriteInputs(lockfile::SerializeLockfile(*lock, format))) return failed;
    out_.Summary(UpToDateLine(out_.Seconds()));  // npm's words: node_modules is as it was.
    return std::nullopt;
  }
  PlanOptions plan_options;
  for (const std::string& omit : config_->Omit()) plan_options.omit.insert(omit);
  plan_options.platform = InstallPlatform(*config_);
  plan_options.host_platform = registry::HostPlatform();
  Result<InstallPlan> plan = PlanFromLockfile(*lock, network_, plan_options);
  if (!plan.ok()) return Failure{1, plan.status().message()};
  if (auto failed = CheckStrictScripts(plan->packages)) return failed;
  std::string node_modules = JoinPath(project_dir_, "node_modules");
  if (options_.command == InstallCommand::kCi) {
    // Early links exist only in a node_modules this install made: nothing old to remove.
    if (Status removed = early_links_ ? Status::Ok() : fsutil::RemoveTree(node_modules); !removed.ok()) {
      return Failure{1, removed.message()};
    }
    // npm ci empties every workspace's node_modules too.
    for (const workspaces::Workspace& ws : workspaces_) {
      Status removed = fsutil::RemoveTree(JoinPath(JoinPath(project_dir_, ws.path), "node_modules"));
      if (!removed.ok()) return Failure{1, removed.message()};
    }
  }
  if (lock_in_sync_) LinkPlanEarly(plan->packages);
  std::string lock_bytes = lockfile::SerializeLockfile(*lock, format);
  for (const std::string& skipped : plan->skipped) out_.Verbose("skipped (platform) " + skipped);
  out_.Timing("plan");

  std::string hidden_path = JoinPath(node_modules, ".package-lock.json");
  const lockfile::Lockfile* previous = HiddenLockfile();
  // Trusted packages whose scripts have not run here yet (new, or trusted since).
  bool scripts_on = !config_->GetBool("ignore-scripts");
  std::set<std::string> built = ReadBuiltList(), to_build;
  for (const PlanEntry& p : plan->packages) {
    if (p.has_install_script && scripts_on && ScriptsAllowed(p) == ScriptVerdict::kAllowed &&
        !built.count(BuiltKey(p))) {
      to_build.insert(p.location);
    }
  }
  // On a cold install the early links wait for downloads: they go on through the fetch
  // phase, which fetches every package as if none were linked; the links are compared
  // after it.
  bool links_after_fetch = early_links_ && early_ && early_->started() > 0;
  std::optional<std::map<std::string, LinkedPackage>> linked;
  if (early_links_ && !links_after_fetch) {
    Result<std::map<std::string, LinkedPackage>> finished = FinishEarlyLinks(plan->packages);
    if (!finished.ok()) return Failure{1, finished.status().message()};
    linked = std::move(finished).value();
  }
  const std::map<std::string, LinkedPackage> none;
  std::vector<bool> changed =
      ChangedPackages(project_dir_, plan->packages, previous, to_build,
                      linked ? &*linked : links_after_fetch ? &none : nullptr);
  // A filtered install writes only its part; the rest of node_modules stays as it is.
  std::set<std::string> filter;
  std::vector<bool> in_filter(plan->packages.size(), true);
  // What node_modules holds that the filter does not reach there (npm diffs only the
  // selected workspaces' part of the trees): kept even when the lockfile drops it.
  std::set<std::string> kept_outside;
  if (selected_) {
    filter = FilterLocations(*lock);
    for (size_t i = 0; i < in_filter.size(); ++i) in_filter[i] = filter.count(plan->packages[i].location) > 0;
    if (previous) {
      // The hidden lockfile has no root entry: the root's edges before this install are
      // the old lockfile's.
      lockfile::Lockfile before = *previous;
      if (const lockfile::LockEntry* root = lock_ ? lock_->Find("") : nullptr) {
        before.packages.insert(before.packages.begin(), *root);
      }
      std::set<std::string> reached_before = FilterLocations(before);
      lockfile::LocationIndex now(*lock);
      for (const lockfile::LockEntry& e : previous->packages) {
        if (!e.location.empty() && !reached_before.count(e.location) && !now.Find(e.location)) {
          kept_outside.insert(e.location);
        }
      }
    }
  }
  for (size_t i = 0; i < changed.size(); ++i) changed[i] = changed[i] && in_filter[i];
  out_.Timing("compare node_modules");

  Result<store::Store> opened = store::Store::Open(cache_dir_);
  if (!opened.ok()) return Failure{1, opened.status().message()};
  store::Store store = std::move(opened).value();
  FetchStats fetch_stats;
  // Git packages come from checkouts, the rest from the registry.
  std::vector<bool> from_registry = changed;
  std::vector<std::optional<store::StoreEntry>> from_git(plan->packages.size());
  if (Status git = git_->Fetch(plan->packages, &from_registry, store, &from_git); !git.ok()) {
    return Failure{1, git.message()};
  }
  auto fetched = FetchPackages(plan->packages, from_registry, store, *client_,
                               [this](size_t d, size_t t) { out_.Progress("fetching", d, t); },
                               &fetch_stats, early_.get());
  if (!fetched.ok()) return Failure{1, fetched.status().message()};
  std::vector<std::optional<store::StoreEntry>> entries = std::move(fetched).value();
  for (size_t i = 0; i < from_git.size(); ++i) {
    if (from_git[i]) entries[i] = std::move(from_git[i]);
  }
  if (links_after_fetch) {
    Result<std::map<std::string, LinkedPackage>> finished = FinishEarlyLinks(plan->packages);
    if (!finished.ok()) return Failure{1, finished.status().message()};
    linked = std::move(finished).value();
    changed = ChangedPackages(project_dir_, plan->packages, previous,
                              to_build, &*linked);
    for (size_t i = 0; i < changed.size(); ++i) changed[i] = changed[i] && in_filter[i];
  }
  out_.Timing("fetch");
  if (early_ && early_->started() > 0) {
    size_t unused = early_->unused();
    out_.Verbose("downloads overlapped with resolution: " + std::to_string(early_->started() - unused) +
                 " used (by " + Plural(fetch_stats.early, "location") + "), " +
                 std::to_string(unused) + " for placements the tree dropped");
  }
  out_.Step("fetched " + Plural(fetch_stats.downloaded, "package") + " (" +
            std::to_string(fetch_stats.bytes / 1024) + " KiB), " +
            std::to_string(fetch_stats.from_store) + " from the store");

  ReifyOptions reify_options;
  reify_options.new_node_modules = linked.has_value();
  reify_options.copy_locations = to_build;
  reify_options.keep_locations = kept_outside;
  reify_options.progress = [this](size_t d, size_t t) { out_.Progress("linking", d, t); };
  reify_options.phase_done = [this](std::string_view phase) { out_.Timing(phase); };
  // Damaged store entries (files missing) are removed and fetched again.
  reify_options.refetch = [&](const std::vector<bool>& damaged)
      -> Result<std::vector<std::optional<store::StoreEntry>>> {
    std::set<std::string> removed;  // One entry may serve several locations.
    for (size_t i = 0; i < damaged.size(); ++i) {
      if (!damaged[i] || !removed.insert(store.EntryDir(entries[i]->key)).second) continue;
      if (Status gone = store.Remove(entries[i]->key); !gone.ok()) return gone;
    }
    fetch_stats.repaired += removed.size();
    std::vector<bool> from_registry = damaged;
    std::vector<std::optional<store::StoreEntry>> fresh(damaged.size());
    if (Status git = git_->Fetch(plan->packages, &from_registry, store, &fresh); !git.ok()) return git;
    FetchStats again;
    auto fetched = FetchPackages(plan->packages, from_registry, store, *client_, nullptr, &again);
    if (!fetched.ok()) return fetched.status();
    for (size_t i = 0; i < fresh.size(); ++i) {
      if (!fresh[i]) fresh[i] = std::move((*fetched)[i]);
    }
    return fresh;
  };
  reified_ = true;
  Result<ReifyStats> stats = Reify(project_dir_, plan->packages, changed, entries, reify_options);
  // Packages linked during resolution and kept were added by this install too.
  size_t linked_early = 0;
  for (size_t i = 0; linked && i < changed.size(); ++i) {
    if (!changed[i] && linked->count(plan->packages[i].location)) ++linked_early;
  }
  if (stats.ok() && linked_early > 0) {
    ReifyStats counted = *stats;
    counted.added += linked_early;
    stats = counted;
  }
  if (size_t n = fetch_stats.repaired; n > 0) {
    out_.Warn(std::to_string(n) + (n == 1 ? " damaged store entry was" : " damaged store entries were") +
              " removed and downloaded again");
  }
  if (!stats.ok()) return Failure{1, stats.status().message()};
  out_.Step("linked " + Plural(stats->added + stats->changed, "package") + ", removed " +
            std::to_string(stats->removed));

  if (auto failed = RunScripts(plan->packages, changed)) return failed;
  out_.Timing("scripts");

  // A resolution's tree has no bundled packages: npm reads them from the bundling
  // packages, now in the store, and lists them too.
  if (!lock_in_sync_ && AddBundledEntries(store, &*resolved_lock_) > 0) {
    lock_bytes = lockfile::SerializeLockfile(*lock, format);
  }
  // The hidden lockfile records what node_modules now holds; the lockfile goes last.
  if (fsutil::Exists(node_modules)) {
    // The lockfile's text without the root entry and without what the plan left out
    // (omitted, optional for another platform), cut out of it rather than serialised anew.
    std::optional<std::string> cut;
    if (!selected_) cut = lockfile::HiddenLockfileText(lock_bytes, plan->left_out);
    std::string hidden_bytes;
    if (selected_) {
      hidden_bytes = lockfile::SerializeLockfile(
          InstalledPart(FilteredHiddenLockfile(*lock, previous, filter, kept_outside),
                        plan->left_out),
          format);
    } else if (cut) {
      hidden_bytes = std::move(*cut);
    } else {
      hidden_bytes = lockfile::SerializeLockfile(InstalledPart(*lock, plan->left_out), format);
    }
    // node_modules/.skua (the stamp's folder) first: made later, it would leave
    // node_modules newer than its hidden lockfile (HiddenLockfileIsCurrent).
    (void)fsutil::MakeDirs(JoinPath(node_modules, ".skua"));
    if (Status wrote = fsutil::WriteFileAtomic(hidden_path, hidden_bytes); !wrote.ok()) {
      return Failure{1, wrote.message()};
    }
  }
  if (auto failed = WriteInputs(lock_bytes)) return failed;
  SaveResolutionMemo(lock_bytes);
  out_.Timing("write lockfiles");
  // The stamp comes after everything it hashes; root scripts run after it, so their
  // changes to node_modules mean a full install next time. `ci` writes none: its lockfile
  // rules differ from install's.
  // A filtered install leaves node_modules partly as it was, and `--no-save` leaves the
  // lockfile as it was: no stamp.
  if (options_.command == InstallCommand::kInstall && config_->GetBool("package-lock") && !NoSave() &&
      !selected_ && fsutil::Exists(node_modules)) {
    std::vector<std::string> locations;
    for (const PlanEntry& p : plan->packages) locations.push_back(p.location);
    if (Status wrote = WriteStamp(project_dir_, InstallStampKey(options_, inputs_), StampFolders(locations)); !wrote.ok()) {
      out_.Verbose("could not write the install stamp: " + wrote.message());
    }
  }

  out_.Timing("stamp");
  if (auto failed = RunRootLifecycle()) return failed;

  out_.Summary(SummaryLine(*stats, out_.Seconds()));
  if (!untrusted_.empty()) {
    std::string names, list;
    std::set<std::string> distinct;
    for (const std::string& spec : untrusted_) {
      list += "\n  " + spec;
      std::string name = spec.substr(0, spec.rfind('@'));
      if (distinct.insert(name).second) names += (names.empty() ? "" : ",") + name;
    }
    std::string spaced = names;
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    out_.Summary(Plural(untrusted_.size(), "package") +
                 (untrusted_.size() == 1 ? " has" : " have") +
                 " install scripts that did not run (not trusted):" + list +
                 "\nTo run them once: skua install --trust=" + names +
                 "\nTo allow them from now on (npm's \"allowScripts\" in package.json): skua approve-scripts " + spaced);
  }
  return std::nullopt;
}

std::optional<Failure> Installer::ListBundles() {
  lockfile::Lockfile& lock = *resolved_lock_;
  const std::set<std::string> bundlers = BundlingLocations(lock);
  if (bundlers.empty()) return std::nullopt;
  PlanOptions plan_options;
  plan_options.platform = InstallPlatform(*config_);
  plan_options.host_platform = registry::HostPlatform();
  Result<InstallPlan> plan = PlanFromLockfile(lock, network_, plan_options);
  if (!plan.ok()) {
    // A lockfile-only install checks no platform (npm's neither): the bundles go unlisted.
    out_.Verbose("bundled dependencies not listed: " + plan.status().message());
    return std::nullopt;
  }
  std::vector<bool> needed(plan->packages.size());
  for (size_t i = 0; i < needed.size(); ++i) {
    const PlanEntry& p = plan->packages[i];
    needed[i] = bundlers.count(p.location) > 0;
  }
  Result<store::Store> opened = store::Store::Open(cache_dir_);
  if (!opened.ok()) return Failure{1, opened.status().message()};
  store::Store store = std::move(opened).value();
  FetchStats stats;
  auto fetched = FetchPackages(plan->packages, needed, store, *client_, nullptr, &stats);
  if (!fetched.ok()) return Failure{1, fetched.status().message()};
  AddBundledEntries(store, &lock);
  return std::nullopt;
}

// package.json (for add/remove/update) and package-lock.json, where they changed.
std::optional<Failure> Installer::WriteInputs(const std::string& lock_bytes) {
  if (options_.package_json && options_.save_package_json) {
    std::string package_path = JoinPath(project_dir_, "package.json");
    Result<std::string> on_disk = fsutil::ReadFile(package_path);
    if (!on_disk.ok() || *on_disk != package_json_) {
      if (Status wrote = fsutil::WriteFileAtomic(package_path, package_json_); !wrote.ok()) {
        return Failure{1, wrote.message()};
      }
    }
  }
  // npm ci never modifies the lockfile (save: false).
  bool write_lock = options_.command != InstallCommand::kCi &&
                    ((config_->GetBool("package-lock") && !NoSave()) || LockOnly());
  // The memo's text is not on disk yet.
  if (write_lock && (lock_bytes != lock_text_ || memo_used_)) {
    if (Status wrote = fsutil::WriteFileAtomic(lock_path_, lock_bytes); !wrote.ok()) {
      return Failure{1, wrote.message()};
    }
  }
  return std::nullopt;
}

}  // namespace

int RunInstall(const InstallOptions& options, Reporter& reporter) {
  // Not destroyed: its callers end the process (or run one command) next, and freeing
  // the resolver's packuments one by one, unmapping each cached file, cost ~5 ms of a
  // medium warm install's 80.
  auto* installer = new Installer(options, reporter);
  std::optional<Failure> failed = installer->Run();
  if (failed) installer->DropEarlyLinks();
  installer->StopDownloads();
  if (failed) {
    reporter.Error(failed->message);
    return failed->code;
  }
  return 0;
}

int RunInstallCommand(const std::string& command, const std::vector<std::string>& args) {
  InstallCommand which = command == "ci" ? InstallCommand::kCi : InstallCommand::kInstall;
  Result<InstallOptions> options = ParseInstallArgs(which, args);
  Reporter usage(LogLevel::kNormal, false);
  if (!options.ok()) {
    usage.Error(options.status().message());
    return 1;
  }
  // `skua install PKG` is `skua add PKG`, as npm's `install <pkg>`.
  if (!options->positional.empty()) return RunAddCommand(command, args);
  // npm's `install -g` without packages installs the package the current folder is in.
  if (GlobalOnCommandLine(*options) && which == InstallCommand::kInstall) {
    for (std::string dir = CurrentDir(); !dir.empty(); dir = dir.substr(0, dir.rfind('/'))) {
      if (fsutil::Exists(JoinPath(dir, "package.json"))) {
        std::vector<std::string> with_package = args;
        with_package.push_back(dir);
        return RunAddCommand(command, with_package);
      }
    }
    usage.Error("code EUSAGE\n`skua install -g` installs the package of the current folder: no package.json "
                "here or above (or name the packages to install)");
    return 1;
  }
  Reporter reporter(options->level, isatty(STDOUT_FILENO) == 1);
  return RunInstall(*options, reporter);
}

}  // namespace skua::pm::cli
