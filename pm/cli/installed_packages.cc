// Installed packages and their install scripts; see installed_packages.h.
#include "pm/cli/installed_packages.h"

#include <dirent.h>

#include <algorithm>
#include <optional>

#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/lockfile.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

// The install scripts npm would run for a package (scripts.cc's rule for node-gyp).
std::vector<std::pair<std::string, std::string>> InstallScripts(const registry::Manifest& m,
                                                                 const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* event : {"preinstall", "install", "postinstall"}) {
    const std::string* script = registry::Find(m.scripts, event);
    if (script != nullptr && !script->empty()) {
      out.emplace_back(event, *script);
    } else if (std::string(event) == "install" && registry::Find(m.scripts, "preinstall") == nullptr &&
               fsutil::Exists(JoinPath(dir, "binding.gyp"))) {
      out.emplace_back(event, "node-gyp rebuild");
    }
  }
  return out;
}

// Every package folder below `node_modules` (relative location `base`), depth first.
void Walk(const std::string& project_dir, const std::string& base, size_t depth,
          std::vector<InstalledPackage>* out) {
  std::string folder = JoinPath(project_dir, base);
  DIR* d = opendir(folder.c_str());
  if (d == nullptr) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.empty() || name[0] == '.') continue;
    if (name[0] == '@') {
      DIR* scope = opendir(JoinPath(folder, name).c_str());
      if (scope == nullptr) continue;
      while (dirent* s = readdir(scope)) {
        if (s->d_name[0] != '.') names.push_back(name + "/" + s->d_name);
      }
      closedir(scope);
    } else {
      names.push_back(name);
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string location = base + "/" + name;
    InstalledPackage p;
    p.location = location;
    // A dangling link stays as given; it has no package.json to read below.
    p.dir = fsutil::RealPath(JoinPath(project_dir, location));
    p.depth = depth;
    std::string file = JoinPath(p.dir, "package.json");
    Result<std::string> text = fsutil::ReadFile(file);
    if (!text.ok()) continue;
    Result<registry::Manifest> m = registry::ParsePackageJson(*text, file);
    if (!m.ok()) continue;
    p.manifest = std::move(m).value();
    p.scripts = InstallScripts(p.manifest, p.dir);
    out->push_back(std::move(p));
    Walk(project_dir, location + "/node_modules", depth + 1, out);
  }
}

}  // namespace

std::vector<InstalledPackage> InstalledPackages(const std::string& project_dir) {
  std::vector<InstalledPackage> installed;
  Walk(project_dir, "node_modules", 0, &installed);
  std::optional<lockfile::Lockfile> hidden;
  if (Result<std::string> text = fsutil::ReadFile(JoinPath(project_dir, "node_modules/.package-lock.json")); text.ok()) {
    if (Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(*text, ".package-lock.json"); lock.ok()) {
      hidden.emplace(std::move(lock).value());
    }
  }
  std::optional<lockfile::LocationIndex> index;
  if (hidden) index.emplace(*hidden);
  for (InstalledPackage& p : installed) {
    // A folder reached through a symlink is a link (a workspace, a file: folder).
    bool link = p.dir != JoinPath(project_dir, p.location);
    p.subject = ScriptSubject{p.manifest.name, p.manifest.version, p.dir, false, false, link};
    if (const lockfile::LockEntry* entry = index ? index->Find(p.location) : nullptr) {
      p.resolved = entry->meta.GetString("resolved");
      p.subject.name = entry->PackageName();
      p.subject.version = entry->Version();
      p.subject.link = entry->meta.GetBool("link");
      p.subject.registry = !p.subject.link && (p.resolved.empty() || IsRegistryTarball(p.resolved));
      p.subject.in_bundle = lockfile::InDependencyBundle(*index, p.location);
      if (!p.subject.registry && !p.subject.link) p.subject.source = p.resolved;
    }
  }
  return installed;
}

}  // namespace skua::pm::cli
