// npm's `overrides` from the root package.json (pm-spec §2.6), as arborist's OverrideSet
// reads them: a string rule replaces a dependency's spec everywhere below the rule's
// scope, an object rule scopes its children to the named package's subtree (its "." is
// the package's own spec), "$name" refers to the root's own spec for that name, and a
// keyed rule ("c@^1") applies to edges whose range intersects the key's.
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

  // The spec an edge named `name` with its declared `raw_spec` gets under this scope: the
  // matching rule's value, or `raw_spec` unchanged.
  std::string Apply(std::string_view name, std::string_view raw_spec) const;
  // The scope the package an edge (`name`, its declared `raw_spec`) reaches carries for
  // its own edges: the matching rule's children, else this scope.
  const Overrides* ScopeFor(std::string_view name, std::string_view raw_spec) const;

 private:
  struct Rule {
    std::string name;
    std::string key_range;  // "bar@2" keys: edges whose range intersects "2". Empty: any.
    // The spec edges get; empty (npm's "*") when the rule only scopes its children.
    std::string value;
    std::unique_ptr<Overrides> children;
  };

  // npm's getEdgeRule: this scope's rules, the rule owning it, then the enclosing scope's.
  const Rule* EdgeRule(std::string_view name, std::string_view raw_spec) const;

  const Overrides* parent_ = nullptr;
  const Rule* owner_ = nullptr;  // The rule whose children these are (null at the root).
  std::vector<Rule> rules_;
};

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_OVERRIDES_H_
