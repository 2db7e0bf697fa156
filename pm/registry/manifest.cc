// Manifest fields from simdjson DOM values, tolerant of wrong types the way npm's readers
// are: a dependency map that is not an object is ignored, a non-string spec is skipped,
// `os: "linux"` is a one-element list.
#include "pm/registry/manifest.h"

#include <simdjson.h>

#include <algorithm>

namespace skua::pm::registry {

namespace {

using simdjson::dom::element;

bool GetString(element e, std::string_view key, std::string* out) {
  std::string_view s;
  if (e[key].get_string().get(s) != simdjson::SUCCESS) return false;
  *out = std::string(s);
  return true;
}

void Upsert(StringMap& map, std::string_view key, std::string value) {
  for (auto& [k, v] : map) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  map.emplace_back(std::string(key), std::move(value));
}

StringMap ReadStringMap(element parent, std::string_view key) {
  StringMap map;
  simdjson::dom::object object;
  if (parent[key].get_object().get(object) != simdjson::SUCCESS) return map;
  for (auto field : object) {
    std::string_view value;
    if (field.value.get_string().get(value) == simdjson::SUCCESS) Upsert(map, field.key, std::string(value));
  }
  return map;
}

// JavaScript truthiness as npm's lockfile writer tests a field: an empty object or array
// counts as absent too.
bool Truthy(element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::NULL_VALUE:
      return false;
    case simdjson::dom::element_type::BOOL:
      return e.get_bool().value_unsafe();
    case simdjson::dom::element_type::STRING:
      return !e.get_string().value_unsafe().empty();
    case simdjson::dom::element_type::ARRAY:
      return e.get_array().value_unsafe().size() > 0;
    case simdjson::dom::element_type::OBJECT:
      return e.get_object().value_unsafe().size() > 0;
    default: {  // A number.
      double n = 0;
      return e.get_double().get(n) == simdjson::SUCCESS ? n != 0 : true;
    }
  }
}

// `key`'s value as compact JSON when it is set (Truthy) but not an object of strings,
// which ReadStringMap reads whole; "" otherwise.
std::string UnlessStringMap(element parent, std::string_view key) {
  element e;
  if (parent[key].get(e) != simdjson::SUCCESS || !Truthy(e)) return "";
  simdjson::dom::object object;
  if (e.get_object().get(object) == simdjson::SUCCESS) {
    bool strings = true;
    for (auto field : object) strings = strings && field.value.is_string();
    if (strings) return "";
  }
  return simdjson::minify(e);
}

// A string or an array of strings.
std::vector<std::string> ReadStringList(element parent, std::string_view key) {
  std::vector<std::string> list;
  element e;
  if (parent[key].get(e) != simdjson::SUCCESS) return list;
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    list.emplace_back(s);
    return list;
  }
  simdjson::dom::array array;
  if (e.get_array().get(array) != simdjson::SUCCESS) return list;
  for (element item : array) {
    if (item.get_string().get(s) == simdjson::SUCCESS) list.emplace_back(s);
  }
  return list;
}

