// LinkablePackages: what an install may start linking before the lockfile is parsed.
#include "pm/lockfile/linkable.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace skua::pm::lockfile {
namespace {

std::vector<std::string> Rows(std::string_view text) {
  std::vector<std::string> rows;
  for (const LinkablePackage& p : LinkablePackages(text)) {
    rows.push_back(p.location + " " + p.name + "@" + p.version + " " + p.integrity);
  }
  return rows;
}

constexpr char kLockfile[] = R"({
  "name": "app",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {"name": "app", "dependencies": {"a": "^1.0.0"}},
    "node_modules/a": {"version": "1.0.0", "resolved": "https://r/a/-/a-1.0.0.tgz", "integrity": "sha512-A"},
    "node_modules/@s/b": {"version": "2.0.0", "integrity": "sha512-B", "dev": true},
    "node_modules/alias": {"name": "real", "version": "3.0.0", "integrity": "sha512-C"},
    "node_modules/a/node_modules/c": {"version": "4.0.0", "integrity": "sha512-D", "optional": true},
    "node_modules/ws": {"resolved": "packages/ws", "link": true},
    "packages/ws": {"version": "0.0.1"},
    "packages/ws/node_modules/e": {"version": "1.0.0", "integrity": "sha512-E"},
    "node_modules/bundler": {"version": "1.0.0", "integrity": "sha512-F", "bundleDependencies": ["g"]},
    "node_modules/bundler/node_modules/g": {"version": "1.0.0", "inBundle": true},
    "node_modules/native": {"version": "1.0.0", "integrity": "sha512-H", "hasInstallScript": true},
    "node_modules/@esbuild/darwin-arm64": {"version": "0.20.0", "integrity": "sha512-I", "optional": true, "os": ["darwin"], "cpu": ["arm64"]},
    "node_modules/git-dep": {"version": "1.0.0", "resolved": "git+ssh://git@github.com/x/y.git#abc"},
    "node_modules/odd": "not an object"
  }
})";

TEST(LinkableTest, RegistryPackagesUnderNodeModules) {
  EXPECT_EQ(Rows(kLockfile), (std::vector<std::string>{
                                 "node_modules/a a@1.0.0 sha512-A",
                                 "node_modules/@s/b @s/b@2.0.0 sha512-B",
                                 "node_modules/alias real@3.0.0 sha512-C",
                                 "node_modules/a/node_modules/c c@4.0.0 sha512-D",
                                 "node_modules/bundler bundler@1.0.0 sha512-F",
                             }));
}

TEST(LinkableTest, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(Rows(std::string("\xEF\xBB\xBF") + kLockfile).size(), 5u);
}

TEST(LinkableTest, NothingFromOtherTexts) {
  EXPECT_TRUE(Rows("").empty());
  EXPECT_TRUE(Rows("{\"packages\": ").empty());
  EXPECT_TRUE(Rows("[1, 2]").empty());
  EXPECT_TRUE(Rows(R"({"packages": []})").empty());
  // lockfileVersion 1 has "dependencies", no "packages".
  EXPECT_TRUE(Rows(R"({"lockfileVersion": 1, "dependencies": {"a": {"version": "1.0.0", "integrity": "sha512-A"}}})").empty());
  // Fields of the wrong type leave the entry out.
  EXPECT_TRUE(Rows(R"({"packages": {"node_modules/a": {"version": 1, "integrity": "sha512-A"}}})").empty());
  EXPECT_TRUE(Rows(R"({"packages": {"node_modules/a": {"version": "1.0.0", "integrity": ["sha512-A"]}}})").empty());
}

}  // namespace
}  // namespace skua::pm::lockfile
