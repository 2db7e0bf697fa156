// Tests for store → node_modules materialisation: hard links, copies, cross-device
// fallback, atomic replacement, and a failed install leaving the old folder intact.
#include "pm/link/materializer.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "gtest/gtest.h"
#include "pm/fetch/testing/tar_builder.h"
#include "pm/fsutil/fsutil.h"
#include "pm/store/store.h"

namespace skua::pm::link {
namespace {

std::string MakeTempDir(const char* base) {
  std::string pattern = std::string(base) + "/link-XXXXXX";
  return mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
}

std::string TestTmp() { return getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp"; }

struct stat StatOf(const std::string& path) {
  struct stat st {};
  lstat(path.c_str(), &st);
  return st;
}

int CountEntries(const std::string& dir) {
  int n = 0;
  if (DIR* d = opendir(dir.c_str())) {
    while (struct dirent* e = readdir(d)) n += e->d_name[0] != '.' || e->d_name[1] == 's';
    closedir(d);
  }
  return n;
}

class MaterializerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    umask(022);
    root_ = MakeTempDir(TestTmp().c_str());
    ASSERT_FALSE(root_.empty());
    project_ = root_ + "/project";
    v1_ = Add({{"package.json", R"({"name":"a","version":"1.0.0"})"},
               {"index.js", "v1"},
               {"lib/deep/x.js", "x"},
               {"bin/cli", "#!/bin/sh\n"}},
              {"bin/cli"});
    v2_ = Add({{"package.json", R"({"name":"a","version":"2.0.0"})"}, {"index.js", "v2"}}, {});
  }
  void TearDown() override { EXPECT_TRUE(fsutil::RemoveTree(root_).ok()); }

  store::StoreEntry Add(const std::vector<std::pair<std::string, std::string>>& files,
                        const std::vector<std::string>& executables) {
    if (!store_) store_.emplace(std::move(store::Store::Open(root_ + "/cache")).value());
    std::string tgz = fetch::testing::BuildPackage(files, executables);
    fetch::MemorySource source(tgz);
    Result<store::StoreEntry> entry = store_->Insert(source, fetch::ExtractOptions{});
    CHECK(entry.ok());
    return std::move(entry).value();
  }

  std::string root_;
  std::string project_;
  std::optional<store::Store> store_;
  store::StoreEntry v1_;
  store::StoreEntry v2_;
};

TEST_F(MaterializerTest, HardLinksOnOneFileSystem) {
  Materializer materializer;
  std::string dest = project_ + "/node_modules/a";
  ASSERT_TRUE(materializer.Materialize(v1_.package_dir, v1_.index, dest).ok());
  EXPECT_EQ(*fsutil::ReadFile(dest + "/index.js"), "v1");
  EXPECT_EQ(*fsutil::ReadFile(dest + "/lib/deep/x.js"), "x");
  EXPECT_EQ(StatOf(dest + "/index.js").st_ino, StatOf(v1_.package_dir + "/index.js").st_ino);
  EXPECT_EQ(StatOf(dest + "/bin/cli").st_mode & 0777, 0755u);
  EXPECT_EQ(materializer.files_linked(), 4u);
  EXPECT_FALSE(materializer.cross_device());
  EXPECT_EQ(CountEntries(project_ + "/node_modules"), 1);  // No staging leftovers.
}

TEST_F(MaterializerTest, CopyModeMakesIndependentFiles) {
  Materializer materializer(LinkMode::kCopy);
  std::string dest = project_ + "/node_modules/@scope/a";
  ASSERT_TRUE(materializer.Materialize(v1_.package_dir, v1_.index, dest).ok());
  EXPECT_NE(StatOf(dest + "/index.js").st_ino, StatOf(v1_.package_dir + "/index.js").st_ino);
  EXPECT_EQ(*fsutil::ReadFile(dest + "/index.js"), "v1");
  EXPECT_EQ(StatOf(dest + "/bin/cli").st_mode & 0777, 0755u);
  EXPECT_EQ(StatOf(dest + "/index.js").st_mode & 0777, 0644u);
  EXPECT_EQ(materializer.files_copied(), 4u);
}

TEST_F(MaterializerTest, CrossDeviceFallsBackToCopyAndRemembers) {
  // /dev/shm is a tmpfs on Linux: a different file system from the test's temp folder.
  struct stat shm, tmp;
  if (stat("/dev/shm", &shm) != 0 || stat(root_.c_str(), &tmp) != 0 || shm.st_dev == tmp.st_dev ||
      access("/dev/shm", W_OK) != 0) {
    GTEST_SKIP() << "no second writable file system";
  }
  std::string other = MakeTempDir("/dev/shm");
  Materializer materializer;
  ASSERT_TRUE(materializer.Materialize(v1_.package_dir, v1_.index, other + "/node_modules/a").ok());
  EXPECT_TRUE(materializer.cross_device());
  EXPECT_EQ(materializer.files_linked(), 0u);
  EXPECT_EQ(materializer.files_copied(), 4u);
  EXPECT_EQ(*fsutil::ReadFile(other + "/node_modules/a/index.js"), "v1");
  EXPECT_TRUE(fsutil::RemoveTree(other).ok());
}

TEST_F(MaterializerTest, ReplacesAnExistingFolderAtomically) {
  Materializer materializer;
  std::string dest = project_ + "/node_modules/a";
  bool replaced = true;
  ASSERT_TRUE(materializer.Materialize(v1_.package_dir, v1_.index, dest, LinkMode::kAuto, &replaced).ok());
  EXPECT_FALSE(replaced);
  ASSERT_TRUE(fsutil::WriteFileAtomic(dest + "/stray.txt", "old").ok());
  ASSERT_TRUE(materializer.Materialize(v2_.package_dir, v2_.index, dest, LinkMode::kAuto, &replaced).ok());
  EXPECT_TRUE(replaced);
  EXPECT_EQ(*fsutil::ReadFile(dest + "/index.js"), "v2");
  EXPECT_FALSE(fsutil::Exists(dest + "/stray.txt"));
  EXPECT_FALSE(fsutil::Exists(dest + "/lib"));
  EXPECT_EQ(CountEntries(project_ + "/node_modules"), 1);
}

TEST_F(MaterializerTest, FailureLeavesThePreviousFolderUsable) {
  Materializer materializer;
  std::string dest = project_ + "/node_modules/a";
  ASSERT_TRUE(materializer.Materialize(v1_.package_dir, v1_.index, dest).ok());
  // Damage the store entry of v2: a listed file is gone.
  ASSERT_EQ(unlink((v2_.package_dir + "/index.js").c_str()), 0);
  Status status = materializer.Materialize(v2_.package_dir, v2_.index, dest);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kNotFound) << status.message();
  EXPECT_EQ(*fsutil::ReadFile(dest + "/index.js"), "v1");
  EXPECT_EQ(*fsutil::ReadFile(dest + "/package.json"), R"({"name":"a","version":"1.0.0"})");
  EXPECT_EQ(CountEntries(project_ + "/node_modules"), 1);
}

