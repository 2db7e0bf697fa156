#include "pm/cli/dependency_commands.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "pm/cli/command_context.h"
#include "pm/cli/git_packages.h"
#include "pm/cli/install_command.h"
#include "pm/cli/install_inputs.h"
#include "pm/cli/install_options.h"
#include "pm/cli/package_json_edit.h"
#include "pm/cli/workspace_args.h"
#include "pm/cli/reporter.h"
#include "pm/cli/saved_range.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/edges.h"
#include "pm/lockfile/lockfile.h"
#include "pm/link/bin_links.h"
#include "pm/registry/manifest.h"
#include "pm/registry/pick_manifest.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"
#include "pm/spec/dep_spec.h"
#include "pm/workspaces/workspaces.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;


// A workspace package.json that `-w` edits: written before the install (which reads the
// workspaces from disk) and put back when the install fails.
struct WorkspaceTarget {
  std::string dir;       // Absolute.
  std::string original;  // The file's text as read.
  std::optional<PackageJsonEditor> editor;
};

// One command's shared state: parsed flags, configuration and the package.json editor.
struct Session {
  InstallOptions options;
  CommandContext context;
  std::optional<PackageJsonEditor> editor;
  std::string original;  // package.json as read ("{}" when there was none).
  // npm's `-w NAME|PATH` (repeatable) / `--workspaces`: the dependency edits go to these
  // workspaces' package.json files instead of the root's; the install is the root's.
  std::vector<WorkspaceTarget> workspaces;

  // The package.json files the command edits, with the folders they sit in.
  std::vector<std::pair<PackageJsonEditor*, std::string>> Targets() {
    std::vector<std::pair<PackageJsonEditor*, std::string>> out;
    for (WorkspaceTarget& ws : workspaces) out.emplace_back(&*ws.editor, ws.dir);
    if (workspaces.empty()) out.emplace_back(&*editor, context.project_dir);
    return out;
  }
};

// npm's workspace flags, taken out of `args`: `-w X`, `--workspace X`, `--workspace=X`,
// `--workspaces` / `-ws`. Returns whether any was given; `*filters` empty with one given
// means all workspaces.
bool TakeWorkspaceArgs(std::vector<std::string>* args, std::vector<std::string>* filters) {
  WorkspaceArgs workspaces;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args->size(); ++i) {
    if (!ReadWorkspaceArg(*args, &i, &workspaces)) rest.push_back((*args)[i]);
  }
  *filters = workspaces.all ? std::vector<std::string>() : std::move(workspaces.filters);
  *args = std::move(rest);
  return workspaces.given && (workspaces.all || !filters->empty());
}

// Selects the `-w` workspaces of the project's workspace root, makes the install the
// root's and opens each workspace's package.json for editing.
Status OpenWorkspaces(Session& s, const std::vector<std::string>& filters) {
  std::string root = workspaces::FindWorkspaceRoot(s.context.project_dir);
  if (root.empty()) root = s.context.project_dir;
  if (root != s.context.project_dir) {
    std::string path = JoinPath(root, "package.json");
    Result<std::string> text = fsutil::ReadFile(path);
    if (!text.ok()) return text.status();
    Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(*text, path);
    if (!editor.ok()) return editor.status();
    s.original = std::move(text).value();
    s.editor.emplace(std::move(editor).value());
    s.context.project_dir = root;
  }
  s.options.project_dir = root;
  Result<std::vector<workspaces::Workspace>> all = workspaces::FindWorkspaces(root, s.original);
  if (!all.ok()) return all.status();
  Result<std::vector<workspaces::Workspace>> picked =
      workspaces::FilterWorkspaces(*all, filters, root, s.context.cwd);
  if (!picked.ok()) return picked.status();
  for (const workspaces::Workspace& ws : *picked) {
    WorkspaceTarget target;
    target.dir = JoinPath(root, ws.path);
    target.original = ws.package_json;
    Result<PackageJsonEditor> editor =
        PackageJsonEditor::Parse(ws.package_json, JoinPath(target.dir, "package.json"));
    if (!editor.ok()) return editor.status();
    target.editor.emplace(std::move(editor).value());
    s.workspaces.push_back(std::move(target));
  }
  return Status::Ok();
}

