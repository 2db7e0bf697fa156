// MemoryPackumentSource.
#include "pm/tree/packument_source.h"

#include <simdjson.h>

namespace skua::pm::tree {

void MemoryPackumentSource::Add(registry::Packument packument) {
  std::string name = packument.name;
  packuments_[name] = std::make_unique<registry::Packument>(std::move(packument));
}

Status MemoryPackumentSource::AddJson(std::string_view json) {
  // The document names itself; ParsePackument wants a name for errors only.
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  std::string_view name;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS || root["name"].get_string().get(name) != simdjson::SUCCESS) {
    return InvalidArgument("packument without a name");
  }
  Result<registry::Packument> packument = registry::ParsePackument(json, name);
  if (!packument.ok()) return packument.status();
  Add(std::move(packument).value());
  return Status::Ok();
}

void MemoryPackumentSource::AddFolder(std::string path, registry::Manifest manifest) {
  folders_[std::move(path)] = std::move(manifest);
}

void MemoryPackumentSource::Prefetch(const std::vector<std::string>& names) {
  prefetched_.insert(prefetched_.end(), names.begin(), names.end());
}

Result<const registry::Packument*> MemoryPackumentSource::Get(std::string_view name) {
  requested_.emplace_back(name);
  auto it = packuments_.find(name);
  if (it == packuments_.end()) return NotFound("404 Not Found: " + std::string(name));
  return static_cast<const registry::Packument*>(it->second.get());
}

Result<registry::Manifest> MemoryPackumentSource::ReadFolder(std::string_view path) {
  auto it = folders_.find(path);
  if (it == folders_.end()) return PackumentSource::ReadFolder(path);
  return it->second;
}

}  // namespace skua::pm::tree
