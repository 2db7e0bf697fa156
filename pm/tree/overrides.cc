// Overrides: parsing the rule tree and applying it to edges and nodes.
#include "pm/tree/overrides.h"

#include "pm/semver/range.h"

namespace skua::pm::tree {

namespace {

void SplitKey(std::string_view key, std::string* name, std::string* range) {
  size_t at = key.find('@', key.empty() || key[0] != '@' ? 0 : 1);
  if (at == std::string_view::npos) {
    *name = std::string(key);
    return;
  }
  *name = std::string(key.substr(0, at));
  *range = std::string(key.substr(at + 1));
}

}  // namespace

std::unique_ptr<Overrides> Overrides::FromJson(const lockfile::JsonValue& overrides, const registry::Manifest& root) {
  if (!overrides.is_object() || overrides.members().empty()) return nullptr;
  auto set = std::make_unique<Overrides>();
  for (const lockfile::JsonMember& m : overrides.members()) {
    Rule rule;
    SplitKey(m.key, &rule.name, &rule.key_range);
    auto resolve = [&root](const std::string& v) {
      if (v.size() > 1 && v[0] == '$') {
        std::string ref = v.substr(1);
        for (const registry::StringMap* map : {&root.dependencies, &root.dev_dependencies,
                                               &root.optional_dependencies, &root.peer_dependencies}) {
          if (const std::string* s = registry::Find(*map, ref)) return *s;
        }
      }
      return v;
    };
    if (m.value.is_string()) {
      rule.value = resolve(m.value.str());
    } else if (m.value.is_object()) {
      rule.value = resolve(m.value.GetString("."));
      lockfile::JsonValue rest = m.value;
      rest.Remove(".");
      rule.children = FromJson(rest, root);
      if (!rule.children) rule.children = std::make_unique<Overrides>();
      rule.children->parent_ = set.get();
    }
    set->rules_.push_back(std::move(rule));
  }
  return set;
}

std::string Overrides::Apply(std::string_view name, std::string_view spec) const {
  for (const Overrides* s = this; s; s = s->parent_) {
    for (const Rule& rule : s->rules_) {
      if (rule.name != name || rule.value.empty()) continue;
      // A keyed rule ("c@1") applies to edges whose range can reach that key.
      // TODO(compat): npm tests range intersection; this checks the key against "*"
      // and exact prefixes only.
      if (!rule.key_range.empty() && rule.key_range != spec) continue;
      return rule.value;
    }
  }
  return std::string(spec);
}

const Overrides* Overrides::ScopeFor(std::string_view package_name, std::string_view version) const {
  for (const Rule& rule : rules_) {
    if (rule.name != package_name || !rule.children) continue;
    if (!rule.key_range.empty() && !semver::Satisfies(version, rule.key_range, semver::RangeOptions{.loose = true})) {
      continue;
    }
    return rule.children.get();
  }
  return this;
}

}  // namespace skua::pm::tree
