// Tests for pruning stale packages and leftovers from node_modules.
#include "pm/link/prune.h"

#include <unistd.h>

#include <cstdlib>

#include "gtest/gtest.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::link {
namespace {

TEST(PruneTest, RemovesStalePackagesLeftoversAndDanglingBins) {
  std::string pattern = std::string(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp") +
                        "/prune-XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  std::string nm = pattern + "/node_modules";
  for (const char* dir : {"keep", "stale", "@s/keep", "@s/stale", "@gone/x",
                          ".skua-staging-keep-1-2-3", "@s/.skua-retired-keep-1-2-3", ".cache",
                          ".bin"}) {
    ASSERT_TRUE(fsutil::MakeDirs(nm + "/" + dir).ok());
  }
  ASSERT_TRUE(fsutil::WriteFileAtomic(nm + "/keep/cli.js", "").ok());
  ASSERT_TRUE(fsutil::WriteFileAtomic(nm + "/stale/cli.js", "").ok());
  ASSERT_TRUE(fsutil::WriteFileAtomic(nm + "/.package-lock.json", "{}").ok());
  ASSERT_EQ(symlink("../keep/cli.js", (nm + "/.bin/keep").c_str()), 0);
  ASSERT_EQ(symlink("../stale/cli.js", (nm + "/.bin/stale").c_str()), 0);
  ASSERT_EQ(symlink("../keep/cli.js", (nm + "/.bin/.skua-bin-1-2-3").c_str()), 0);

  Result<std::vector<std::string>> removed = PruneNodeModules(nm, {"keep", "@s/keep"});
  ASSERT_TRUE(removed.ok()) << removed.status().message();
  EXPECT_EQ(*removed, (std::vector<std::string>{"@gone/x", "@s/stale", "stale"}));
  EXPECT_TRUE(fsutil::Exists(nm + "/keep/cli.js"));
  EXPECT_TRUE(fsutil::Exists(nm + "/@s/keep"));
  EXPECT_TRUE(fsutil::Exists(nm + "/.cache"));
  EXPECT_TRUE(fsutil::Exists(nm + "/.package-lock.json"));
  EXPECT_TRUE(fsutil::Exists(nm + "/.bin/keep"));
  for (const char* gone : {"stale", "@s/stale", "@gone", ".skua-staging-keep-1-2-3",
                           "@s/.skua-retired-keep-1-2-3", ".bin/stale", ".bin/.skua-bin-1-2-3"}) {
    EXPECT_FALSE(fsutil::Exists(nm + "/" + gone)) << gone;
  }
  EXPECT_TRUE(fsutil::RemoveTree(pattern).ok());
}

TEST(PruneTest, MissingNodeModulesIsEmpty) {
  Result<std::vector<std::string>> removed = PruneNodeModules("/nonexistent/skua/nm", {});
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(removed->empty());
}

}  // namespace
}  // namespace skua::pm::link