// path.join('/', p).slice(1) with `\` read as `/`: a path that cannot leave its root.
std::string RootedPath(std::string_view p) {
  std::vector<std::string> parts;
  std::string part;
  auto flush = [&] {
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    part.clear();
  };
  for (char c : p) {
    if (c == '/' || c == '\\') {
      flush();
    } else {
      part += c;
    }
  }
  flush();
  std::string out;
  for (const std::string& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::string BinName(std::string_view key) {
  std::string name(key);
  for (char& c : name) {
    if (c == '\\' || c == ':') c = '/';
  }
  size_t slash = name.rfind('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  return name == "." || name == ".." ? "" : name;
}

StringMap ReadBin(element object, std::string_view package_name) {
  StringMap raw;
  element bin;
  if (object["bin"].get(bin) != simdjson::SUCCESS) return raw;
  std::string_view s;
  if (bin.get_string().get(s) == simdjson::SUCCESS) {
    if (package_name.empty()) return raw;
    std::string_view base = package_name;
    if (base[0] == '@' && base.find('/') != std::string_view::npos) base = base.substr(base.find('/') + 1);
    raw.emplace_back(std::string(base), std::string(s));
  }
  simdjson::dom::array array;
  simdjson::dom::object map;
  if (bin.get_array().get(array) == simdjson::SUCCESS) {
    for (element item : array) {
      if (item.get_string().get(s) == simdjson::SUCCESS) Upsert(raw, BinName(s), std::string(s));
    }
  } else if (bin.get_object().get(map) == simdjson::SUCCESS) {
    for (auto field : map) {
      if (field.value.get_string().get(s) == simdjson::SUCCESS) Upsert(raw, field.key, std::string(s));
    }
  }
  StringMap bins;
  for (auto& [key, target] : raw) {
    std::string name = BinName(key);
    std::string path = RootedPath(target);
    if (!name.empty() && !path.empty()) Upsert(bins, name, path);
  }
  return bins;
}

// A non-empty `deprecated` string, or `true`.
void ReadDeprecated(element object, Manifest& m) {
  element deprecated;
  if (object["deprecated"].get(deprecated) != simdjson::SUCCESS) return;
  std::string_view message;
  bool flag = false;
  if (deprecated.get_string().get(message) == simdjson::SUCCESS) {
    m.deprecated = !message.empty();
    m.deprecation_message = std::string(message);
  } else if (deprecated.get_bool().get(flag) == simdjson::SUCCESS) {
    m.deprecated = flag;
  }
}

}  // namespace

const std::string* Find(const StringMap& map, std::string_view key) {
  for (const auto& [k, v] : map) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool Manifest::IsOptionalPeer(std::string_view peer) const {
  return std::find(optional_peers.begin(), optional_peers.end(), peer) != optional_peers.end();
}

Manifest ReadManifest(element object, std::string_view fallback_name, ManifestFields fields) {
  const bool all = fields == ManifestFields::kAll;
  Manifest m;
  if (fields == ManifestFields::kSelection) {
    GetString(object, "version", &m.version);
    m.engines = ReadStringMap(object, "engines");
    ReadDeprecated(object, m);
    return m;
  }
  if (!GetString(object, "name", &m.name)) m.name = std::string(fallback_name);
  GetString(object, "version", &m.version);
  m.dependencies = ReadStringMap(object, "dependencies");
  m.optional_dependencies = ReadStringMap(object, "optionalDependencies");
  m.peer_dependencies = ReadStringMap(object, "peerDependencies");
  if (all) m.dev_dependencies = ReadStringMap(object, "devDependencies");
  m.accept_dependencies = ReadStringMap(object, "acceptDependencies");
  simdjson::dom::object meta;
  if (object["peerDependenciesMeta"].get_object().get(meta) == simdjson::SUCCESS) {
    for (auto field : meta) {
      bool optional = false;
      if (field.value["optional"].get_bool().get(optional) == simdjson::SUCCESS && optional) {
        m.optional_peers.emplace_back(field.key);
      }
    }
  }
  for (const char* key : {"bundleDependencies", "bundledDependencies"}) {
    element bundle;
    if (object[key].get(bundle) != simdjson::SUCCESS) continue;
    bool all = false;
    if (bundle.get_bool().get(all) == simdjson::SUCCESS) {
      if (all) {
        for (const auto& dep : m.dependencies) m.bundle_dependencies.push_back(dep.first);
      }
    } else {
      m.bundle_dependencies = ReadStringList(object, key);
    }
    break;
  }
  m.bin = ReadBin(object, m.name);
  element directories;
  if (object["directories"].get(directories) == simdjson::SUCCESS) {
    GetString(directories, "bin", &m.directories_bin);
  }
  m.engines = ReadStringMap(object, "engines");
  m.engines_json = UnlessStringMap(object, "engines");
  m.os = ReadStringList(object, "os");
  m.cpu = ReadStringList(object, "cpu");
  m.libc = ReadStringList(object, "libc");
  ReadDeprecated(object, m);
  if (all) {
    m.scripts = ReadStringMap(object, "scripts");
  } else {
    simdjson::dom::object scripts;
    if (object["scripts"].get_object().get(scripts) == simdjson::SUCCESS) {
      for (auto field : scripts) {
        std::string_view s;
        if ((field.key == "preinstall" || field.key == "install" || field.key == "postinstall") &&
            field.value.get_string().get(s) == simdjson::SUCCESS) {
          Upsert(m.scripts, field.key, std::string(s));
        }
      }
    }
  }
  bool flag = false;
  if (object["hasInstallScript"].get_bool().get(flag) == simdjson::SUCCESS) m.has_install_script = flag;
  for (const char* script : {"preinstall", "install", "postinstall"}) {
    if (Find(m.scripts, script)) m.has_install_script = true;
  }
  element license;
  if (object["license"].get(license) == simdjson::SUCCESS) {
    std::string_view text;
    if (license.get_string().get(text) == simdjson::SUCCESS ||
        license["type"].get_string().get(text) == simdjson::SUCCESS) {
      m.license = std::string(text);
    }
  }
  element funding;
  if (object["funding"].get(funding) == simdjson::SUCCESS) {
    std::string_view url;
    if (funding.get_string().get(url) == simdjson::SUCCESS) {
      if (!url.empty()) m.funding_json = "{\"url\":" + simdjson::minify(funding) + "}";
    } else if (funding.is_object() || funding.is_array()) {
      m.funding_json = simdjson::minify(funding);
    }
  }
  element workspaces;
  if (object["workspaces"].get(workspaces) == simdjson::SUCCESS && Truthy(workspaces)) {
    m.workspaces_json = simdjson::minify(workspaces);
  }
  if (object["_hasShrinkwrap"].get_bool().get(flag) == simdjson::SUCCESS) m.has_shrinkwrap = flag;
  element dist;
  if (object["dist"].get(dist) == simdjson::SUCCESS) {
    GetString(dist, "tarball", &m.dist.tarball);
    GetString(dist, "integrity", &m.dist.integrity);
    GetString(dist, "shasum", &m.dist.shasum);
  }
  return m;
}

Result<Manifest> ParsePackageJson(std::string_view json, std::string_view path) {
  // One parser per thread, its buffers reused: commands read hundreds of package.json
  // files (and lockfile entries) one after another. ReadManifest copies what it reads.
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  element root;
  if (auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return InvalidArgument("Invalid package.json " + std::string(path) + ": " +
                           simdjson::error_message(error));
  }
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return InvalidArgument("Invalid package.json " + std::string(path) + ": not a JSON object");
  }
  return ReadManifest(root, "");
}

}  // namespace skua::pm::registry
