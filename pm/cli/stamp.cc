#include "pm/cli/stamp.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <set>

#include "pm/fetch/digest.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

constexpr char kHeader[] = "skua-state 1\n";

std::string StatePath(const std::string& project_dir) {
  return JoinPath(project_dir, "node_modules/.skua/state");
}

// "<seconds>.<nanoseconds>" of a folder's mtime, or "" when it cannot be read.
std::string MtimeOf(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%lld.%09ld", static_cast<long long>(st.st_mtim.tv_sec),
                static_cast<long>(st.st_mtim.tv_nsec));
  return buf;
}

}  // namespace

void StampKey::Add(std::string_view part) {
  data_ += std::to_string(part.size());
  data_ += ':';
  data_ += part;
}

void StampKey::AddFile(const std::string& path) {
  Result<std::string> text = fsutil::ReadFile(path);
  if (text.ok()) {
    Add("file");
    Add(*text);
  } else {
    Add("missing");
  }
}

std::string StampKey::Hex() const {
  fetch::Hasher hasher(fetch::HashAlgorithm::kSha256);
  hasher.Update(data_.data(), data_.size());
  return fetch::ToHex(hasher.Finish());
}

bool StampUpToDate(const std::string& project_dir, const std::string& key) {
  Result<std::string> text = fsutil::ReadFile(StatePath(project_dir));
  if (!text.ok()) return false;
  std::string_view s = *text;
  std::string expected_key = std::string("key ") + key + "\n";
  if (s.substr(0, sizeof(kHeader) - 1) != kHeader) return false;
  s.remove_prefix(sizeof(kHeader) - 1);
  if (s.substr(0, expected_key.size()) != expected_key) return false;
  s.remove_prefix(expected_key.size());
  bool saw_node_modules = false;
  while (!s.empty()) {
    size_t end = s.find('\n');
    if (end == std::string_view::npos) return false;  // Truncated.
    std::string_view line = s.substr(0, end);
    s.remove_prefix(end + 1);
    if (line.substr(0, 4) != "dir ") return false;
    line.remove_prefix(4);
    size_t space = line.find(' ');
    if (space == std::string_view::npos) return false;
    std::string folder(line.substr(space + 1));
    if (folder.empty() || folder.find("..") != std::string::npos) return false;
    if (MtimeOf(JoinPath(project_dir, folder)) != line.substr(0, space)) return false;
    saw_node_modules = saw_node_modules || folder == "node_modules";
  }
  return saw_node_modules;
}

Status WriteStamp(const std::string& project_dir, const std::string& key,
                  const std::vector<std::string>& folders) {
  if (Status made = fsutil::MakeDirs(JoinPath(project_dir, "node_modules/.skua")); !made.ok()) return made;
  std::string out = kHeader;
  out += "key " + key + "\n";
  for (const std::string& folder : folders) {
    std::string mtime = MtimeOf(JoinPath(project_dir, folder));
    if (!mtime.empty()) out += "dir " + mtime + " " + folder + "\n";
  }
  return fsutil::WriteFileAtomic(StatePath(project_dir), out);
}

void RemoveStamp(const std::string& project_dir) { unlink(StatePath(project_dir).c_str()); }

std::vector<std::string> StampFolders(const std::vector<std::string>& locations) {
  std::set<std::string> folders = {"node_modules"};
  for (const std::string& location : locations) {
    size_t slash = location.rfind('/');
    if (slash == std::string::npos) continue;
    std::string parent = location.substr(0, slash);
    folders.insert(parent);
    // "…/node_modules/@scope": the scope folder's own parent too.
    size_t scope = parent.rfind('/');
    if (scope != std::string::npos && parent[scope + 1] == '@') folders.insert(parent.substr(0, scope));
  }
  return {folders.begin(), folders.end()};
}

}  // namespace skua::pm::cli
