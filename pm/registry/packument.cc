// Packument parsing with simdjson's DOM and error-code API.
#include "pm/registry/packument.h"

#include <simdjson.h>

#include <cstdio>
#include <unordered_map>

namespace skua::pm::registry {

namespace {

using simdjson::dom::element;

StringMap ReadStrings(element parent, std::string_view key) {
  StringMap map;
  simdjson::dom::object object;
  if (parent[key].get_object().get(object) != simdjson::SUCCESS) return map;
  // A full document's `time` has an entry per version: index the keys (they live in the
  // parsed document) rather than scanning the map for each one.
  std::unordered_map<std::string_view, size_t> index;
  for (auto field : object) {
    std::string_view value;
    if (field.value.get_string().get(value) != simdjson::SUCCESS) continue;
    auto [it, inserted] = index.emplace(field.key, map.size());
    if (inserted) {
      map.emplace_back(std::string(field.key), std::string(value));
    } else {
      map[it->second].second = std::string(value);
    }
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
  // A parser per call: allocating one is cheap next to the parse, and a kept one would
  // hold buffers sized for the largest packument on every worker thread.
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
    p.versions.reserve(versions.size());
    for (auto field : versions) {
      if (field.value.type() != simdjson::dom::element_type::OBJECT) continue;
      Manifest m = ReadManifest(field.value, p.name, ManifestFields::kPackumentVersion);
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

namespace {

// JSON string syntax for `s` (keys come out of simdjson unescaped).
void AppendQuoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

// Compile-time lengths: this runs for every field of every version of a full document.
constexpr std::string_view kKeptVersionFields[] = {
    "name", "version", "dependencies", "optionalDependencies", "peerDependencies",
    "acceptDependencies", "peerDependenciesMeta", "bundleDependencies",
    "bundledDependencies", "bin", "directories", "engines", "os", "cpu", "libc",
    "deprecated", "scripts", "hasInstallScript", "license", "funding", "_hasShrinkwrap",
    "dist"};

bool KeptVersionField(std::string_view key) {
  for (std::string_view kept : kKeptVersionFields) {
    if (key == kept) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> AbbreviatePackument(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::object root;
  if (parser.parse(padded).get_object().get(root) != simdjson::SUCCESS) return std::nullopt;
  std::string out = "{";
  auto separate = [&] {
    if (out.size() > 1) out += ',';
  };
  for (auto field : root) {
    if (field.key == "versions") {
      simdjson::dom::object versions;
      if (field.value.get_object().get(versions) != simdjson::SUCCESS) continue;
      separate();
      out += "\"versions\":{";
      bool first_version = true;
      for (auto version : versions) {
        simdjson::dom::object manifest;
        if (version.value.get_object().get(manifest) != simdjson::SUCCESS) continue;
        if (!first_version) out += ',';
        first_version = false;
        AppendQuoted(out, version.key);
        out += ":{";
        bool first_field = true;
        for (auto f : manifest) {
          if (!KeptVersionField(f.key)) continue;
          if (!first_field) out += ',';
          first_field = false;
          AppendQuoted(out, f.key);
          out += ':';
          out += simdjson::minify(f.value);
        }
        out += '}';
      }
      out += '}';
    } else if (field.key == "name" || field.key == "modified" || field.key == "dist-tags" ||
               field.key == "time") {
      separate();
      AppendQuoted(out, field.key);
      out += ':';
      out += simdjson::minify(field.value);
    }
  }
  out += '}';
  return out;
}

}  // namespace skua::pm::registry
