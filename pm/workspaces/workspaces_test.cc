// Workspace globs, discovery on disk, duplicates and the -w filter, as npm 11 behaves.
#include "pm/workspaces/workspaces.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::workspaces {
namespace {

TEST(WorkspacesTest, GlobMatchesLikeMinimatch) {
  EXPECT_TRUE(GlobMatch("packages/*", "packages/a"));
  EXPECT_FALSE(GlobMatch("packages/*", "packages/a/b"));
  EXPECT_FALSE(GlobMatch("packages/*", "packages/.hidden"));
  EXPECT_TRUE(GlobMatch("packages/**", "packages/a/b"));
  EXPECT_TRUE(GlobMatch("**/x", "x"));
  EXPECT_TRUE(GlobMatch("libs/{a,b}", "libs/b"));
  EXPECT_FALSE(GlobMatch("libs/{a,b}", "libs/c"));
  EXPECT_TRUE(GlobMatch("p/[ab]?", "p/b1"));
  EXPECT_FALSE(GlobMatch("p/[!ab]*", "p/a1"));
  EXPECT_TRUE(GlobMatch("other/q", "other/q"));
}

TEST(WorkspacesTest, PatternsFromArrayOrObject) {
  EXPECT_EQ(*WorkspacePatterns(R"({"workspaces":["a/*","b"]})"), (std::vector<std::string>{"a/*", "b"}));
  EXPECT_EQ(*WorkspacePatterns(R"({"workspaces":{"packages":["c"]}})"), (std::vector<std::string>{"c"}));
  EXPECT_TRUE(WorkspacePatterns(R"({"name":"x"})")->empty());
  EXPECT_FALSE(WorkspacePatterns(R"({"workspaces":"a"})").ok());
  EXPECT_EQ(WorkspacePatterns(R"({"workspaces":{"nope":1}})").status().message(),
            "code EWORKSPACESCONFIG\nworkspaces config expects an Array");
  EXPECT_FALSE(WorkspacePatterns("{").ok());
}

TEST(WorkspacesTest, MatchAppliesNegationsAndNamesFromFolders) {
  std::map<std::string, std::string> folders = {
      {"p/a", R"({"name":"x"})"}, {"p/b", R"({})"}, {"p/c", R"({"name":"c"})"}, {"p/a/node_modules/z", "{}"}};
  Result<std::vector<Workspace>> ws = MatchWorkspaces({"p/*", "!p/c", "./nothing/*"}, folders, "/proj");
  ASSERT_TRUE(ws.ok()) << ws.status().message();
  ASSERT_EQ(ws->size(), 2u);
  EXPECT_EQ((*ws)[0].name, "x");
  EXPECT_EQ((*ws)[0].path, "p/a");
  EXPECT_EQ((*ws)[1].name, "b");  // No name: the folder's.
}

TEST(WorkspacesTest, DuplicateNamesAreAnError) {
  Result<std::vector<Workspace>> ws =
      MatchWorkspaces({"p/*"}, {{"p/a", R"({"name":"x"})"}, {"p/b", R"({"name":"x"})"}}, "/proj");
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.status().message(),
            "code EDUPLICATEWORKSPACE\nmust not have multiple workspaces with the same name\n"
            "package 'x' has conflicts in the following paths:\n    /proj/p/a\n    /proj/p/b");
}

TEST(WorkspacesTest, NamesMustBePackageNames) {
  Result<std::vector<Workspace>> ws = MatchWorkspaces({"p/*"}, {{"p/a", R"({"name":"../../x"})"}}, "/proj");
  ASSERT_FALSE(ws.ok());
  EXPECT_NE(ws.status().message().find("EINVALIDPACKAGENAME"), std::string::npos) << ws.status().message();
}

TEST(WorkspacesTest, FindsFoldersOnDisk) {
  char tmpl[] = "/tmp/skua-ws-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  for (const char* f : {"packages/a", "packages/b/deep", "packages/nopkg", "packages/a/node_modules/n", "other/q"}) {
    ASSERT_TRUE(fsutil::MakeDirs(dir + "/" + f).ok());
  }
  for (const char* f : {"packages/a", "packages/b/deep", "packages/a/node_modules/n", "other/q"}) {
    std::string name = std::string(f).substr(std::string(f).rfind('/') + 1);
    ASSERT_TRUE(fsutil::WriteFileAtomic(dir + "/" + f + "/package.json", "{\"name\":\"" + name + "\"}").ok());
  }
  Result<std::vector<Workspace>> ws =
      FindWorkspaces(dir, R"({"workspaces":["packages/*","packages/**/deep","other/q","missing/*"]})");
  ASSERT_TRUE(ws.ok()) << ws.status().message();
  std::vector<std::string> paths;
  for (const Workspace& w : *ws) paths.push_back(w.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"other/q", "packages/a", "packages/b/deep"}));

  Result<std::vector<Workspace>> by_name = FilterWorkspaces(*ws, {"deep"}, dir, dir);
  ASSERT_TRUE(by_name.ok());
  EXPECT_EQ((*by_name)[0].path, "packages/b/deep");
  Result<std::vector<Workspace>> by_parent = FilterWorkspaces(*ws, {"./packages"}, dir, dir);
  ASSERT_TRUE(by_parent.ok());
  EXPECT_EQ(by_parent->size(), 2u);
  Result<std::vector<Workspace>> by_relative = FilterWorkspaces(*ws, {"../q"}, dir, dir + "/other/x");
  ASSERT_TRUE(by_relative.ok());
  EXPECT_EQ((*by_relative)[0].name, "q");
  Result<std::vector<Workspace>> none = FilterWorkspaces(*ws, {"foo", "bar"}, dir, dir);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(), "No workspaces found:\n  --workspace=foo\n  --workspace=bar");
  EXPECT_EQ(FilterWorkspaces({}, {}, dir, dir).status().message(), "No workspaces found!");
  ASSERT_TRUE(fsutil::WriteFileAtomic(dir + "/package.json", R"({"workspaces":["packages/*","other/q"]})").ok());
  EXPECT_EQ(FindWorkspaceRoot(dir + "/packages/a"), dir);
  EXPECT_EQ(FindWorkspaceRoot(dir + "/other/q"), dir);
  EXPECT_EQ(FindWorkspaceRoot(dir + "/packages/b/deep"), "");  // Not matched by these globs.
  EXPECT_EQ(FindWorkspaceRoot(dir), "");
  fsutil::RemoveTree(dir);
}

}  // namespace
}  // namespace skua::pm::workspaces