// Parses flags, loads the configuration, reads package.json (a missing one starts as
// `{}`, as npm creates one). Errors are returned as the message to print.
Result<Session> Open(const std::vector<std::string>& all_args, bool* save) {
  // `--no-save` / `--save[=bool]` are handled here; npm's config layer does not know them
  // (save is a command option there).
  std::vector<std::string> args;
  std::vector<std::string> ws_args = all_args;
  std::vector<std::string> filters;
  bool use_workspaces = TakeWorkspaceArgs(&ws_args, &filters);
  for (const std::string& arg : ws_args) {
    if (arg == "--no-save" || arg == "--save=false") {
      *save = false;
    } else if (arg == "--save" || arg == "--save=true") {
      *save = true;
    } else {
      args.push_back(arg);
    }
  }
  Result<InstallOptions> options = ParseInstallArgs(InstallCommand::kInstall, args);
  if (!options.ok()) return options.status();
  Session session;
  session.options = std::move(options).value();
  const auto& settings = session.options.config;
  Result<CommandContext> context = LoadCommandContext(settings);
  if (!context.ok()) return context.status();
  session.context = std::move(context).value();
  session.options.project_dir = session.context.project_dir;
  std::string path = JoinPath(session.context.project_dir, "package.json");
  session.original = "{}";
  if (fsutil::Exists(path)) {
    Result<std::string> text = fsutil::ReadFile(path);
    if (!text.ok()) return text.status();
    session.original = std::move(text).value();
  }
  Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(session.original, path);
  if (!editor.ok()) return editor.status();
  session.editor.emplace(std::move(editor).value());
  if (use_workspaces) {
    if (session.context.global) {
      return InvalidArgument("code EUSAGE\nWorkspaces not supported for global packages");
    }
    if (Status opened = OpenWorkspaces(session, filters); !opened.ok()) return opened;
  }
  return session;
}

Reporter& UsageReporter() {
  static Reporter reporter(LogLevel::kNormal, false);
  return reporter;
}

int Fail(const Status& status) {
  UsageReporter().Error(status.message());
  return 1;
}

std::string SavePrefix(const config::Config& config) {
  if (config.GetBool("save-exact")) return "";
  return config.GetString("save-prefix").value_or("^");
}

// Which dependency object an added package goes to: the flag's, else where it already is.
std::optional<DepKind> FlagKind(const config::Config& config) {
  if (config.GetBool("save-dev")) return DepKind::kDev;
  if (config.GetBool("save-optional")) return DepKind::kOptional;
  if (config.GetBool("save-peer")) return DepKind::kPeer;
  return std::nullopt;
}

std::string EtargetMessage(const std::string& name, const std::string& wanted,
                           const registry::PickFailure& failure) {
  std::string message = "code " + failure.code + "\nNo matching version found for " + name +
                        "@" + wanted + ".";
  if (failure.code == "ENOVERSIONS") message = "code ENOVERSIONS\nNo versions available for " + name;
  for (const std::string& line : registry::NoTargetHelp(failure)) message += "\n" + line;
  if (!failure.versions.empty()) {
    // Differs from npm: the available versions are listed (npm only says none matched).
    message += "\nAvailable versions:";
    for (const std::string& v : failure.versions) message += " " + v;
    for (const auto& [tag, v] : failure.dist_tags) message += "\nDist-tag " + tag + ": " + v;
  }
  return message;
}

// `to` relative to the folder `from` (both absolute), as npm saves `file:` specs.
std::string RelativePath(const std::string& from, const std::string& to) {
  auto split = [](const std::string& path) {
    std::vector<std::string> parts;
    for (size_t start = 0; start < path.size();) {
      size_t end = path.find('/', start);
      if (end == std::string::npos) end = path.size();
      std::string part = path.substr(start, end - start);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      start = end + 1;
    }
    return parts;
  };
  std::vector<std::string> a = split(from), b = split(to);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < b.size(); ++i) out += (out.empty() ? "" : "/") + b[i];
  return out.empty() ? "." : out;
}

// One package argument after resolution.
struct Added {
  std::string name;   // The dependency key.
  std::string saved;  // What package.json will say ("file:" + relative `local_path`).
  std::string local_path;  // Absolute, for a folder or tarball spec.
  std::string package;  // Registry name and picked version ("" for other specs).
  std::string version;
  bool exact = false;  // The user asked for this very version.
};

