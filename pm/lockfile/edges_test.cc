#include "pm/lockfile/edges.h"

#include <gtest/gtest.h>

namespace skua::pm::lockfile {
namespace {

// The shape npm 11 wrote for a root depending on ms, with workspaces a (is-number 7, and
// a dev dependency) and b (is-odd 3, whose is-number 6 is nested).
constexpr std::string_view kLock = R"({
  "name": "root", "lockfileVersion": 3, "requires": true,
  "packages": {
    "": {"name": "root", "workspaces": ["packages/*"], "dependencies": {"ms": "2.1.3"}},
    "node_modules/a": {"resolved": "packages/a", "link": true},
    "node_modules/b": {"resolved": "packages/b", "link": true},
    "node_modules/dev-only": {"version": "1.0.0", "dev": true},
    "node_modules/is-number": {"version": "7.0.0"},
    "node_modules/is-odd": {"version": "3.0.1", "dependencies": {"is-number": "^6.0.0"}},
    "node_modules/is-odd/node_modules/is-number": {"version": "6.0.0", "devDependencies": {"ms": "1"}},
    "node_modules/ms": {"version": "2.1.3"},
    "packages/a": {"version": "1.0.0", "dependencies": {"is-number": "7.0.0"},
                   "devDependencies": {"dev-only": "1"}, "peerDependencies": {"missing": "1"}},
    "packages/b": {"version": "1.0.0", "dependencies": {"is-odd": "3.0.1"}}
  }
})";

Lockfile Parse() {
  Result<Lockfile> lock = ParseLockfile(kLock, "package-lock.json");
  EXPECT_TRUE(lock.ok()) << lock.status().message();
  return std::move(lock).value();
}

TEST(LockEdgesTest, EdgesOfAnEntry) {
  Lockfile lock = Parse();
  LockEdges edges(lock);
  std::vector<std::string> seen;
  auto collect = [&](std::string_view name, std::string_view spec, const std::string& target) {
    seen.push_back(std::string(name) + "@" + std::string(spec) + " -> " + target);
  };
  edges.ForEachEdge(*lock.Find("packages/a"), collect);
  // A top entry's dev dependencies count; a peer that is not installed leads nowhere.
  EXPECT_EQ(seen, (std::vector<std::string>{"is-number@7.0.0 -> node_modules/is-number",
                                            "dev-only@1 -> node_modules/dev-only"}));
  seen.clear();
  edges.ForEachEdge(*lock.Find("node_modules/is-odd"), collect);
  EXPECT_EQ(seen, (std::vector<std::string>{"is-number@^6.0.0 -> node_modules/is-odd/node_modules/is-number"}));
  seen.clear();
  // Below node_modules, devDependencies are the package's own business.
  edges.ForEachEdge(*lock.Find("node_modules/is-odd/node_modules/is-number"), collect);
  edges.ForEachEdge(*lock.Find("node_modules/a"), collect);  // A link has no edges.
  EXPECT_TRUE(seen.empty());
}

TEST(LockEdgesTest, ReachableFromAWorkspace) {
  Lockfile lock = Parse();
  LockEdges edges(lock);
  EXPECT_EQ(edges.Reachable({"node_modules/a"}),
            (std::set<std::string>{"node_modules/a", "packages/a", "node_modules/is-number",
                                   "node_modules/dev-only"}));
  EXPECT_EQ(edges.Reachable({"packages/b", ""}),
            (std::set<std::string>{"", "packages/b", "node_modules/is-odd",
                                   "node_modules/is-odd/node_modules/is-number", "node_modules/ms"}));
  EXPECT_TRUE(edges.Reachable({"no/such"}).empty());
}

TEST(LockEdgesTest, OptionalEdges) {
  Result<Lockfile> lock = ParseLockfile(R"({"lockfileVersion": 3, "packages": {
    "": {"name": "root", "dependencies": {"a": "1"}},
    "node_modules/a": {"version": "1.0.0", "optionalDependencies": {"b": "1"},
                       "peerDependencies": {"c": "1", "d": "1"},
                       "peerDependenciesMeta": {"c": {"optional": true}}},
    "node_modules/b": {"version": "1.0.0"},
    "node_modules/c": {"version": "1.0.0"},
    "node_modules/d": {"version": "1.0.0"}}})", "package-lock.json");
  ASSERT_TRUE(lock.ok()) << lock.status().message();
  LockEdges edges(*lock);
  std::vector<std::string> seen;
  edges.ForEachLockEdge(*lock->Find("node_modules/a"), [&](const LockEdge& e) {
    seen.push_back(std::string(e.name) + (e.optional ? " optional" : ""));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"b optional", "c optional", "d"}));
}

}  // namespace
}  // namespace skua::pm::lockfile