// Damage is NotFound in both modes and whichever part of the entry is gone, so reify can
// tell it from other failures and fetch the entry again.
TEST_F(MaterializerTest, DamagedStoreEntryIsNotFound) {
  std::string dest = project_ + "/node_modules/a";
  ASSERT_EQ(unlink((v1_.package_dir + "/lib/deep/x.js").c_str()), 0);
  for (LinkMode mode : {LinkMode::kAuto, LinkMode::kCopy}) {
    Materializer materializer(mode);
    EXPECT_EQ(materializer.Materialize(v1_.package_dir, v1_.index, dest).code(), StatusCode::kNotFound);
    EXPECT_FALSE(fsutil::Exists(dest));
  }
  ASSERT_TRUE(fsutil::WriteFileAtomic(v2_.package_dir + "/index.js", "truncated").ok());
  Materializer copier(LinkMode::kCopy);
  EXPECT_EQ(copier.Materialize(v2_.package_dir, v2_.index, dest).code(), StatusCode::kNotFound);
  ASSERT_TRUE(fsutil::RemoveTree(v2_.package_dir).ok());
  Materializer linker;
  EXPECT_EQ(linker.Materialize(v2_.package_dir, v2_.index, dest).code(), StatusCode::kNotFound);
  EXPECT_EQ(CountEntries(project_ + "/node_modules"), 0);
}

// In a node_modules the install created, packages go straight to their folder; one that
// already exists is still replaced through a staging folder.
TEST_F(MaterializerTest, InPlaceWritesStraightIntoANewFolder) {
  Materializer materializer;
  materializer.set_in_place(true);
  std::string dest = project_ + "/node_modules/@scope/a";
  bool replaced = true;
  ASSERT_TRUE(materializer.Materialize(v1_.package_dir, v1_.index, dest, LinkMode::kAuto, &replaced).ok());
  EXPECT_FALSE(replaced);
  EXPECT_EQ(*fsutil::ReadFile(dest + "/lib/deep/x.js"), "x");
  EXPECT_EQ(StatOf(dest + "/index.js").st_ino, StatOf(v1_.package_dir + "/index.js").st_ino);
  EXPECT_EQ(CountEntries(project_ + "/node_modules/@scope"), 1);
  ASSERT_TRUE(materializer.Materialize(v2_.package_dir, v2_.index, dest, LinkMode::kAuto, &replaced).ok());
  EXPECT_TRUE(replaced);
  EXPECT_EQ(*fsutil::ReadFile(dest + "/index.js"), "v2");
  EXPECT_FALSE(fsutil::Exists(dest + "/lib"));
  EXPECT_EQ(CountEntries(project_ + "/node_modules/@scope"), 1);
}

// A failure in place leaves no folder behind (the next install sees the package missing).
TEST_F(MaterializerTest, InPlaceFailureRemovesTheFolder) {
  Materializer materializer;
  materializer.set_in_place(true);
  std::string dest = project_ + "/node_modules/a";
  ASSERT_EQ(unlink((v1_.package_dir + "/lib/deep/x.js").c_str()), 0);
  EXPECT_EQ(materializer.Materialize(v1_.package_dir, v1_.index, dest).code(), StatusCode::kNotFound);
  EXPECT_FALSE(fsutil::Exists(dest));
}

TEST(CopyFileAtTest, CopiesContentAndRefusesToOverwrite) {
  std::string dir = MakeTempDir(TestTmp().c_str());
  std::string big(3 << 20, 'b');
  ASSERT_TRUE(fsutil::WriteFileAtomic(dir + "/src", big).ok());
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_TRUE(CopyFileAt(fd, "src", fd, "dst", 0644).ok());
  EXPECT_EQ(*fsutil::ReadFile(dir + "/dst"), big);
  EXPECT_FALSE(CopyFileAt(fd, "src", fd, "dst", 0644).ok());
  close(fd);
  EXPECT_TRUE(fsutil::RemoveTree(dir).ok());
}

}  // namespace
}  // namespace skua::pm::link
