// Overrides: parsing the rule tree and applying it to edges and nodes.
#include "pm/tree/overrides.h"

#include "pm/semver/range.h"
#include "pm/spec/dep_spec.h"

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

// npm's getEdgeRule test of a keyed rule: a range or version (an alias's, a git spec's
// `#semver:`) must intersect the key; tags, files, folders and URLs cannot be compared,
// so the rule applies to them.
bool KeyAdmits(std::string_view key, std::string_view name, std::string_view raw_spec) {
  if (key.empty()) return true;
  Result<spec::DepSpec> parsed = spec::ResolveSpec(name, raw_spec.empty() ? "*" : raw_spec);
  if (!parsed.ok()) return false;
  const spec::DepSpec* spec = &*parsed;
  if (spec->type == spec::SpecType::kAlias && spec->alias) spec = spec->alias.get();
  switch (spec->type) {
    case spec::SpecType::kGit:
      return !spec->git_range.empty() && semver::Intersects(spec->git_range, key);
    case spec::SpecType::kRange:
    case spec::SpecType::kVersion:
      return semver::Intersects(spec->fetch_spec, key);
    default:
      return true;
  }
}

}  // namespace

std::unique_ptr<Overrides> Overrides::FromJson(const lockfile::JsonValue& overrides, const registry::Manifest& root) {
  if (!overrides.is_object() || overrides.members().empty()) return nullptr;
  auto set = std::make_unique<Overrides>();
  for (const lockfile::JsonMember& m : overrides.members()) {
    Rule rule;
    SplitKey(m.key, &rule.name, &rule.key_range);
    if (rule.key_range == "*") rule.key_range.clear();
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
    // npm's value: the "." spec ("" standing for "*"), else the key's range.
    const lockfile::JsonValue* dot = m.value.is_object() ? m.value.Get(".") : &m.value;
    if (dot == nullptr) {
      rule.value = rule.key_range;
    } else if (dot->is_string() && dot->str() != "*") {
      rule.value = resolve(dot->str());
    }
    if (m.value.is_object()) {
      lockfile::JsonValue rest = m.value;
      rest.Remove(".");
      rule.children = FromJson(rest, root);
    }
    // Every rule is a scope: what a package reached through it depends on sees its
    // children, the rule itself, then the enclosing scopes (npm's ruleset).
    if (!rule.children) rule.children = std::make_unique<Overrides>();
    rule.children->parent_ = set.get();
    set->rules_.push_back(std::move(rule));
  }
  for (const Rule& rule : set->rules_) rule.children->owner_ = &rule;
  return set;
}

const Overrides::Rule* Overrides::EdgeRule(std::string_view name, std::string_view raw_spec) const {
  for (const Overrides* s = this; s; s = s->parent_) {
    for (const Rule& rule : s->rules_) {
      if (rule.name == name && KeyAdmits(rule.key_range, name, raw_spec)) return &rule;
    }
    if (s->owner_ && s->owner_->name == name && KeyAdmits(s->owner_->key_range, name, raw_spec)) {
      return s->owner_;
    }
  }
  return nullptr;
}

std::string Overrides::Apply(std::string_view name, std::string_view raw_spec) const {
  const Rule* rule = EdgeRule(name, raw_spec);
  return rule && !rule->value.empty() ? rule->value : std::string(raw_spec);
}

const Overrides* Overrides::ScopeFor(std::string_view name, std::string_view raw_spec) const {
  const Rule* rule = EdgeRule(name, raw_spec);
  return rule ? rule->children.get() : this;
}

}  // namespace skua::pm::tree