// The kind `add` saves `name` under in `editor`: the flag's, else the first kind that
// declares it in npm's order (inferSaveType: dev, optional, prod, peer), else prod.
DepKind SaveKind(const PackageJsonEditor& editor, std::optional<DepKind> flag, const std::string& name) {
  if (flag) return *flag;
  for (DepKind k : {DepKind::kDev, DepKind::kOptional, DepKind::kProd, DepKind::kPeer}) {
    if (editor.Dependency(k, name)) return k;
  }
  return DepKind::kProd;
}

// Resolves every argument against the registry (all packuments fetched together); nothing
// is written when any of them fails.
Result<std::vector<Added>> ResolveArgs(Session& s, const std::vector<std::string>& args) {
  std::vector<spec::DepSpec> specs;
  const std::optional<DepKind> flag = FlagKind(*s.context.config);
  for (const std::string& arg : args) {
    Result<spec::DepSpec> parsed = spec::ParseSpecArg(arg, s.context.cwd);
    if (!parsed.ok()) return parsed.status();
    // A bare name package.json already declares (under the kind it is saved to) keeps
    // its spec, as npm's add keeps it: the newest version that spec allows is installed
    // and its range saved (`add react` beside "react": "^18" stays on 18).
    const bool bare = arg == parsed->name || arg == parsed->name + "@";
    if (parsed->registry() && !parsed->alias && bare) {
      const PackageJsonEditor& editor = *s.Targets().front().first;
      const std::string* declared = editor.Dependency(SaveKind(editor, flag, parsed->name), parsed->name);
      Result<spec::DepSpec> kept = declared ? spec::ResolveSpec(parsed->name, *declared) : parsed;
      if (kept.ok() && kept->registry() && !kept->alias) parsed = std::move(kept);
    }
    specs.push_back(std::move(parsed).value());
  }
  std::vector<std::optional<Result<registry::PackumentResult>>> fetched(specs.size());
  bool any_registry = false;
  for (const spec::DepSpec& sp : specs) any_registry |= sp.registry();
  if (any_registry) {
    Result<registry::RegistryClient*> client = s.context.Client();
    if (!client.ok()) return client.status();
    for (size_t i = 0; i < specs.size(); ++i) {
      if (!specs[i].registry()) continue;
      const spec::DepSpec& sp = specs[i].alias ? *specs[i].alias : specs[i];
      (*client)->FetchPackument(
          sp.name, [&fetched, i](Result<registry::PackumentResult> r) { fetched[i] = std::move(r); },
          sp.name + "@" + (sp.raw_spec.empty() ? "*" : sp.raw_spec));
    }
    if (Status ran = (*client)->Run(); !ran.ok()) return ran;
  }
  Result<registry::PickOptions> picking = InstallPickOptions(*s.context.config);
  if (!picking.ok()) return picking.status();
  const registry::PickOptions& pick = *picking;
  std::string prefix = SavePrefix(*s.context.config);
  std::vector<Added> out;
  for (size_t i = 0; i < specs.size(); ++i) {
    const spec::DepSpec& sp = specs[i];
    if (!sp.registry()) {
      std::string name = sp.name;
      if (name.empty() && sp.type == spec::SpecType::kDirectory) {
        Result<std::string> text = fsutil::ReadFile(JoinPath(sp.fetch_spec, "package.json"));
        if (text.ok()) {
          Result<registry::Manifest> m = registry::ParsePackageJson(*text, sp.fetch_spec);
          if (m.ok()) name = m->name;
        }
      }
      if (name.empty() && sp.type == spec::SpecType::kGit) {
        Result<tree::GitPackage> git = GitPackages(s.context.cache_dir, GitPrepare{}).Read(sp);
        if (!git.ok()) return git.status();
        name = git->manifest.name;
      }
      if (name.empty()) return InvalidArgument("cannot tell the package name of " + args[i] + "; write it as name@" + args[i]);
      std::string saved = sp.raw_spec;
      // npm saves GitHub's "u/r" shorthand with its "github:" prefix.
      if (sp.type == spec::SpecType::kGit && sp.git_host == "github" && saved.find(':') == std::string::npos) {
        saved = "github:" + saved;
      }
      std::string local_path;
      if (sp.type == spec::SpecType::kDirectory || sp.type == spec::SpecType::kFile) {
        local_path = sp.fetch_spec;
      }
      out.push_back({name, saved, local_path, "", ""});
      continue;
    }
    if (!fetched[i] || !fetched[i]->ok()) {
      return fetched[i] ? fetched[i]->status() : NotFound("no answer for " + args[i]);
    }
    const registry::Packument& packument = (*fetched[i])->packument;
    const spec::DepSpec& sub = sp.alias ? *sp.alias : sp;
    registry::PickFailure failure;
    Result<const registry::Manifest*> picked = registry::PickManifest(packument, sub.fetch_spec, pick, &failure);
    if (!picked.ok()) {
      if (failure.code.empty()) return picked.status();
      return NotFound(EtargetMessage(sub.name, sub.fetch_spec, failure));
    }
    out.push_back({sp.name, SavedRange(sp, (*picked)->version, prefix, packument), "", sub.name,
                   (*picked)->version, !sp.alias && sp.type == spec::SpecType::kVersion});
  }
  return out;
}

