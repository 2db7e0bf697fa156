#include "pm/cli/resolution_memo.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {
namespace {

using fsutil::JoinPath;

class ResolutionMemoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/skua-memo-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    doc_ = JoinPath(dir_, "doc-a");
    ASSERT_TRUE(fsutil::WriteFileAtomic(doc_, "{\"name\":\"a\"}").ok());
  }
  void TearDown() override { (void)fsutil::RemoveTree(dir_); }

  // The document's mtime, `seconds_ago` before now (the client's fetch time).
  void SetAge(const std::string& path, int64_t seconds_ago) {
    timespec t[2] = {{time(nullptr) - seconds_ago, 0}, {time(nullptr) - seconds_ago, 0}};
    ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), t, 0), 0);
  }

  std::string dir_, doc_;
};

TEST_F(ResolutionMemoTest, RoundTripsWhileDocumentsAreUnchangedAndFresh) {
  SetAge(doc_, 10);
  std::string lockfile = "{\n  \"name\": \"p\"\n}\nlockfile 3\n";  // Text that looks like a header.
  std::vector<std::string> warnings = {"peer conflict\nsecond line", "back\\slash"};
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k1", {{doc_, 300}}, warnings, lockfile).ok());
  std::optional<ResolutionMemo> memo = ReadResolutionMemo(dir_, "k1", false, time(nullptr));
  ASSERT_TRUE(memo.has_value());
  EXPECT_EQ(memo->lockfile, lockfile);
  EXPECT_EQ(memo->warnings, warnings);
  EXPECT_EQ(memo->documents, 1u);
  EXPECT_FALSE(ReadResolutionMemo(dir_, "other-key", false, time(nullptr)).has_value());
}

TEST_F(ResolutionMemoTest, StaleDocumentIsAMissUnlessFreshnessIsIgnored) {
  SetAge(doc_, 10);
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k", {{doc_, 300}}, {}, "{}\n").ok());
  EXPECT_FALSE(ReadResolutionMemo(dir_, "k", false, time(nullptr) + 300).has_value());
  EXPECT_TRUE(ReadResolutionMemo(dir_, "k", true, time(nullptr) + 300).has_value());
  // max-age 0 (no-cache): never fresh.
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k0", {{doc_, 0}}, {}, "{}\n").ok());
  EXPECT_FALSE(ReadResolutionMemo(dir_, "k0", false, time(nullptr)).has_value());
}

TEST_F(ResolutionMemoTest, ChangedDocumentIsAMiss) {
  SetAge(doc_, 10);
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k", {{doc_, 300}}, {}, "{}\n").ok());
  // Revalidated (a 304 touches the file): its mtime moves.
  SetAge(doc_, 5);
  EXPECT_FALSE(ReadResolutionMemo(dir_, "k", true, time(nullptr)).has_value());
  // Replaced with the same mtime: a new inode.
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k", {{doc_, 300}}, {}, "{}\n").ok());
  struct stat before;
  ASSERT_EQ(stat(doc_.c_str(), &before), 0);
  ASSERT_TRUE(fsutil::WriteFileAtomic(doc_, "{\"name\":\"b\"}").ok());
  timespec t[2] = {before.st_mtim, before.st_mtim};
  ASSERT_EQ(utimensat(AT_FDCWD, doc_.c_str(), t, 0), 0);
  EXPECT_FALSE(ReadResolutionMemo(dir_, "k", true, time(nullptr)).has_value());
  // Gone.
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k", {{doc_, 300}}, {}, "{}\n").ok());
  ASSERT_EQ(unlink(doc_.c_str()), 0);
  EXPECT_FALSE(ReadResolutionMemo(dir_, "k", true, time(nullptr)).has_value());
}

TEST_F(ResolutionMemoTest, MissingDocumentMakesNoMemo) {
  ASSERT_TRUE(WriteResolutionMemo(dir_, "k", {{JoinPath(dir_, "absent"), 300}}, {}, "{}\n").ok());
  EXPECT_FALSE(fsutil::Exists(JoinPath(dir_, "resolutions/k")));
}

TEST_F(ResolutionMemoTest, DamagedFilesAreMisses) {
  SetAge(doc_, 10);
  std::string memo_path = JoinPath(dir_, "resolutions/k");
  for (const std::string& text : std::vector<std::string>{
           "",
           "skua-resolution 1\n",
           "skua-resolution 2\nlockfile 3\n{}\n",
           "skua-resolution 1\nlockfile 9\n{}\n",               // Truncated lockfile.
           "skua-resolution 1\nlockfile x\n{}\n",
           "skua-resolution 1\ndoc 1 2 3\nlockfile 3\n{}\n",    // Too few numbers.
           "skua-resolution 1\nsomething\nlockfile 3\n{}\n",
       }) {
    ASSERT_TRUE(fsutil::MakeDirs(JoinPath(dir_, "resolutions")).ok());
    ASSERT_TRUE(fsutil::WriteFileAtomic(memo_path, text).ok());
    EXPECT_FALSE(ReadResolutionMemo(dir_, "k", true, time(nullptr)).has_value()) << text;
  }
  ASSERT_TRUE(fsutil::WriteFileAtomic(memo_path, "skua-resolution 1\nlockfile 3\n{}\n").ok());
  EXPECT_TRUE(ReadResolutionMemo(dir_, "k", true, time(nullptr)).has_value());
}

TEST_F(ResolutionMemoTest, KeepsTheNewestMemos) {
  SetAge(doc_, 10);
  for (size_t i = 0; i < kMaxResolutionMemos + 3; ++i) {
    std::string key = "k" + std::to_string(i);
    ASSERT_TRUE(WriteResolutionMemo(dir_, key, {{doc_, 300}}, {}, "{}\n").ok());
    // Distinct mtimes, oldest first.
    SetAge(JoinPath(dir_, "resolutions/" + key), 1000 - static_cast<int64_t>(i));
  }
  // The next write prunes to the newest kMaxResolutionMemos.
  ASSERT_TRUE(WriteResolutionMemo(dir_, "last", {{doc_, 300}}, {}, "{}\n").ok());
  EXPECT_FALSE(fsutil::Exists(JoinPath(dir_, "resolutions/k0")));
  EXPECT_FALSE(fsutil::Exists(JoinPath(dir_, "resolutions/k3")));
  EXPECT_TRUE(fsutil::Exists(JoinPath(dir_, "resolutions/k4")));
  EXPECT_TRUE(fsutil::Exists(JoinPath(dir_, "resolutions/last")));
}

}  // namespace
}  // namespace skua::pm::cli
