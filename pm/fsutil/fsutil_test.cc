// Tests for pm/fsutil: recursive removal, directory creation, atomic writes.
#include "pm/fsutil/fsutil.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

TEST(FsutilTest, RealPathResolvesWhatExists) {
  std::string root = RealPath(TempDir());
  ASSERT_TRUE(MakeDirs(root + "/real/sub").ok());
  ASSERT_EQ(symlink((root + "/real").c_str(), (root + "/link").c_str()), 0);
  EXPECT_EQ(RealPath(root + "/link/./sub/.."), root + "/real");
  EXPECT_EQ(RealPath(root + "/missing/../x"), root + "/missing/../x");  // As given.
  EXPECT_TRUE(RemoveTree(root).ok());
}

TEST(FsutilTest, ExecutablePathIsThisTest) {
  std::string exe = ExecutablePath();
  ASSERT_FALSE(exe.empty());
  EXPECT_NE(exe.find("fsutil_test"), std::string::npos) << exe;
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

TEST(FsutilTest, ReadFileReadsWholeFilesOfEverySize) {
  std::string root = TempDir();
  std::string big(200000, 'x');
  big[123456] = 'y';
  for (const std::string& content : {std::string(), std::string("a"), big}) {
    ASSERT_TRUE(WriteFileAtomic(root + "/f", content).ok());
    Result<std::string> data = ReadFile(root + "/f");
    ASSERT_TRUE(data.ok());
    EXPECT_EQ(*data, content);
  }
  EXPECT_TRUE(RemoveTree(root).ok());
}

// The folder's inode flags, or -1 where the file system has none (tmpfs).
int FolderFlags(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  int flags = -1;
  if (fd >= 0 && ioctl(fd, FS_IOC_GETFLAGS, &flags) != 0) flags = -1;
  if (fd >= 0) close(fd);
  return flags;
}

TEST(FsutilTest, SpreadNewFoldersMarksTheFolderWhereTheFileSystemCan) {
  std::string root = TempDir();
  ASSERT_TRUE(MakeDirs(root + "/spread").ok());
  int before = FolderFlags(root + "/spread");
  SpreadNewFolders(root + "/spread");
  SpreadNewFolders(root + "/spread");  // Again: no change, no harm.
  SpreadNewFolders(root + "/missing");  // Best effort: nothing to report.
  if (before < 0) GTEST_SKIP() << "no inode flags on this file system";
  int after = FolderFlags(root + "/spread");
  EXPECT_EQ(after & FS_TOPDIR_FL, FS_TOPDIR_FL);
  EXPECT_EQ(after & ~FS_TOPDIR_FL, before & ~FS_TOPDIR_FL);  // The other flags stay.
  ASSERT_TRUE(RemoveTree(root).ok());
}

TEST(FsutilTest, UniqueNamesDiffer) {
  EXPECT_NE(UniqueName(".s-"), UniqueName(".s-"));
  EXPECT_EQ(JoinPath("a/", "/b"), "a/b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
}

// Store temporary folders are named after the pid that owns them (garbage collection
// asks whether it still runs), so a forked child must not reuse its parent's.
TEST(FsutilTest, UniqueNameCarriesTheCurrentPidAfterFork) {
  std::string parent = UniqueName("");
  EXPECT_EQ(parent.rfind(std::to_string(getpid()) + "-", 0), 0u) << parent;
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string name = UniqueName("") + "\n";
    ssize_t wrote = write(fds[1], name.data(), name.size());
    _exit(wrote == static_cast<ssize_t>(name.size()) ? 0 : 1);
  }
  close(fds[1]);
  char buffer[128] = {};
  ssize_t n = read(fds[0], buffer, sizeof(buffer) - 1);
  close(fds[0]);
  int wait_status = 0;
  ASSERT_EQ(waitpid(child, &wait_status, 0), child);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buffer).rfind(std::to_string(child) + "-", 0), 0u) << buffer;
}

}  // namespace
}  // namespace skua::pm::fsutil
