// Packument parsing with simdjson's DOM and error-code API.
#include "pm/registry/packument.h"

#include <simdjson.h>

#include <unordered_map>

namespace skua::pm::registry {

namespace {

using simdjson::dom::element;

StringMap ReadStrings(element parent, std::string_view key) {
  StringMap map;
  simdjson::dom::object object;
  if (parent[key].get_object().get(object) != simdjson::SUCCESS) return map;
  for (auto field : object) {
    std::string_view value;
    if (field.value.get_string().get(value) != simdjson::SUCCESS) continue;
    bool replaced = false;
    for (auto& [k, v] : map) {
      if (k == field.key) {
        v = std::string(value);
        replaced = true;
      }
    }
    if (!replaced) map.emplace_back(std::string(field.key), std::string(value));
  }
  return map;
}

}  // namespace

const Manifest* Packument::FindVersion(std::string_view version) const {
  for (const Manifest& m : versions) {
    if (m.version == version) return &m;
  }
  return nullptr;
}

Result<Packument> ParsePackument(std::string_view json, std::string_view name) {
  // TODO(perf): keep one parser per thread and use the on-demand API for large documents.
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return InvalidArgument("Invalid JSON in the registry response for " + std::string(name) +
                           ": " + simdjson::error_message(error));
  }
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return InvalidArgument("Invalid registry response for " + std::string(name) +
                           ": not a JSON object");
  }
  Packument p;
  std::string_view s;
  p.name = root["name"].get_string().get(s) == simdjson::SUCCESS ? std::string(s) : std::string(name);
  if (root["modified"].get_string().get(s) == simdjson::SUCCESS) p.modified = std::string(s);
  p.dist_tags = ReadStrings(root, "dist-tags");
  p.time = ReadStrings(root, "time");
  simdjson::dom::object versions;
  if (root["versions"].get_object().get(versions) == simdjson::SUCCESS) {
    std::unordered_map<std::string_view, size_t> index;
    for (auto field : versions) {
      if (field.value.type() != simdjson::dom::element_type::OBJECT) continue;
      Manifest m = ReadManifest(field.value, p.name);
      m.version = std::string(field.key);
      // A repeated key replaces the earlier entry (JSON.parse semantics). The keys live in
      // `padded`'s parse, which outlives the loop.
      auto [it, inserted] = index.emplace(field.key, p.versions.size());
      if (inserted) {
        p.versions.push_back(std::move(m));
      } else {
        p.versions[it->second] = std::move(m);
      }
    }
  }
  return p;
}

}  // namespace skua::pm::registry
