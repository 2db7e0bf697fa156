// Loader for the generated npm cases.
#include "pm/tree/testing.h"

#include <simdjson.h>

#include <fstream>
#include <map>
#include <sstream>

#include "pm/registry/manifest.h"
#include "pm/workspaces/workspaces.h"

namespace skua::pm::tree::testing {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

std::vector<std::string> CaseNames(const std::string& dir) {
  std::string list;
  std::vector<std::string> names;
  if (!ReadFile(dir + "/cases.txt", &list)) return names;
  std::istringstream in(list);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

Result<NpmCase> LoadCase(const std::string& dir, const std::string& name) {
  NpmCase c;
  c.name = name;
  std::string base = dir + "/" + name + "/";
  std::string case_json;
  if (!ReadFile(base + "case.json", &case_json) || !ReadFile(base + "package.json", &c.package_json)) {
    return NotFound("missing case files for " + name);
  }
  ReadFile(base + "package-lock.json", &c.npm_lockfile);
  ReadFile(base + "npm_error.txt", &c.npm_error);
  simdjson::dom::parser parser;
  simdjson::padded_string padded(case_json);
  simdjson::dom::element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return InvalidArgument("bad case.json in " + name);
  std::string before;
  if (ReadFile(base + "package-lock.before.json", &before)) {
    Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(before, "package-lock.before.json");
    if (!lock.ok()) return lock.status();
    c.start = std::make_shared<const lockfile::Lockfile>(std::move(lock).value());
    c.options.start = c.start.get();
  }
  simdjson::dom::array flags, packuments;
  if (root["flags"].get_array().get(flags) == simdjson::SUCCESS) {
    for (auto f : flags) {
      std::string_view s;
      if (f.get_string().get(s) == simdjson::SUCCESS) c.flags.emplace_back(s);
    }
  }
  if (root["packuments"].get_array().get(packuments) == simdjson::SUCCESS) {
    for (auto p : packuments) {
      Status s = c.source.AddJson(simdjson::minify(p));
      if (!s.ok()) return s;
    }
  }
  for (auto [key, names] : {std::pair{"explicit", &c.options.explicit_requests},
                             std::pair{"update", &c.options.update_names}}) {
    simdjson::dom::array listed;
    if (root["change"][key].get_array().get(listed) != simdjson::SUCCESS) continue;
    for (auto n : listed) {
      std::string_view s;
      if (n.get_string().get(s) == simdjson::SUCCESS) names->emplace(s);
    }
  }
  simdjson::dom::object files;
  std::map<std::string, std::string> folders;
  if (root["files"].get_object().get(files) == simdjson::SUCCESS) {
    for (auto field : files) {
      std::string_view path = field.key, text;
      if (field.value.get_string().get(text) != simdjson::SUCCESS) continue;
      std::string folder(path.substr(0, path.rfind('/')));
      Result<registry::Manifest> m = registry::ParsePackageJson(text, path);
      if (m.ok()) c.source.AddFolder(folder, *m);
      if (path.substr(folder.size()) == "/package.json") folders[folder] = std::string(text);
    }
  }
  Result<std::vector<std::string>> patterns = workspaces::WorkspacePatterns(c.package_json);
  if (!patterns.ok()) return patterns.status();
  Result<std::vector<workspaces::Workspace>> found = workspaces::MatchWorkspaces(*patterns, folders, "/project");
  if (!found.ok()) return found.status();
  for (const workspaces::Workspace& ws : *found) c.options.workspaces.push_back(WorkspaceRef{ws.name, ws.path});
  for (const std::string& f : c.flags) {
    if (f == "--legacy-peer-deps") c.options.legacy_peer_deps = true;
    if (f == "--force") c.options.force = true;
    if (f == "--prefer-dedupe") c.options.prefer_dedupe = true;
  }
  c.options.pick.node_version = "20.20.2";
  c.options.platform = registry::Platform{"linux", "x64", "glibc"};
  c.options.host_platform = c.options.platform;
  for (const std::string& f : c.flags) {
    if (f.starts_with("--os=")) c.options.platform.os = f.substr(5);
    if (f.starts_with("--cpu=")) c.options.platform.cpu = f.substr(6);
    if (f.starts_with("--libc=")) c.options.platform.libc = f.substr(7);
  }
  return c;
}

}  // namespace skua::pm::tree::testing