bool OnPath(const std::string& dir) {
  const char* path = getenv("PATH");
  std::string list = path ? path : "";
  for (size_t start = 0; start <= list.size();) {
    size_t end = list.find(':', start);
    if (end == std::string::npos) end = list.size();
    if (list.substr(start, end - start) == dir) return true;
    start = end + 1;
  }
  return false;
}

std::vector<link::BinEntry> InstalledBins(const std::string& lib, const std::string& name) {
  Result<std::string> text = fsutil::ReadFile(JoinPath(lib, "node_modules/" + name + "/package.json"));
  if (!text.ok()) return {};
  Result<std::vector<link::BinEntry>> bins = link::ReadBins(*text, {});
  return bins.ok() ? std::move(bins).value() : std::vector<link::BinEntry>{};
}

// Links the global packages' bins into <prefix>/bin as relative symlinks.
Status LinkGlobalBins(const CommandContext& context, const std::vector<Added>& added, Reporter& out) {
  std::string bin_dir = GlobalBinDir(context);
  if (Status made = fsutil::MakeDirs(bin_dir); !made.ok()) return made;
  std::vector<std::string> linked;
  for (const Added& a : added) {
    for (const link::BinEntry& bin : InstalledBins(context.project_dir, a.name)) {
      std::string link_path = JoinPath(bin_dir, bin.name);
      std::string target = "../lib/node_modules/" + a.name + "/" + bin.target;
      std::string temp = link_path + ".skua-tmp";
      unlink(temp.c_str());
      if (symlink(target.c_str(), temp.c_str()) != 0 || rename(temp.c_str(), link_path.c_str()) != 0) {
        return fsutil::ErrnoStatus("symlink", link_path, errno);
      }
      chmod(JoinPath(context.project_dir, "node_modules/" + a.name + "/" + bin.target).c_str(), 0755);
      linked.push_back(bin.name);
    }
  }
  if (!linked.empty()) {
    std::string list;
    for (const std::string& name : linked) list += "\n  " + JoinPath(bin_dir, name);
    out.Summary("linked global bins:" + list);
    if (!OnPath(bin_dir)) {
      out.Summary(bin_dir + " is not on PATH; add it with:\n  export PATH=\"" + bin_dir + ":$PATH\"");
    }
  }
  return Status::Ok();
}

void UnlinkGlobalBins(const CommandContext& context, const std::string& name) {
  std::string bin_dir = GlobalBinDir(context);
  for (const link::BinEntry& bin : InstalledBins(context.project_dir, name)) {
    std::string link_path = JoinPath(bin_dir, bin.name);
    char target[4096];
    ssize_t n = readlink(link_path.c_str(), target, sizeof(target) - 1);
    if (n > 0 && std::string(target, n) == "../lib/node_modules/" + name + "/" + bin.target) {
      unlink(link_path.c_str());
    }
  }
}

