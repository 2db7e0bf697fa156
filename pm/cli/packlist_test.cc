// npm-packlist's choices: ignore files and their precedence, `files`, npm's always
// included and excluded names, and the listing order.
#include "pm/cli/packlist.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {
namespace {

class PacklistTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/skua-packlist-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { fsutil::RemoveTree(dir_); }
  void Write(const std::string& rel, const std::string& text = "x\n") {
    std::string path = dir_ + "/" + rel;
    ASSERT_TRUE(fsutil::MakeDirs(path.substr(0, path.rfind('/'))).ok());
    ASSERT_TRUE(fsutil::WriteFileAtomic(path, text).ok());
  }
  std::vector<std::string> Files(const std::string& package_json) {
    Write("package.json", package_json);
    Result<std::vector<std::string>> files = PackFiles(dir_, package_json);
    EXPECT_TRUE(files.ok()) << files.status().message();
    return files.ok() ? ContentsOrder(*files) : std::vector<std::string>{};
  }
  std::string dir_;
};

TEST(IgnoreRuleTest, MinimatchWithMatchBase) {
  EXPECT_TRUE(IgnoreRule("*.log").Match("a/b/debug.log"));
  EXPECT_TRUE(IgnoreRule("/build/config.gypi").Match("/build/config.gypi"));
  EXPECT_FALSE(IgnoreRule("/build/config.gypi").Match("build/config.gypi"));
  EXPECT_TRUE(IgnoreRule("test/").Match("test/"));
  EXPECT_FALSE(IgnoreRule("test/").Match("test"));
  EXPECT_TRUE(IgnoreRule("!/readme{,.*[^~$]}").Match("/README.md"));
  EXPECT_FALSE(IgnoreRule("!/readme{,.*[^~$]}").Match("/readme.md~"));
  EXPECT_TRUE(IgnoreRule("!/readme{,.*[^~$]}").negate());
  EXPECT_TRUE(IgnoreRule("**/.git/**").Match("a/.git/HEAD"));
  EXPECT_TRUE(IgnoreRule("lib/**").Match("lib/a/b.js"));
  EXPECT_TRUE(IgnoreRule("lib/a.js").Match("lib", true));
  EXPECT_FALSE(IgnoreRule("lib/a.js").Match("lib"));
  EXPECT_TRUE(IgnoreRule("!lib//**").Match("lib/a/b.js"));
  EXPECT_TRUE(IgnoreRule("a/**/*.js").Match("a/b/c", true));  // A globstar may go deeper.
}

TEST(PacklistOrderTest, ContentsOrderIsNumericAndUpperFirst) {
  EXPECT_EQ(ContentsOrder({"b.js", "10.js", "9.js", "A.md", "_x", "a.js"}),
            (std::vector<std::string>{"_x", "9.js", "10.js", "A.md", "a.js", "b.js"}));
}

TEST_F(PacklistTest, NpmignoreWinsOverGitignoreAndDefaultsApply) {
  Write(".npmignore", "test/\n*.log\nlib/sub/skip.js\n");
  Write(".gitignore", "docs/\n");
  for (const char* f : {"README.md", "LICENSE", "main.js", "lib/a.js", "lib/sub/skip.js", "lib/sub/keep.js",
                        "docs/d.md", "test/t.js", "debug.log", "foo.orig", ".git/HEAD", "package-lock.json",
                        "yarn.lock", "node_modules/x/index.js", "build/config.gypi", "build/out.js", ".DS_Store",
                        ".npmrc", ".env", "Zed.js", "_under.js", "lib/x.tmp"}) {
    Write(f);
  }
  Write("lib/.npmignore", "*.tmp\n");
  EXPECT_EQ(Files(R"({"name":"p","version":"1.0.0","main":"main.js"})"),
            (std::vector<std::string>{"_under.js", ".env", "LICENSE", "README.md", "Zed.js", "build/out.js",
                                      "docs/d.md", "lib/a.js", "lib/sub/keep.js", "main.js", "package.json"}));
}

TEST_F(PacklistTest, FilesFieldSelectsAndRequiredFilesStay) {
  for (const char* f : {"README", "LICENCE.txt", "index.js", "lib/a.js", "lib/b.js", "lib/deep/c.js", "src/x.ts",
                        "bin/cli.js", "other.js", "dist/one.js"}) {
    Write(f);
  }
  Write(".npmignore", "lib/b.js\n");  // `files` makes .npmignore irrelevant at the root.
  Write("lib/.npmignore", "deep/\n");  // ...but not below it.
  EXPECT_EQ(Files(R"({"name":"p","version":"1.0.0","files":["lib","./dist/*","other.js"],"bin":{"c":"./bin/cli.js"}})"),
            (std::vector<std::string>{"LICENCE.txt", "README", "bin/cli.js", "dist/one.js", "lib/a.js", "lib/b.js",
                                      "other.js", "package.json"}));
}

}  // namespace
}  // namespace skua::pm::cli
