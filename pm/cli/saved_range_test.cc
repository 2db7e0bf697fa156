#include "pm/cli/saved_range.h"

#include <gtest/gtest.h>

#include <map>

namespace skua::pm::cli {
namespace {

registry::Packument PackumentOf(const std::string& name, const std::vector<std::string>& versions) {
  std::string json = R"({"name":")" + name + R"(","dist-tags":{"latest":")" + versions.back() + R"("},"versions":{)";
  for (size_t i = 0; i < versions.size(); ++i) {
    json += (i ? "," : "") + std::string("\"") + versions[i] + R"(":{"name":")" + name + R"(","version":")" +
            versions[i] + "\"}";
  }
  json += "}}";
  Result<registry::Packument> p = registry::ParsePackument(json, name);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return std::move(p).value();
}

std::string Saved(const std::string& spec, const std::string& version, const std::string& prefix = "^") {
  registry::Packument p = PackumentOf("a", {"1.0.0", "1.0.5", "1.2.0", "1.2.2", "1.3.0", "2.0.0"});
  Result<spec::DepSpec> parsed = spec::ResolveSpec("a", spec);
  EXPECT_TRUE(parsed.ok());
  return SavedRange(*parsed, version, prefix, p);
}

// npm's reify: `<prefix><version>` unless that would allow versions the range does not.
TEST(SavedRangeTest, PrefixedVersionWhenItLiesInsideTheRange) {
  EXPECT_EQ(Saved("latest", "2.0.0"), "^2.0.0");
  EXPECT_EQ(Saved("1.0.0", "1.0.0"), "^1.0.0");
  EXPECT_EQ(Saved("^1.0.0", "1.2.2"), "^1.2.2");
  EXPECT_EQ(Saved("*", "2.0.0"), "^2.0.0");
  EXPECT_EQ(Saved("1.x <1.2.3", "1.2.2"), "1.x <1.2.3");
  EXPECT_EQ(Saved("~1.0", "1.0.5"), "~1.0");
  EXPECT_EQ(Saved("~1.0", "1.0.5", "~"), "~1.0.5");
  EXPECT_EQ(Saved("^1.0.0", "1.2.2", ""), "1.2.2");
  EXPECT_EQ(Saved("npm:b@^1.0.0", "1.3.0"), "npm:b@^1.3.0");
}

lockfile::Lockfile LockOf(const std::string& text) {
  Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(text, "package-lock.json");
  EXPECT_TRUE(lock.ok()) << lock.status().message();
  return std::move(lock).value();
}

PackageJsonEditor EditorOf(const std::string& text) {
  Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(text, "package.json");
  EXPECT_TRUE(editor.ok());
  return std::move(editor).value();
}

const char kPackageJson[] = R"({
  "name": "root",
  "dependencies": {"a": "^1.0.0", "b": "1.0.0", "c": "^1.0.0", "g": "file:../g"},
  "devDependencies": {"d": "^1.0.0"},
  "peerDependencies": {"d": "^1.0.0", "e": "^1.0.0"},
  "optionalDependencies": {"e": "^1.0.0"}
}
)";

const char kLock[] = R"({"name": "root", "lockfileVersion": 3, "requires": true, "packages": {
  "": {"name": "root", "dependencies": {"a": "^1.0.0", "b": "1.0.0", "c": "^1.0.0", "g": "file:../g"},
       "devDependencies": {"d": "^1.0.0"}, "optionalDependencies": {"e": "^1.0.0"},
       "peerDependencies": {"d": "^1.0.0", "e": "^1.0.0"}},
  "node_modules/a": {"version": "1.3.0"},
  "node_modules/b": {"version": "1.0.0"},
  "node_modules/c": {"version": "1.0.5", "dependencies": {"a": "^1.0.0"}},
  "node_modules/d": {"version": "1.2.0", "dev": true},
  "node_modules/e": {"version": "1.3.0", "optional": true},
  "node_modules/f": {"version": "1.0.0", "dependencies": {"c": "1.0.5"}},
  "node_modules/g": {"resolved": "../g", "link": true}
}})";

std::vector<RangeUpdate> Updates(const std::set<std::string>& names) {
  std::map<std::string, registry::Packument> docs;
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    docs.emplace(name, PackumentOf(name, {"1.0.0", "1.0.5", "1.2.0", "1.3.0", "2.0.0"}));
  }
  lockfile::Lockfile lock = LockOf(kLock);
  return UpdatedRanges(EditorOf(kPackageJson), "", lock, names, "^", [&](const std::string& name) {
    auto it = docs.find(name);
    return it == docs.end() ? nullptr : &it->second;
  });
}

std::map<std::string, std::string> Flat(const std::vector<RangeUpdate>& updates) {
  std::map<std::string, std::string> out;
  for (const RangeUpdate& u : updates) out[std::string(DepKindKey(u.kind)) + "." + u.name] = u.spec;
  return out;
}

TEST(SavedRangeTest, UpdateSaveMovesTheRangesTheUpdateReached) {
  std::map<std::string, std::string> want = {
      {"dependencies.a", "^1.3.0"},
      // b is pinned by the root and c by f: left alone. g is a link.
      {"devDependencies.d", "^1.2.0"},
      // d's peer range ^1.0.0 intersects ^1.2.0: kept, as arborist keeps it.
      {"peerDependencies.e", "^1.3.0"},
      {"optionalDependencies.e", "^1.3.0"},
  };
  EXPECT_EQ(Flat(Updates({})), want);
  EXPECT_EQ(Flat(Updates({"a", "b"})), (std::map<std::string, std::string>{{"dependencies.a", "^1.3.0"}}));
}

TEST(SavedRangeTest, ApplyEditsPackageJsonAndTheLockfilesRecordOfIt) {
  PackageJsonEditor editor = EditorOf(kPackageJson);
  lockfile::Lockfile lock = LockOf(kLock);
  ApplyRangeUpdates(Updates({}), &editor, &lock.packages[0]);
  EXPECT_EQ(*editor.Dependency(DepKind::kProd, "a"), "^1.3.0");
  EXPECT_EQ(*editor.Dependency(DepKind::kPeer, "d"), "^1.0.0");
  const lockfile::JsonValue& root = lock.packages[0].meta;
  EXPECT_EQ(root.Get("dependencies")->GetString("a"), "^1.3.0");
  EXPECT_EQ(root.Get("dependencies")->GetString("b"), "1.0.0");
  EXPECT_EQ(root.Get("devDependencies")->GetString("d"), "^1.2.0");
  EXPECT_EQ(root.Get("optionalDependencies")->GetString("e"), "^1.3.0");
  EXPECT_EQ(root.Get("peerDependencies")->GetString("e"), "^1.3.0");
}

}  // namespace
}  // namespace skua::pm::cli