int Install(Session& s, bool save) {
  // With -w the root's package.json is not edited: the install reads it from disk.
  if (s.workspaces.empty()) s.options.package_json = s.editor->Serialize();
  if (!save) {
    // npm's --no-save: node_modules changes; package.json and the lockfile do not.
    s.options.save_package_json = false;
    s.options.config.emplace_back("package-lock", "false");
  }
  if (s.context.global) {
    if (Status made = fsutil::MakeDirs(s.context.project_dir); !made.ok()) return Fail(made);
  }
  // The install reads the workspaces' package.json files from disk: write the edited
  // ones first, and put them back when it fails (npm writes them after its reify).
  std::vector<const WorkspaceTarget*> written;
  auto restore = [&written] {
    for (const WorkspaceTarget* ws : written) {
      (void)fsutil::WriteFileAtomic(JoinPath(ws->dir, "package.json"), ws->original);
    }
  };
  if (save) {
    for (const WorkspaceTarget& ws : s.workspaces) {
      std::string text = ws.editor->Serialize();
      if (text == ws.original) continue;
      if (Status wrote = fsutil::WriteFileAtomic(JoinPath(ws.dir, "package.json"), text); !wrote.ok()) {
        restore();
        return Fail(wrote);
      }
      written.push_back(&ws);
    }
  }
  Reporter reporter(s.options.level, isatty(STDOUT_FILENO) == 1);
  int code = RunInstall(s.options, reporter);
  if (code != 0) restore();
  return code;
}

}  // namespace

int RunAddCommand(const std::string& command, const std::vector<std::string>& args) {
  bool save = true;
  Result<Session> opened = Open(args, &save);
  if (!opened.ok()) return Fail(opened.status());
  Session s = std::move(opened).value();
  if (s.options.positional.empty()) {
    return Fail(InvalidArgument("code EUSAGE\n`skua " + command + "` needs at least one package: skua " +
                                command + " <pkg>[@<range>] [-D|-O|-E|--save-peer]"));
  }
  Result<std::vector<Added>> added = ResolveArgs(s, s.options.positional);
  if (!added.ok()) return Fail(added.status());
  std::optional<DepKind> flag = FlagKind(*s.context.config);
  for (const Added& a : *added) {
    for (auto [editor, dir] : s.Targets()) {
      DepKind kind = SaveKind(*editor, flag, a.name);
      if (flag) {
        for (DepKind other : kAllDepKinds) {
          if (other != kind && !(kind == DepKind::kPeer && other == DepKind::kDev)) {
            editor->RemoveDependency(other, a.name);
          }
        }
      }
      editor->SetDependency(kind, a.name,
                            a.local_path.empty() ? a.saved : "file:" + RelativePath(dir, a.local_path));
      bool root = dir == s.context.project_dir;
      s.options.explicit_requests.insert(root ? a.name : dir.substr(s.context.project_dir.size() + 1) + ":" + a.name);
    }
    s.options.update.insert(a.package.empty() ? a.name : a.package);
    if (!a.version.empty()) s.options.pins[a.package] = a.version;
    if (a.exact) s.options.requested[a.name] = a.version;
  }
  int code = Install(s, save);
  if (code == 0 && s.context.global) {
    Reporter reporter(s.options.level, false);
    if (Status linked = LinkGlobalBins(s.context, *added, reporter); !linked.ok()) return Fail(linked);
  }
  return code;
}

int RunRemoveCommand(const std::string& command, const std::vector<std::string>& args) {
  bool save = true;
  Result<Session> opened = Open(args, &save);
  if (!opened.ok()) return Fail(opened.status());
  Session s = std::move(opened).value();
  if (s.options.positional.empty()) {
    return Fail(InvalidArgument("code EUSAGE\n`skua " + command + "` needs at least one package name"));
  }
  for (const std::string& name : s.options.positional) {
    for (auto [editor, dir] : s.Targets()) {
      for (DepKind kind : kAllDepKinds) editor->RemoveDependency(kind, name);
      editor->RemoveBundled(name);
    }
    if (s.context.global) UnlinkGlobalBins(s.context, name);
  }
  // npm saves package.json (its dependencies sorted) even when none of the names was
  // there.
  for (auto [editor, dir] : s.Targets()) editor->Normalize();
  return Install(s, save);
}

