// Edits a package.json the way npm's @npmcli/package-json saves one: the document is
// parsed into an ordered model, changed, and written back with JSON.stringify using the
// file's own indentation and line ending (json-parse-even-better-errors' detection), so
// key order is kept; a dependency object that was changed is sorted by name (npm's
// localeCompare 'en'), and one left empty is removed.
//
//   Result<PackageJsonEditor> pj = PackageJsonEditor::Parse(text, "/p/package.json");
//   pj->SetDependency(DepKind::kDev, "typescript", "^5.4.0");
//   std::string bytes = pj->Serialize();
#ifndef SKUA_PM_CLI_PACKAGE_JSON_EDIT_H_
#define SKUA_PM_CLI_PACKAGE_JSON_EDIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/lockfile/json_value.h"
#include "pm/lockfile/stringify.h"

namespace skua::pm::cli {

enum class DepKind { kProd, kDev, kOptional, kPeer };

inline constexpr DepKind kAllDepKinds[] = {DepKind::kProd, DepKind::kDev, DepKind::kOptional,
                                          DepKind::kPeer};

// "dependencies", "devDependencies", "optionalDependencies", "peerDependencies".
const char* DepKindKey(DepKind kind);

class PackageJsonEditor {
 public:
  // Errors: EJSONPARSE naming `path` with the position, line and column of the first
  // fault; a document that is not an object.
  static Result<PackageJsonEditor> Parse(std::string_view text, std::string_view path);

  // The spec `name` has under `kind`, or nullptr.
  const std::string* Dependency(DepKind kind, std::string_view name) const;
  // Sets `name` to `spec` under `kind` (the object is added at the end when missing) and
  // sorts that object.
  void SetDependency(DepKind kind, std::string_view name, std::string_view spec);
  // Removes `name` from `kind` (and a peer's peerDependenciesMeta entry); false when it
  // was not there.
  bool RemoveDependency(DepKind kind, std::string_view name);
  // Removes `name` from the bundleDependencies array (the key too, once empty), as npm's
  // rm does; false when it was not there.
  bool RemoveBundled(std::string_view name);

  // Any top-level key (e.g. "trustedDependencies"): replaced in place or appended.
  void SetKey(std::string_view key, lockfile::JsonValue value);
  bool RemoveKey(std::string_view key);

  const lockfile::JsonValue& document() const { return doc_; }
  // The text npm would write: JSON.stringify(doc, null, indent) + "\n", with every "\n"
  // replaced by the file's line ending.
  std::string Serialize() const;

  const std::string& indent() const { return indent_; }
  const std::string& newline() const { return newline_; }

  // @npmcli/package-json's updateDependencies: every dependency object sorted by name,
  // an empty one removed (npm saves package.json so after add and remove).
  void Normalize();

 private:

  lockfile::JsonValue doc_;
  std::string indent_ = "  ";
  std::string newline_ = "\n";
};

using lockfile::StringifyJson;  // JSON.stringify(value, null, indent), for the commands.

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_PACKAGE_JSON_EDIT_H_
