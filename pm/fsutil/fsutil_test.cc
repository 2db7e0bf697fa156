// Tests for pm/fsutil: recursive removal, directory creation, atomic writes.
#include "pm/fsutil/fsutil.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace skua::pm::fsutil {
namespace {

std::string TempDir() {
  std::string pattern = std::string(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp") +
                        "/fsutil-XXXXXX";
  CHECK(mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

TEST(FsutilTest, MakeDirsCreatesParentsAndAcceptsExisting) {
  std::string root = TempDir();
  ASSERT_TRUE(MakeDirs(root + "/a/b/c").ok());
  EXPECT_TRUE(Exists(root + "/a/b/c"));
  EXPECT_TRUE(MakeDirs(root + "/a/b").ok());
  ASSERT_TRUE(WriteFileAtomic(root + "/file", "x").ok());
  EXPECT_FALSE(MakeDirs(root + "/file").ok());
  EXPECT_TRUE(RemoveTree(root).ok());
}

TEST(FsutilTest, RemoveTreeDoesNotFollowSymlinks) {
  std::string root = TempDir();
  std::string outside = TempDir();
  ASSERT_TRUE(WriteFileAtomic(outside + "/keep", "precious").ok());
  ASSERT_TRUE(MakeDirs(root + "/d/e").ok());
  ASSERT_TRUE(WriteFileAtomic(root + "/d/e/f", "1").ok());
  ASSERT_EQ(symlink(outside.c_str(), (root + "/d/link").c_str()), 0);
  ASSERT_TRUE(RemoveTree(root).ok());
  EXPECT_FALSE(Exists(root));
  EXPECT_TRUE(Exists(outside + "/keep"));
  EXPECT_TRUE(RemoveTree(root).ok());  // Missing is fine.
  EXPECT_TRUE(RemoveTree(outside).ok());
}

TEST(FsutilTest, WriteFileAtomicReplacesContent) {
  std::string root = TempDir();
  ASSERT_TRUE(WriteFileAtomic(root + "/f", "one").ok());
  ASSERT_TRUE(WriteFileAtomic(root + "/f", "two").ok());
  Result<std::string> data = ReadFile(root + "/f");
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "two");
  EXPECT_EQ(ReadFile(root + "/missing").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(RemoveTree(root).ok());
}

TEST(FsutilTest, UniqueNamesDiffer) {
  EXPECT_NE(UniqueName(".s-"), UniqueName(".s-"));
  EXPECT_EQ(JoinPath("a/", "/b"), "a/b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
}

}  // namespace
}  // namespace skua::pm::fsutil