// bun's `update --latest`: each registry range of `editor`'s package.json (the named ones,
// or all) moves to the latest version, keeping its ^ / ~ / exact form.
Status MoveToLatest(Session& s, PackageJsonEditor& editor, const std::set<std::string>& names) {
  std::vector<std::pair<DepKind, std::string>> targets;
  for (DepKind kind : kAllDepKinds) {
    const lockfile::JsonValue* deps = editor.document().Get(DepKindKey(kind));
    if (deps == nullptr || !deps->is_object()) continue;
    for (const auto& m : deps->members()) {
      if (names.empty() || names.count(m.key)) targets.emplace_back(kind, m.key);
    }
  }
  std::vector<std::string> wanted;
  for (const auto& [kind, name] : targets) {
    Result<spec::DepSpec> sp = spec::ResolveSpec(name, *editor.Dependency(kind, name));
    wanted.push_back(!sp.ok() || !sp->registry() || sp->alias ? "" : name);
  }
  Result<registry::RegistryClient*> client = s.context.Client();
  if (!client.ok()) return client.status();
  std::vector<std::string> fetch;
  for (const std::string& w : wanted) {
    if (!w.empty()) fetch.push_back(w);
  }
  std::vector<Result<registry::PackumentResult>> docs = (*client)->FetchPackuments(fetch);
  size_t next = 0;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (wanted[i].empty()) continue;
    const Result<registry::PackumentResult>& doc = docs[next++];
    if (!doc.ok()) return doc.status();
    const std::string* tag = doc->packument.DistTag("latest");
    if (tag == nullptr) continue;
    const std::string old = *editor.Dependency(targets[i].first, targets[i].second);
    std::string prefix = SavePrefix(*s.context.config);
    std::string trimmed = old;
    while (!trimmed.empty() && trimmed[0] == ' ') trimmed.erase(0, 1);
    if (!trimmed.empty() && (trimmed[0] == '^' || trimmed[0] == '~')) {
      prefix = trimmed.substr(0, 1);
    } else if (semver::ParseVersion(trimmed).ok()) {
      prefix = "";
    }
    editor.SetDependency(targets[i].first, targets[i].second, prefix + *tag);
  }
  return Status::Ok();
}

// npm's `update --save`, after the update installed: the ranges of the direct
// dependencies it reached move to the installed versions (saved_range.h), in package.json
// and in the lockfile's record of it.
Status SaveUpdatedRanges(Session& s, const std::set<std::string>& names) {
  const std::string lock_path = LockfilePath(s.context.project_dir);
  Result<std::string> lock_text = fsutil::ReadFile(lock_path);
  if (!lock_text.ok()) lock_text = fsutil::ReadFile(JoinPath(s.context.project_dir, "node_modules/.package-lock.json"));
  if (!lock_text.ok()) return Status::Ok();  // Nothing installed to save.
  Result<lockfile::Lockfile> parsed = lockfile::ParseLockfile(*lock_text, lock_path);
  if (!parsed.ok()) return parsed.status();
  lockfile::Lockfile lock = std::move(parsed).value();
  Result<registry::RegistryClient*> client = s.context.Client();
  if (!client.ok()) return client.status();
  // The registry documents of every package the edits may touch, fetched together.
  std::set<std::string> wanted;
  for (auto [editor, dir] : s.Targets()) {
    for (DepKind kind : kAllDepKinds) {
      const lockfile::JsonValue* deps = editor->document().Get(DepKindKey(kind));
      if (deps == nullptr || !deps->is_object()) continue;
      for (const lockfile::JsonMember& m : deps->members()) {
        Result<spec::DepSpec> spec = spec::ResolveSpec(m.key, m.value.is_string() ? m.value.str() : "");
        if (!spec.ok() || !spec->registry() || (!names.empty() && !names.count(m.key))) continue;
        wanted.insert(spec->alias ? spec->alias->name : m.key);
      }
    }
  }
  std::vector<std::string> order(wanted.begin(), wanted.end());
  std::vector<Result<registry::PackumentResult>> docs = (*client)->FetchPackuments(order);
  std::map<std::string, const registry::Packument*> packuments;
  for (size_t i = 0; i < order.size() && i < docs.size(); ++i) {
    if (docs[i].ok()) packuments[order[i]] = &docs[i]->packument;
  }
  auto packument_of = [&](const std::string& name) -> const registry::Packument* {
    auto it = packuments.find(name);
    return it == packuments.end() ? nullptr : it->second;
  };
  const std::string prefix = SavePrefix(*s.context.config);
  bool lock_changed = false;
  for (auto [editor, dir] : s.Targets()) {
    std::string from = dir == s.context.project_dir ? "" : dir.substr(s.context.project_dir.size() + 1);
    std::vector<RangeUpdate> updates = UpdatedRanges(*editor, from, lock, names, prefix, packument_of);
    if (updates.empty()) continue;
    lockfile::LockEntry* entry = nullptr;
    for (lockfile::LockEntry& e : lock.packages) {
      if (e.location == from) entry = &e;
    }
    ApplyRangeUpdates(updates, editor, entry);
    lock_changed |= entry != nullptr;
    if (Status wrote = fsutil::WriteFileAtomic(JoinPath(dir, "package.json"), editor->Serialize()); !wrote.ok()) {
      return wrote;
    }
  }
  if (lock_changed && fsutil::Exists(lock_path)) {
    return fsutil::WriteFileAtomic(lock_path, lockfile::SerializeLockfile(lock, lockfile::DetectFormat(s.editor->Serialize())));
  }
  return Status::Ok();
}

