// A packument: the registry's document for one package name, abbreviated
// (application/vnd.npm.install-v1+json: name, modified, dist-tags, versions with install
// fields) or full (adds time, readme and every package.json field). Both parse into the
// same struct; fields the abbreviated form lacks stay empty.
#ifndef SKUA_PM_REGISTRY_PACKUMENT_H_
#define SKUA_PM_REGISTRY_PACKUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/registry/manifest.h"

namespace skua::pm::registry {

struct Packument {
  std::string name;
  std::string modified;  // ISO time of the last change, when the registry sends it.
  StringMap dist_tags;   // "latest" -> "1.2.3".
  // Every version, in document order, keyed by the `versions` key (which wins over a
  // manifest's own `version` field, as npm-pick-manifest reads it).
  std::vector<Manifest> versions;
  StringMap time;  // Full documents: version (and "created"/"modified") -> ISO time.

  const Manifest* FindVersion(std::string_view version) const;
  const std::string* DistTag(std::string_view tag) const { return Find(dist_tags, tag); }
};

// Parses a packument for `name` (the requested name: it names the package in errors and
// stands in when the document has no `name`). Malformed JSON, or JSON that is not an
// object, is an InvalidArgument naming the package; entries of the wrong type are skipped.
Result<Packument> ParsePackument(std::string_view json, std::string_view name);

// The document reduced to what ParsePackument reads (name, modified, dist-tags, time, and
// per version the install fields, without readme, description, devDependencies, ...), for
// the manifest cache: some registries answer the abbreviated request with the full
// document, which is many times larger and slower to read back. Parsing the result gives
// the same Packument. nullopt when `json` is not a JSON object.
std::optional<std::string> AbbreviatePackument(std::string_view json);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_PACKUMENT_H_
