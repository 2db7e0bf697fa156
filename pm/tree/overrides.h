// npm's `overrides` from the root package.json, in its basic forms (pm-spec §2.6): a
// string rule replaces a dependency's spec everywhere below the rule's scope, an object
// rule scopes its children to the named package's subtree (its "." is the package's own
// spec), and "$name" refers to the root's own spec for that name.
#ifndef SKUA_PM_TREE_OVERRIDES_H_
#define SKUA_PM_TREE_OVERRIDES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pm/lockfile/json_value.h"
#include "pm/registry/manifest.h"

namespace skua::pm::tree {

class Overrides {
 public:
  // The rule set of a root package.json's `overrides` value (null when absent or empty).
  static std::unique_ptr<Overrides> FromJson(const lockfile::JsonValue& overrides,
                                             const registry::Manifest& root);

  // The spec an edge named `name` with `spec` gets under this scope: the nearest rule's
  // value, or `spec` unchanged.
  std::string Apply(std::string_view name, std::string_view spec) const;
  // The scope a node named `package_name` at `version` carries for its own edges.
  const Overrides* ScopeFor(std::string_view package_name, std::string_view version) const;

 private:
  struct Rule {
    std::string name;
    std::string key_range;  // "bar@2" keys: only versions in range enter the scope.
    std::string value;      // Empty when the rule only scopes children.
    std::unique_ptr<Overrides> children;
  };

  const Overrides* parent_ = nullptr;
  std::vector<Rule> rules_;
};

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_OVERRIDES_H_
