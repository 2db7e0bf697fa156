#include "pm/cli/trust_command.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "pm/cli/installed_packages.h"
#include "pm/cli/package_json_edit.h"
#include "pm/cli/script_policy.h"
#include "pm/cli/scripts.h"
#include "pm/config/cli_args.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/json_value.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;
using lockfile::JsonValue;

std::set<std::string> ReadLines(const std::string& path) {
  std::set<std::string> lines;
  Result<std::string> text = fsutil::ReadFile(path);
  for (size_t start = 0; text.ok() && start < text->size();) {
    size_t end = std::min(text->find('\n', start), text->size());
    if (end > start) lines.insert(text->substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Scripts write into their package folder; a folder hard-linked from the store must get
// its own copies first, or the store's files would change too (install copies trusted
// packages for the same reason).
Status BreakHardLinks(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return fsutil::ErrnoStatus("opendir", dir, errno);
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != ".." && name != "node_modules") names.push_back(name);
  }
  closedir(d);
  for (const std::string& name : names) {
    std::string path = JoinPath(dir, name);
    struct stat st;
    if (lstat(path.c_str(), &st) != 0) return fsutil::ErrnoStatus("lstat", path, errno);
    if (S_ISDIR(st.st_mode)) {
      if (Status s = BreakHardLinks(path); !s.ok()) return s;
      continue;
    }
    if (!S_ISREG(st.st_mode) || st.st_nlink < 2) continue;
    Result<std::string> bytes = fsutil::ReadFile(path);
    if (!bytes.ok()) return bytes.status();
    std::string temp = JoinPath(dir, fsutil::UniqueName(".copy-"));
    int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777);
    if (fd < 0) return fsutil::ErrnoStatus("open", temp, errno);
    size_t done = 0;
    while (done < bytes->size()) {
      ssize_t n = write(fd, bytes->data() + done, bytes->size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int err = errno;
        close(fd);
        unlink(temp.c_str());
        return fsutil::ErrnoStatus("write", temp, err);
      }
      done += n;
    }
    close(fd);
    if (rename(temp.c_str(), path.c_str()) != 0) {
      int err = errno;
      unlink(temp.c_str());
      return fsutil::ErrnoStatus("rename", path, err);
    }
  }
  return Status::Ok();
}

class TrustCommand {
 public:
  int Run(const std::string& command, const std::vector<std::string>& args);

 private:
  int List();
  int Trust(const std::vector<std::string>& names, bool all);

  std::string cwd_, project_dir_, package_path_, package_text_;
  std::vector<std::pair<std::string, std::string>> cli_;
  std::vector<InstalledPackage> untrusted_;
};

int TrustCommand::Run(const std::string& command, const std::vector<std::string>& args) {
  bool all = false;
  std::vector<std::string> rest;
  for (const std::string& arg : args) {
    if (arg == "--all" && command == "trust") {
      all = true;
    } else {
      rest.push_back(arg);
    }
  }
  config::ConfigArgs parsed = config::ParseConfigArgs(rest);
  cli_ = std::move(parsed.settings);
  cwd_ = CurrentDir();
  Result<config::Config> config = LoadCommandConfig(cwd_, cli_);
  if (!config.ok()) {
    PrintError(config.status().message());
    return 1;
  }
  project_dir_ = config->project_dir();
  package_path_ = JoinPath(project_dir_, "package.json");
  Result<std::string> text = fsutil::ReadFile(package_path_);
  if (!text.ok()) {
    PrintError("code ENOENT\nCould not read package.json: " + text.status().message());
    return 1;
  }
  package_text_ = std::move(text).value();
  Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(package_text_, package_path_);
  if (!editor.ok()) {
    PrintError(editor.status().message());
    return 1;
  }
  // What install decides with (script_policy.h); the identities come from the hidden
  // lockfile where it has them, as install takes them from the lockfile.
  Result<ScriptPolicy> policy = ProjectScriptPolicy(*config, package_text_, project_dir_, {}, false, nullptr);
  if (!policy.ok()) {
    PrintError(policy.status().message());
    return 1;
  }
  std::set<std::string> built = ReadLines(JoinPath(project_dir_, "node_modules/.skua/built"));
  for (InstalledPackage& p : InstalledPackages(project_dir_)) {
    if (p.scripts.empty() || built.count(p.location + " " + p.spec())) continue;
    if (policy->Check(p.subject) != ScriptVerdict::kUnreviewed) continue;
    untrusted_.push_back(std::move(p));
  }
  std::stable_sort(untrusted_.begin(), untrusted_.end(),
                   [](const InstalledPackage& a, const InstalledPackage& b) { return a.depth < b.depth; });
  if (command == "untrusted") return List();
  if (!all && parsed.positional.empty()) {
    PrintError("code EUSAGE\nUsage: skua trust <package>... | skua trust --all");
    return 1;
  }
  return Trust(parsed.positional, all);
}

