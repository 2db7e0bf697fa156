// BuildIdealTree behaviours that the npm differential cases do not show directly:
// prefetch hints, errors, flags, platform handling.
#include "pm/tree/build_ideal_tree.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace skua::pm::tree {
namespace {

// A packument with the given versions, each with `deps` as dependencies and `extra`
// spliced into its manifest.
std::string Doc(const std::string& name, const std::vector<std::string>& versions, const std::string& extra = "") {
  std::string v;
  for (const std::string& ver : versions) {
    if (!v.empty()) v += ",";
    v += "\"" + ver + "\":{\"name\":\"" + name + "\",\"version\":\"" + ver + "\"" + (extra.empty() ? "" : "," + extra) +
         ",\"dist\":{\"tarball\":\"https://r.test/" + name + "-" + ver + ".tgz\",\"integrity\":\"sha512-x\"}}";
  }
  return "{\"name\":\"" + name + "\",\"dist-tags\":{\"latest\":\"" + versions.back() + "\"},\"versions\":{" + v + "}}";
}

BuildOptions Options() {
  BuildOptions o;
  o.pick.node_version = "20.0.0";
  o.platform = registry::Platform{"linux", "x64", "glibc"};
  return o;
}

const Node* At(const IdealTree& t, const std::string& location) {
  for (const TreeEntry& e : t.entries) {
    if (e.location == location) return e.node;
  }
  return nullptr;
}

TEST(BuildIdealTreeTest, PrefetchesTheFrontierBeforeAsking) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("a", {"1.0.0"}, R"("dependencies":{"b":"1","c":"1"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("b", {"1.0.0"})).ok());
  ASSERT_TRUE(s.AddJson(Doc("c", {"1.0.0"})).ok());
  Result<IdealTree> t = BuildIdealTree(R"({"name":"r","dependencies":{"a":"1"}})", s, Options());
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_GE(s.prefetched().size(), 3u);
  EXPECT_EQ(s.prefetched()[0], "a");
  // b and c were hinted as soon as a was placed, before they were requested.
  auto pos = [&](const std::vector<std::string>& v, const std::string& n) { return std::find(v.begin(), v.end(), n) - v.begin(); };
  EXPECT_LT(pos(s.prefetched(), "b"), static_cast<long>(s.prefetched().size()));
  EXPECT_EQ(At(*t, "node_modules/b")->version(), "1.0.0");
}

TEST(BuildIdealTreeTest, MissingRequiredPackageIsAnError) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("a", {"1.0.0"})).ok());
  Result<IdealTree> t = BuildIdealTree(R"({"dependencies":{"a":"2"}})", s, Options());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "code ETARGET\nNo matching version found for a@2.\n"
            "In most cases you or one of your dependencies are requesting\n"
            "a package version that doesn't exist.");
  t = BuildIdealTree(R"({"dependencies":{"nope":"1"}})", s, Options());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "404 Not Found: nope");
}

TEST(BuildIdealTreeTest, FailedOptionalIsDropped) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("a", {"1.0.0"})).ok());
  Result<IdealTree> t = BuildIdealTree(R"({"optionalDependencies":{"a":"2","gone":"1"}})", s, Options());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->entries.size(), 1u);  // The root only.
}

TEST(BuildIdealTreeTest, PlatformMismatchRequiredFailsOptionalIsInert) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("w", {"1.0.0"}, R"("os":["win32"])")).ok());
  Result<IdealTree> t = BuildIdealTree(R"({"dependencies":{"w":"1"}})", s, Options());
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().message().find("Unsupported platform for w@1.0.0"), std::string::npos);
  t = BuildIdealTree(R"({"optionalDependencies":{"w":"1"}})", s, Options());
  ASSERT_TRUE(t.ok());
  const Node* w = At(*t, "node_modules/w");
  ASSERT_NE(w, nullptr);  // Still locked: the lockfile lists every platform's packages.
  EXPECT_TRUE(w->inert);
  EXPECT_TRUE(w->optional);
}

TEST(BuildIdealTreeTest, PeerConflictAtRootIsEresolveUnlessLegacy) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("x", {"1.0.0"}, R"("peerDependencies":{"z":"1"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("y", {"1.0.0"}, R"("peerDependencies":{"z":"2"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("z", {"1.0.0", "2.0.0"})).ok());
  const char* pj = R"({"name":"r","version":"1.0.0","dependencies":{"x":"1","y":"1"}})";
  Result<IdealTree> t = BuildIdealTree(pj, s, Options());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message().substr(0, 23), "code ERESOLVE\nERESOLVE ");
  BuildOptions legacy = Options();
  legacy.legacy_peer_deps = true;
  t = BuildIdealTree(pj, s, legacy);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(At(*t, "node_modules/z"), nullptr);  // Peers are not installed at all.
}

