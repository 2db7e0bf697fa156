#include "pm/cli/pinned_source.h"

#include <gtest/gtest.h>

#include "pm/registry/pick_manifest.h"

namespace skua::pm::cli {
namespace {

const char* kPackument =
    R"({"name":"b","dist-tags":{"latest":"2.0.0"},"versions":{)"
    R"("1.0.0":{"name":"b","version":"1.0.0"},"1.0.1":{"name":"b","version":"1.0.1"},)"
    R"("2.0.0":{"name":"b","version":"2.0.0"}}})";

lockfile::Lockfile Lock() {
  Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(
      R"({"name":"p","lockfileVersion":3,"packages":{"":{"name":"p"},)"
      R"("node_modules/b":{"version":"1.0.0"},"node_modules/a/node_modules/b":{"version":"0.9.0"},)"
      R"("node_modules/c":{"version":"3.0.0"},"node_modules/l":{"resolved":"../l","link":true}}})",
      "package-lock.json");
  EXPECT_TRUE(lock.ok()) << lock.status().message();
  return std::move(lock).value();
}

TEST(PinnedSourceTest, LockedVersionsTakesTheHighestPerNameAndSkipsUnpinned) {
  auto pins = LockedVersions(Lock(), {"c"});
  EXPECT_EQ(pins.size(), 1u);
  EXPECT_EQ(pins["b"], "1.0.0");
}

TEST(PinnedSourceTest, LockedVersionWinsWhereTheRangeAcceptsIt) {
  tree::MemoryPackumentSource inner;
  ASSERT_TRUE(inner.AddJson(kPackument).ok());
  PinnedPackumentSource pinned(inner, {{"b", "1.0.0"}});
  Result<const registry::Packument*> doc = pinned.Get("b");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*registry::PickManifest(**doc, "^1.0.0"))->version, "1.0.0");
  EXPECT_EQ((*registry::PickManifest(**doc, "^2.0.0"))->version, "2.0.0");
  EXPECT_EQ((*registry::PickManifest(**doc, "~1.0.1"))->version, "1.0.1");
  // The inner source is untouched.
  EXPECT_EQ(*(*inner.Get("b"))->DistTag("latest"), "2.0.0");
}

TEST(PinnedSourceTest, UnknownPinnedVersionLeavesThePackumentAlone) {
  tree::MemoryPackumentSource inner;
  ASSERT_TRUE(inner.AddJson(kPackument).ok());
  PinnedPackumentSource pinned(inner, {{"b", "7.0.0"}});
  EXPECT_EQ(*(*pinned.Get("b"))->DistTag("latest"), "2.0.0");
}

}  // namespace
}  // namespace skua::pm::cli