int TrustCommand::List() {
  if (untrusted_.empty()) {
    std::printf("Found 0 untrusted dependencies with install scripts.\n");
    return 0;
  }
  for (const InstalledPackage& p : untrusted_) {
    std::printf("./%s @%s\n", p.location.c_str(), p.manifest.version.c_str());
    for (const auto& [event, script] : p.scripts) {
      std::printf(" \xC2\xBB [%s]: %s\n", event.c_str(), script.c_str());
    }
    std::printf("\n");
  }
  std::printf(
      "These dependencies had their install scripts skipped during install.\n\n"
      "If you trust them and want their scripts to run, use `skua trust <package>` or "
      "`skua trust --all`.\n");
  return 0;
}

int TrustCommand::Trust(const std::vector<std::string>& names, bool all) {
  std::vector<std::string> chosen;
  if (all) {
    for (const InstalledPackage& p : untrusted_) chosen.push_back(p.manifest.name);
  } else {
    for (const std::string& name : names) {
      bool found = std::any_of(untrusted_.begin(), untrusted_.end(),
                               [&](const InstalledPackage& p) { return p.manifest.name == name; });
      if (!found) {
        PrintError("\"" + name + "\" is not an installed dependency whose install scripts were skipped\n" +
                   "Run `skua untrusted` to list them.");
        return 1;
      }
      chosen.push_back(name);
    }
  }
  if (chosen.empty()) {
    std::printf("Found 0 untrusted dependencies with install scripts.\n");
    return 0;
  }

  // package.json first: the decision to trust stands even if a script fails below.
  Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(package_text_, package_path_);
  if (!editor.ok()) {
    PrintError(editor.status().message());
    return 1;
  }
  JsonValue list = JsonValue::Array();
  std::set<std::string> listed;
  if (const JsonValue* old = editor->document().Get("trustedDependencies"); old && old->is_array()) {
    list = *old;
    for (const JsonValue& item : old->items()) {
      if (item.is_string()) listed.insert(item.str());
    }
  }
  std::vector<std::string> added;
  for (const std::string& name : chosen) {
    if (listed.insert(name).second) added.push_back(name);
  }
  std::sort(added.begin(), added.end());
  for (const std::string& name : added) list.Push(JsonValue::String(name));
  PackageJsonEditor pj = std::move(editor).value();
  pj.SetKey("trustedDependencies", std::move(list));
  if (Status wrote = fsutil::WriteFileAtomic(package_path_, pj.Serialize()); !wrote.ok()) {
    PrintError(wrote.message());
    return 1;
  }

  std::vector<ScriptPackage> run;
  std::vector<std::string> keys;
  size_t script_count = 0;
  for (const InstalledPackage& p : untrusted_) {
    if (!listed.count(p.manifest.name)) continue;
    if (Status copied = BreakHardLinks(p.dir); !copied.ok()) {
      PrintError(copied.message());
      return 1;
    }
    run.push_back({p.dir, p.spec()});
    keys.push_back(p.location + " " + p.spec());
    script_count += p.scripts.size();
  }
  Result<config::Config> config = LoadCommandConfig(cwd_, cli_);
  if (!config.ok()) {
    PrintError(config.status().message());
    return 1;
  }
  std::string shim_dir = JoinPath(project_dir_, "node_modules/.skua/bin");
  if (Status shim = MakeNodeShim(shim_dir); !shim.ok()) {
    PrintError(shim.message());
    return 1;
  }
  ScriptEnvironment env = MakeScriptEnvironment(*config, "trust", cwd_, project_dir_, shim_dir);
  Result<ScriptFailure> ran = RunDependencyScripts(env, run, nullptr);
  if (!ran.ok()) {
    PrintError(ran.status().message());
    return 1;
  }
  if (ran->exit_code != 0) {
    PrintError(ran->message);
    return ran->exit_code;
  }
  std::string built_path = JoinPath(project_dir_, "node_modules/.skua/built");
  std::set<std::string> built = ReadLines(built_path);
  built.insert(keys.begin(), keys.end());
  std::string lines;
  for (const std::string& key : built) lines += key + "\n";
  if (Status wrote = fsutil::WriteFileAtomic(built_path, lines); !wrote.ok()) {
    PrintError(wrote.message());
    return 1;
  }
  std::printf("%zu script%s ran across %zu package%s\n", script_count, script_count == 1 ? "" : "s",
              run.size(), run.size() == 1 ? "" : "s");
  return 0;
}

}  // namespace

int RunTrustCommand(const std::string& command, const std::vector<std::string>& args) {
  TrustCommand trust;
  return trust.Run(command, args);
}

}  // namespace skua::pm::cli