// A peer conflict below a dependency (not the project's own) is accepted with npm's
// warning: what was found and who wants what, two levels deep. (npm 11's printer crashes
// on this report after its first line; the rest is what its explanation holds.)
TEST(BuildIdealTreeTest, PeerConflictBelowADependencyIsAWarningWithItsExplanation) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("a", {"1.0.0"}, R"("dependencies":{"b":"1"},"peerDependencies":{"c":"*"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("b", {"1.0.0"}, R"("peerDependencies":{"c":"2"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("c", {"1.0.0", "2.0.0"})).ok());
  Result<IdealTree> t =
      BuildIdealTree(R"({"name":"root","version":"1.0.0","dependencies":{"a":"1","c":"1"}})", s, Options());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(At(*t, "node_modules/c")->version(), "1.0.0");
  ASSERT_EQ(t->warnings.size(), 1u);
  EXPECT_EQ(t->warnings[0],
            "ERESOLVE overriding peer dependency\n"
            "While resolving: a@1.0.0\n"
            "Found: c@1.0.0\n"
            "node_modules/c\n"
            "  peer c@\"2\" from b@1.0.0\n"
            "  node_modules/a/node_modules/b\n"
            "    b@\"1\" from a@1.0.0\n"
            "    node_modules/a\n"
            "\n"
            "Could not resolve dependency:\n"
            "peer c@\"2\" from b@1.0.0\n"
            "node_modules/a/node_modules/b\n"
            "  b@\"1\" from a@1.0.0\n"
            "  node_modules/a");
}

TEST(BuildIdealTreeTest, FlagsAndAliases) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("bar", {"1.0.0", "2.0.0"})).ok());
  ASSERT_TRUE(s.AddJson(Doc("d", {"1.0.0"}, R"("dependencies":{"s":"1"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("o", {"1.0.0"}, R"("dependencies":{"s":"1"})")).ok());
  ASSERT_TRUE(s.AddJson(Doc("s", {"1.0.0"})).ok());
  Result<IdealTree> t = BuildIdealTree(
      R"({"dependencies":{"foo":"npm:bar@1"},"devDependencies":{"d":"1"},"optionalDependencies":{"o":"1"}})", s,
      Options());
  ASSERT_TRUE(t.ok()) << t.status().message();
  const Node* foo = At(*t, "node_modules/foo");
  ASSERT_NE(foo, nullptr);
  EXPECT_EQ(foo->package_name(), "bar");
  EXPECT_EQ(foo->version(), "1.0.0");
  EXPECT_FALSE(foo->dev || foo->optional);
  EXPECT_TRUE(At(*t, "node_modules/d")->dev);
  EXPECT_TRUE(At(*t, "node_modules/o")->optional);
  const Node* shared = At(*t, "node_modules/s");
  EXPECT_TRUE(shared->dev_optional);
  EXPECT_FALSE(shared->dev);
  EXPECT_FALSE(shared->optional);
}

// A lockfile can be the starting tree when every package has a version and a holder.
TEST(BuildIdealTreeTest, StartsFromWellFormedLockfilesOnly) {
  auto parse = [](const std::string& packages) {
    Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(
        R"({"name":"r","lockfileVersion":3,"packages":{"":{"name":"r"},)" + packages + "}}", "package-lock.json");
    EXPECT_TRUE(lock.ok()) << lock.status().message();
    return std::move(lock).value();
  };
  EXPECT_TRUE(StartsFromLockfile(parse(R"("node_modules/a":{"version":"1.0.0"},)"
                                       R"("node_modules/a/node_modules/b":{"version":"1.0.0"},)"
                                       R"("node_modules/w":{"resolved":"p/w","link":true},"p/w":{"name":"w"})")));
  EXPECT_FALSE(StartsFromLockfile(parse(R"("node_modules/a/node_modules/b":{"version":"1.0.0"})")));
  EXPECT_FALSE(StartsFromLockfile(parse(R"("node_modules/a":{"resolved":"https://r.test/a.tgz"})")));
}

// Started from a lockfile, only what changed moves: a locked version stays though a
// newer one fits, an added dependency is placed, a removed one pruned.
TEST(BuildIdealTreeTest, StartFromLockfileMovesOnlyWhatChanged) {
  MemoryPackumentSource s;
  ASSERT_TRUE(s.AddJson(Doc("a", {"1.0.0", "1.1.0"})).ok());
  ASSERT_TRUE(s.AddJson(Doc("c", {"1.0.0"})).ok());
  Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(
      R"({"name":"r","lockfileVersion":3,"packages":{"":{"name":"r","dependencies":{"a":"^1.0.0","b":"1"}},)"
      R"("node_modules/a":{"version":"1.0.0"},"node_modules/b":{"version":"1.0.0"}}})",
      "package-lock.json");
  ASSERT_TRUE(lock.ok()) << lock.status().message();
  BuildOptions o = Options();
  o.start = &*lock;
  Result<IdealTree> t = BuildIdealTree(R"({"name":"r","dependencies":{"a":"^1.0.0","c":"1"}})", s, o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_NE(At(*t, "node_modules/a"), nullptr);
  EXPECT_EQ(At(*t, "node_modules/a")->version(), "1.0.0");
  EXPECT_NE(At(*t, "node_modules/c"), nullptr);
  EXPECT_EQ(At(*t, "node_modules/b"), nullptr);
  // `update a` moves it.
  o.update_names = {"a"};
  t = BuildIdealTree(R"({"name":"r","dependencies":{"a":"^1.0.0","c":"1"}})", s, o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(At(*t, "node_modules/a")->version(), "1.1.0");
}

}  // namespace
}  // namespace skua::pm::tree
