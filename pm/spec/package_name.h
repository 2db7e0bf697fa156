// Package-name validation with validate-npm-package-name's rules and messages. npm accepts
// a dependency whose name is "valid for old packages" (no errors; warnings such as capital
// letters allowed); publishing needs "valid for new packages" (no warnings either).
// Because dependency names become directory names under node_modules, every name read
// from package.json or a lockfile must pass IsValidDependencyName before a path is built.
#ifndef SKUA_PM_SPEC_PACKAGE_NAME_H_
#define SKUA_PM_SPEC_PACKAGE_NAME_H_

#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::spec {

struct NameValidation {
  std::vector<std::string> errors;    // e.g. "name cannot start with a period".
  std::vector<std::string> warnings;  // e.g. "name can no longer contain capital letters".

  bool valid_for_old_packages() const { return errors.empty(); }
  bool valid_for_new_packages() const { return errors.empty() && warnings.empty(); }
};

NameValidation ValidatePackageName(std::string_view name);

// ValidatePackageName(name).valid_for_old_packages(), without building the messages:
// the resolver asks it for every dependency it follows.
bool IsValidDependencyName(std::string_view name);

// True when encodeURIComponent() leaves `s` unchanged: only ASCII letters, digits and
// -_.!~*'().
bool IsUriComponentSafe(std::string_view s);

// "@scope/name" -> "@scope"; "" for an unscoped name.
std::string_view ScopeOf(std::string_view name);

// The name as it appears in a registry URL: "@scope/name" -> "@scope%2fname".
std::string EscapedName(std::string_view name);

}  // namespace skua::pm::spec

#endif  // SKUA_PM_SPEC_PACKAGE_NAME_H_
