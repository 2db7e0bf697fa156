// Workspace discovery after @npmcli/map-workspaces, and npm's workspace filter.
#include "pm/workspaces/workspaces.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "pm/fsutil/fsutil.h"
#include "pm/glob/glob.h"
#include "pm/lockfile/json_value.h"
#include "pm/spec/package_name.h"

namespace skua::pm::workspaces {

namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (!seg.empty() && seg != ".") out.emplace_back(seg);
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& segs) {
  std::string out;
  for (const std::string& s : segs) out += (out.empty() ? "" : "/") + s;
  return out;
}

// "/a/b/../c" -> "/a/c"; relative paths resolve against `base`.
std::string Resolve(std::string_view base, std::string_view path) {
  std::string joined = !path.empty() && path[0] == '/' ? std::string(path) : std::string(base) + "/" + std::string(path);
  std::vector<std::string> out;
  for (const std::string& seg : Split(joined)) {
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
    } else {
      out.push_back(seg);
    }
  }
  return "/" + Join(out);
}

// One segment against one glob segment (no "/" in either); dot folders need a dot.
bool SegmentMatch(std::string_view pat, std::string_view name) { return glob::MatchSegment(pat, name); }

bool SegmentsMatch(const std::vector<std::string>& pat, size_t p, const std::vector<std::string>& path, size_t n) {
  if (p == pat.size()) return n == path.size();
  if (pat[p] == "**") {
    for (size_t k = n; k <= path.size(); ++k) {
      if (k > n && path[k - 1][0] == '.') break;  // ** does not enter dot folders.
      if (SegmentsMatch(pat, p + 1, path, k)) return true;
    }
    return false;
  }
  return n < path.size() && SegmentMatch(pat[p], path[n]) && SegmentsMatch(pat, p + 1, path, n + 1);
}

// map-workspaces strips "./" and trailing slashes, and never looks inside node_modules.
std::string NormalizePattern(std::string_view pattern) { return Join(Split(pattern)); }

bool InNodeModules(std::string_view path) {
  for (const std::string& seg : Split(path)) {
    if (seg == "node_modules") return true;
  }
  return false;
}

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::vector<std::string> ListDirs(const std::string& dir) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == ".." || name == "node_modules") continue;
    if (IsDir(dir + "/" + name)) out.push_back(name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// Project-relative folders that could match `segs` from segment `i` on, below `rel`.
void Expand(const std::string& root, const std::vector<std::string>& segs, size_t i, const std::string& rel,
            std::set<std::string>* out) {
  std::string dir = rel.empty() ? root : root + "/" + rel;
  if (i == segs.size()) {
    if (!rel.empty() && fsutil::Exists(dir + "/package.json")) out->insert(rel);
    return;
  }
  auto child = [&rel](const std::string& name) { return rel.empty() ? name : rel + "/" + name; };
  if (segs[i] == "**") {
    Expand(root, segs, i + 1, rel, out);
    for (const std::string& name : ListDirs(dir)) {
      if (name[0] != '.') Expand(root, segs, i, child(name), out);
    }
  } else if (!glob::HasMagic(segs[i])) {
    if (segs[i] != "node_modules" && IsDir(dir + "/" + segs[i])) Expand(root, segs, i + 1, child(segs[i]), out);
  } else {
    for (const std::string& name : ListDirs(dir)) {
      if (SegmentMatch(segs[i], name)) Expand(root, segs, i + 1, child(name), out);
    }
  }
}

}  // namespace

Result<std::vector<std::string>> WorkspacePatterns(std::string_view package_json_text) {
  Result<lockfile::JsonValue> doc = lockfile::ParseJson(package_json_text, "package.json");
  if (!doc.ok()) return doc.status();
  std::vector<std::string> patterns;
  const lockfile::JsonValue* field = doc->Get("workspaces");
  if (field == nullptr) return patterns;
  if (field->is_object()) field = field->Get("packages");
  if (field == nullptr || !field->is_array()) {
    return InvalidArgument("code EWORKSPACESCONFIG\nworkspaces config expects an Array");
  }
  for (const lockfile::JsonValue& item : field->items()) {
    if (!item.is_string()) return InvalidArgument("code EWORKSPACESCONFIG\nworkspaces config expects an Array of strings");
    patterns.push_back(item.str());
  }
  return patterns;
}

bool GlobMatch(std::string_view pattern, std::string_view path) {
  std::vector<std::string> segs = Split(path);
  for (const std::string& p : glob::ExpandBraces(std::string(pattern))) {
    if (SegmentsMatch(Split(p), 0, segs, 0)) return true;
  }
  return false;
}

