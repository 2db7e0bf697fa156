// LinkablePackages (linkable.h): a read of the lockfile's text through simdjson's DOM.
#include "pm/lockfile/linkable.h"

#include <simdjson.h>

#include "pm/lockfile/lockfile.h"

namespace skua::pm::lockfile {

std::vector<LinkablePackage> LinkablePackages(std::string_view text) {
  std::vector<LinkablePackage> out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  simdjson::dom::object packages;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS ||
      root["packages"].get(packages) != simdjson::SUCCESS) {
    return out;
  }
  for (auto [location, value] : packages) {
    simdjson::dom::object entry;
    if (!location.starts_with("node_modules/") || value.get(entry) != simdjson::SUCCESS) continue;
    std::string_view name, version, integrity;
    bool left_out = false;
    for (auto [field, field_value] : entry) {
      if (field == "version") {
        if (field_value.get(version) != simdjson::SUCCESS) left_out = true;
      } else if (field == "integrity") {
        if (field_value.get(integrity) != simdjson::SUCCESS) left_out = true;
      } else if (field == "name") {
        if (field_value.get(name) != simdjson::SUCCESS) left_out = true;
      } else if (field == "link" || field == "inBundle" || field == "hasInstallScript" ||
                 field == "os" || field == "cpu" || field == "libc") {
        left_out = true;
      }
    }
    if (left_out || version.empty() || integrity.empty()) continue;
    out.push_back({std::string(location), name.empty() ? NameFromLocation(location) : std::string(name),
                   std::string(version), std::string(integrity)});
  }
  return out;
}

}  // namespace skua::pm::lockfile
