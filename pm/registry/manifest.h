// One package version's manifest as the installer needs it, read either from a packument's
// `versions[v]` entry (abbreviated or full) or from an installed package.json. Fields of
// the wrong type are ignored rather than fatal, as npm does: the registry holds years of
// hand-written package.json files.
#ifndef SKUA_PM_REGISTRY_MANIFEST_H_
#define SKUA_PM_REGISTRY_MANIFEST_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace skua::pm::registry {

// A JSON object of strings in document order; a repeated key keeps its first position
// and its last value (JSON.parse semantics).
using StringMap = std::vector<std::pair<std::string, std::string>>;

const std::string* Find(const StringMap& map, std::string_view key);

struct Dist {
  std::string tarball;
  std::string integrity;  // SRI, may be empty on old packages.
  std::string shasum;     // Hex sha1.
};

struct Manifest {
  std::string name;
  std::string version;
  StringMap dependencies;
  StringMap optional_dependencies;
  StringMap peer_dependencies;
  StringMap dev_dependencies;
  StringMap accept_dependencies;
  // Names whose peerDependenciesMeta entry says `"optional": true`.
  std::vector<std::string> optional_peers;
  // bundleDependencies (or bundledDependencies); `true` means every dependency.
  std::vector<std::string> bundle_dependencies;
  // `bin` normalised as npm-normalize-package-bin does: a string becomes one entry named
  // after the unscoped package name, an array is keyed by basename, names are reduced to
  // a basename and targets to paths inside the package; empty results are dropped.
  StringMap bin;
  std::string directories_bin;
  StringMap engines;
  // `engines` as compact JSON when it is not an object of strings (old packages wrote
  // ["node >= 0.8.0"]): the lockfile records it as written. Empty otherwise.
  std::string engines_json;
  std::vector<std::string> os;
  std::vector<std::string> cpu;
  std::vector<std::string> libc;
  bool deprecated = false;          // A non-empty `deprecated` string (or `true`).
  std::string deprecation_message;
  bool has_install_script = false;  // Packument flag, or pre/install/postinstall scripts.
  bool has_shrinkwrap = false;
  StringMap scripts;                // Full documents and package.json only.
  // `license` as the lockfile records it: the string, or an object's `type`.
  std::string license;
  // `funding` as compact JSON, a string normalised to {"url": ...} as npm does; empty
  // when absent.
  std::string funding_json;
  // `workspaces` as compact JSON, for the lockfile; empty when absent or empty.
  std::string workspaces_json;
  Dist dist;

  bool IsOptionalPeer(std::string_view name) const;
};

// What ReadManifest reads. A packument version never has its devDependencies installed
// and its scripts run from the extracted package.json, so kPackumentVersion leaves
// `dev_dependencies` empty and keeps only the install scripts (preinstall, install,
// postinstall) in `scripts`: full documents list long devDependencies per version.
// kSelection reads only `version`, `deprecated` and `engines`, what version selection
// ranks candidates by.
enum class ManifestFields { kAll, kPackumentVersion, kSelection };

// Reads the manifest fields of a JSON object; `fallback_name` is used when `name` is
// missing (packument versions inherit the document's name).
Manifest ReadManifest(simdjson::dom::element object, std::string_view fallback_name,
                      ManifestFields fields = ManifestFields::kAll);

// Parses an installed package.json. `path` is only used in error messages.
Result<Manifest> ParsePackageJson(std::string_view json, std::string_view path);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_MANIFEST_H_