Result<std::vector<Workspace>> MatchWorkspaces(const std::vector<std::string>& patterns,
                                               const std::map<std::string, std::string>& folders,
                                               std::string_view project_dir) {
  std::set<std::string> chosen;
  for (const std::string& raw : patterns) {
    bool negate = !raw.empty() && raw[0] == '!';
    std::string pattern = NormalizePattern(negate ? std::string_view(raw).substr(1) : std::string_view(raw));
    for (const auto& [folder, text] : folders) {
      if (folder.empty() || InNodeModules(folder) || !GlobMatch(pattern, folder)) continue;
      if (negate) {
        chosen.erase(folder);
      } else {
        chosen.insert(folder);
      }
    }
  }
  std::vector<Workspace> out;
  std::map<std::string, std::vector<std::string>> paths_by_name;
  for (const std::string& folder : chosen) {
    const std::string& text = folders.at(folder);
    std::string file = Resolve(project_dir, folder) + "/package.json";
    Result<lockfile::JsonValue> doc = lockfile::ParseJson(text, file);
    if (!doc.ok()) return InvalidArgument("code EJSONPARSE\n" + doc.status().message());
    Workspace ws;
    ws.name = doc->GetString("name");
    if (ws.name.empty()) ws.name = folder.substr(folder.rfind('/') + 1);
    // The name becomes node_modules/<name>: it must be a package name, never a path.
    spec::NameValidation valid = spec::ValidatePackageName(ws.name);
    if (!valid.valid_for_old_packages()) {
      return InvalidArgument("code EINVALIDPACKAGENAME\nInvalid package name \"" + ws.name + "\" of workspace " +
                             Resolve(project_dir, folder) + ": " + valid.errors[0]);
    }
    ws.path = folder;
    ws.package_json = text;
    paths_by_name[ws.name].push_back(Resolve(project_dir, folder));
    out.push_back(std::move(ws));
  }
  for (const auto& [name, paths] : paths_by_name) {
    if (paths.size() < 2) continue;
    std::string message = "code EDUPLICATEWORKSPACE\nmust not have multiple workspaces with the same name\n"
                          "package '" + name + "' has conflicts in the following paths:";
    for (const std::string& p : paths) message += "\n    " + p;
    return InvalidArgument(message);
  }
  return out;
}

Result<std::vector<Workspace>> FindWorkspaces(std::string_view project_dir, std::string_view package_json_text) {
  Result<std::vector<std::string>> patterns = WorkspacePatterns(package_json_text);
  if (!patterns.ok()) return patterns.status();
  std::string root(project_dir);
  std::set<std::string> candidates;
  for (const std::string& raw : *patterns) {
    if (!raw.empty() && raw[0] == '!') continue;
    for (const std::string& p : glob::ExpandBraces(NormalizePattern(raw))) Expand(root, Split(p), 0, "", &candidates);
  }
  std::map<std::string, std::string> folders;
  for (const std::string& folder : candidates) {
    Result<std::string> text = fsutil::ReadFile(root + "/" + folder + "/package.json");
    if (text.ok()) folders[folder] = std::move(text).value();
  }
  return MatchWorkspaces(*patterns, folders, project_dir);
}

std::string FindWorkspaceRoot(std::string_view project_dir) {
  std::string dir = Resolve("/", project_dir);
  for (std::string up = dir; up != "/";) {
    up = up.substr(0, up.rfind('/'));
    if (up.empty()) up = "/";
    Result<std::string> text = fsutil::ReadFile(up + (up == "/" ? "" : "/") + "package.json");
    if (!text.ok()) continue;
    Result<std::vector<Workspace>> found = FindWorkspaces(up, *text);
    if (!found.ok()) continue;
    for (const Workspace& ws : *found) {
      if (Resolve(up, ws.path) == dir) return up;
    }
  }
  return "";
}

Result<std::vector<Workspace>> FilterWorkspaces(const std::vector<Workspace>& all,
                                                const std::vector<std::string>& filters,
                                                std::string_view project_dir, std::string_view cwd) {
  if (filters.empty()) {
    if (all.empty()) return NotFound("No workspaces found!");
    return all;
  }
  std::vector<Workspace> out;
  for (const Workspace& ws : all) {
    std::string ws_path = Resolve(project_dir, ws.path);
    for (const std::string& filter : filters) {
      std::string target = Resolve(cwd, filter);
      bool below = ws_path == target || ws_path.rfind(target + "/", 0) == 0;
      if (filter == ws.name || below) {
        out.push_back(ws);
        break;
      }
    }
  }
  if (out.empty()) {
    std::string message = "No workspaces found:";
    for (const std::string& f : filters) message += "\n  --workspace=" + f;
    return NotFound(message);
  }
  return out;
}

}  // namespace skua::pm::workspaces
