// InMemoryFileSystem: a map from absolute path to node, with symlink resolution.
#include "resolver/testing/in_memory_file_system.h"

#include "resolver/path_util.h"

namespace skua::resolver::testing {

using internal::DirName;
using internal::ResolvePath;

InMemoryFileSystem::InMemoryFileSystem() { nodes_["/"] = Node{FileKind::kDirectory, false, ""}; }

void InMemoryFileSystem::AddDirectory(const std::string& path) {
  std::string normalized = ResolvePath("/", path);
  while (nodes_.count(normalized) == 0) {
    nodes_[normalized] = Node{FileKind::kDirectory, false, ""};
    normalized = DirName(normalized);
  }
}

void InMemoryFileSystem::AddFile(const std::string& path, std::string contents) {
  std::string normalized = ResolvePath("/", path);
  AddDirectory(DirName(normalized));
  nodes_[normalized] = Node{FileKind::kFile, false, std::move(contents)};
}

void InMemoryFileSystem::AddSymlink(const std::string& path, const std::string& target) {
  std::string normalized = ResolvePath("/", path);
  AddDirectory(DirName(normalized));
  nodes_[normalized] = Node{FileKind::kFile, true, target};
}

std::string InMemoryFileSystem::Canonical(std::string_view path, int depth) const {
  if (depth > 40) return std::string();  // ELOOP.
  std::string normalized = ResolvePath("/", path);
  std::string current = "/";
  size_t start = 1;
  while (start < normalized.size()) {
    size_t end = normalized.find('/', start);
    if (end == std::string::npos) end = normalized.size();
    std::string next = (current == "/" ? "" : current) + "/" + normalized.substr(start, end - start);
    auto found = nodes_.find(next);
    if (found == nodes_.end()) return std::string();
    if (found->second.symlink) {
      next = Canonical(ResolvePath(current, found->second.data), depth + 1);
      if (next.empty()) return std::string();
    }
    if (end < normalized.size() && nodes_.at(next).kind != FileKind::kDirectory) return std::string();
    current = next;
    start = end + 1;
  }
  return current;
}

FileKind InMemoryFileSystem::Stat(std::string_view path) {
  ++stat_calls_;
  std::string canonical = Canonical(path);
  if (canonical.empty()) return FileKind::kMissing;
  return nodes_.at(canonical).kind;
}

Result<std::string> InMemoryFileSystem::RealPath(std::string_view path) {
  std::string canonical = Canonical(path);
  if (canonical.empty()) return NotFound("no such file: " + std::string(path));
  return canonical;
}

Result<std::string> InMemoryFileSystem::ReadFile(std::string_view path) {
  ++read_calls_;
  std::string canonical = Canonical(path);
  if (canonical.empty()) return NotFound("no such file: " + std::string(path));
  const Node& node = nodes_.at(canonical);
  if (node.kind != FileKind::kFile) return IoError("is a directory: " + std::string(path));
  return node.data;
}

}  // namespace skua::resolver::testing
