// Tests for bin reading (normalisation and validation) and linking into .bin.
#include "pm/link/bin_links.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

#include "gtest/gtest.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::link {
void PrintTo(const BinEntry& bin, std::ostream* os) { *os << bin.name << " -> " << bin.target; }

namespace {

std::vector<BinEntry> Read(std::string_view json, std::vector<std::string> files = {}) {
  Result<std::vector<BinEntry>> bins = ReadBins(json, files);
  EXPECT_TRUE(bins.ok()) << bins.status().message();
  return bins.ok() ? *bins : std::vector<BinEntry>{};
}

TEST(ReadBinsTest, StringFormUsesUnscopedName) {
  EXPECT_EQ(Read(R"({"name":"tool","bin":"./cli.js"})"),
            (std::vector<BinEntry>{{"tool", "cli.js"}}));
  EXPECT_EQ(Read(R"({"name":"@scope/tool","bin":"bin/run"})"),
            (std::vector<BinEntry>{{"tool", "bin/run"}}));
  EXPECT_TRUE(Read(R"({"bin":"cli.js"})").empty());  // No name: nothing to call it.
}

TEST(ReadBinsTest, MapFormNormalisesAndValidates) {
  std::vector<BinEntry> bins = Read(R"({"name":"x","bin":{
      "good": "bin/good.js",
      "dir/sub": "a.js",
      "win\\name": "b.js",
      "c:colon": "c.js",
      "escape": "../../../etc/passwd",
      "@scope/../evil": "d.js",
      "@evil": "e.js",
      "..": "f.js",
      ".": "g.js",
      "": "h.js",
      "empty-target": "",
      "not-a-string": 7,
      "good": "bin/duplicate.js"
  }})");
  // "@scope/../evil" reduces to the basename "evil", which is safe; "@evil" is dropped.
  EXPECT_EQ(bins, (std::vector<BinEntry>{{"colon", "c.js"},
                                         {"escape", "etc/passwd"},
                                         {"evil", "d.js"},
                                         {"good", "bin/good.js"},
                                         {"name", "b.js"},
                                         {"sub", "a.js"}}));
}

TEST(ReadBinsTest, ArrayForm) {
  EXPECT_EQ(Read(R"({"name":"x","bin":["bin/a.js","./b"]})"),
            (std::vector<BinEntry>{{"a.js", "bin/a.js"}, {"b", "b"}}));
}

TEST(ReadBinsTest, DirectoriesBin) {
  std::vector<std::string> files = {"bin/a", "bin/sub/b", "bin/.hidden", "bin/.dir/c",
                                    "lib/not-a-bin", "binary/no"};
  EXPECT_EQ(Read(R"({"name":"x","directories":{"bin":"./bin"}})", files),
            (std::vector<BinEntry>{{"a", "bin/a"}, {"b", "bin/sub/b"}}));
  // `bin` wins over `directories.bin`.
  EXPECT_EQ(Read(R"({"name":"x","bin":{"y":"y.js"},"directories":{"bin":"bin"}})", files),
            (std::vector<BinEntry>{{"y", "y.js"}}));
}

TEST(ReadBinsTest, MalformedJson) {
  EXPECT_FALSE(ReadBins("{", {}).ok());
  EXPECT_FALSE(ReadBins("[]", {}).ok());
  EXPECT_TRUE(Read(R"({"name":"x","bin":null})").empty());
}

class BinLinkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    umask(022);
    std::string pattern = std::string(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp") +
                          "/bins-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    nm_ = pattern + "/node_modules";
    ASSERT_TRUE(fsutil::MakeDirs(nm_ + "/a/bin").ok());
    ASSERT_TRUE(fsutil::MakeDirs(nm_ + "/@s/b").ok());
    ASSERT_TRUE(fsutil::WriteFileAtomic(nm_ + "/a/bin/cli.js", "#!/usr/bin/env node\r\n").ok());
    ASSERT_TRUE(fsutil::WriteFileAtomic(nm_ + "/@s/b/run.js", "#!/usr/bin/env node\n").ok());
    root_ = pattern;
  }
  void TearDown() override { EXPECT_TRUE(fsutil::RemoveTree(root_).ok()); }

  std::string ReadLink(const std::string& path) {
    char buffer[PATH_MAX];
    ssize_t n = readlink(path.c_str(), buffer, sizeof(buffer));
    return n < 0 ? std::string() : std::string(buffer, static_cast<size_t>(n));
  }

  std::string root_;
  std::string nm_;
};

TEST_F(BinLinkerTest, LinksRelativeAndMakesExecutable) {
  BinLinker linker;
  Result<BinLinker::Outcome> outcome =
      linker.Link(nm_ + "/.bin", nm_ + "/a", {{"cli", "bin/cli.js"}, {"gone", "missing.js"}});
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
  EXPECT_EQ(outcome->linked, std::vector<std::string>{"cli"});
  EXPECT_EQ(outcome->skipped_missing, std::vector<std::string>{"gone"});
  EXPECT_EQ(ReadLink(nm_ + "/.bin/cli"), "../a/bin/cli.js");
  struct stat st;
  ASSERT_EQ(stat((nm_ + "/.bin/cli").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  // The shebang (CRLF included) is left exactly as published.
  EXPECT_EQ(*fsutil::ReadFile(nm_ + "/a/bin/cli.js"), "#!/usr/bin/env node\r\n");

  ASSERT_TRUE(linker.Link(nm_ + "/.bin", nm_ + "/@s/b", {{"run", "run.js"}}).ok());
  EXPECT_EQ(ReadLink(nm_ + "/.bin/run"), "../@s/b/run.js");
}

TEST_F(BinLinkerTest, FirstLinkOfANameWinsWithinARun) {
  BinLinker linker;
  ASSERT_TRUE(linker.Link(nm_ + "/.bin", nm_ + "/a", {{"tool", "bin/cli.js"}}).ok());
  Result<BinLinker::Outcome> second = linker.Link(nm_ + "/.bin", nm_ + "/@s/b", {{"tool", "run.js"}});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->skipped_conflict, std::vector<std::string>{"tool"});
  EXPECT_EQ(ReadLink(nm_ + "/.bin/tool"), "../a/bin/cli.js");
}

TEST_F(BinLinkerTest, ReplacesLinksFromAnEarlierInstall) {
  ASSERT_TRUE(fsutil::MakeDirs(nm_ + "/.bin").ok());
  ASSERT_EQ(symlink("../old/x.js", (nm_ + "/.bin/tool").c_str()), 0);
  BinLinker linker;
  ASSERT_TRUE(linker.Link(nm_ + "/.bin", nm_ + "/@s/b", {{"tool", "run.js"}}).ok());
  EXPECT_EQ(ReadLink(nm_ + "/.bin/tool"), "../@s/b/run.js");
}

TEST_F(BinLinkerTest, PackageOutsideNodeModulesIsRefused) {
  BinLinker linker;
  EXPECT_FALSE(linker.Link(nm_ + "/.bin", root_ + "/elsewhere", {{"x", "x"}}).ok());
}

}  // namespace
}  // namespace skua::pm::link