// npm's update edits package.json only when asked: `--save`, or `save` set in a config
// file (its default does not count).
bool SaveAsked(const std::vector<std::string>& args, const config::Config& config) {
  for (const std::string& arg : args) {
    if (arg == "--save" || arg == "--save=true") return true;
    if (arg == "--no-save" || arg == "--save=false") return false;
  }
  const config::ConfigValue* save = config.Find("save");
  return save != nullptr && !save->is_null && !save->items.empty() && save->items[0] == "true";
}

int RunUpdateCommand(const std::string& command, const std::vector<std::string>& args) {
  std::vector<std::string> rest;
  bool latest = false;
  for (const std::string& arg : args) {
    if (arg == "--latest") {
      latest = true;
    } else {
      rest.push_back(arg);
    }
  }
  bool save = true;
  Result<Session> opened = Open(rest, &save);
  if (!opened.ok()) return Fail(opened.status());
  Session s = std::move(opened).value();
  std::set<std::string> names(s.options.positional.begin(), s.options.positional.end());
  // bun's --latest has already moved the ranges.
  const bool save_ranges = !latest && SaveAsked(rest, *s.context.config);
  auto install = [&] {
    int code = Install(s, save);
    if (code != 0 || !save_ranges) return code;
    Status saved = SaveUpdatedRanges(s, names);
    return saved.ok() ? 0 : Fail(saved);
  };
  if (!s.workspaces.empty()) {
    // --latest edits the workspaces' package.json files (written before the install).
    for (WorkspaceTarget& ws : s.workspaces) {
      if (!latest) break;
      if (Status moved = MoveToLatest(s, *ws.editor, names); !moved.ok()) return Fail(moved);
    }
    // npm's update -w: what the selected workspaces reach is resolved again (or the named
    // packages only) and only their part of node_modules is written. Locks are kept by
    // name (pinned_source.h), so a name also installed outside the workspaces' part stays
    // locked: unlocking it would move the other copies in the lockfile too.
    std::vector<std::string> roots;
    for (const WorkspaceTarget& ws : s.workspaces) {
      s.options.workspace_filters.push_back(ws.dir);
      roots.push_back(ws.dir.substr(s.context.project_dir.size() + 1));
    }
    s.options.update = names;
    Result<std::string> text = fsutil::ReadFile(LockfilePath(s.context.project_dir));
    Result<lockfile::Lockfile> lock = text.ok() ? lockfile::ParseLockfile(*text, "package-lock.json")
                                                : Result<lockfile::Lockfile>(text.status());
    if (names.empty() && !lock.ok()) s.options.update_all = true;  // Nothing locked to keep.
    if (names.empty() && lock.ok()) {
      std::set<std::string> reached = lockfile::LockEdges(*lock).Reachable(roots), outside;
      for (const lockfile::LockEntry& e : lock->packages) {
        if (lockfile::IsTopLocation(e.location) || e.meta.GetBool("link")) continue;
        (reached.count(e.location) ? s.options.update : outside).insert(e.PackageName());
      }
      for (const std::string& name : outside) s.options.update.erase(name);
    }
    return install();
  }
  if (names.empty()) {
    s.options.update_all = true;
  } else {
    s.options.update = names;
  }
  if (latest) {
    if (Status moved = MoveToLatest(s, *s.editor, names); !moved.ok()) return Fail(moved);
  }
  return install();
}

}  // namespace skua::pm::cli
