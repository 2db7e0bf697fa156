// CheckInSync / ValidateInventory: npm ci's agreement rules and message lines.
#include "pm/lockfile/ci_check.h"

#include <gtest/gtest.h>

namespace skua::pm::lockfile {
namespace {

Lockfile Lock() {
  Result<Lockfile> lock = ParseLockfile(R"({"name":"r","lockfileVersion":3,"requires":true,"packages":{
    "":{"name":"r","dependencies":{"a":"^1.0.0","foo":"npm:bar@1"}},
    "node_modules/a":{"version":"1.2.0","dependencies":{"c":"^2.0.0"}},
    "node_modules/c":{"version":"1.0.0"},
    "node_modules/a/node_modules/c":{"version":"2.1.0"},
    "node_modules/foo":{"name":"bar","version":"1.0.0"}}})", "package-lock.json");
  EXPECT_TRUE(lock.ok());
  return lock.ok() ? *lock : Lockfile();
}

TEST(CiCheckTest, InSync) {
  EXPECT_TRUE(CheckInSync(R"({"dependencies":{"a":"^1.0.0","foo":"npm:bar@^1.0.0"}})", Lock(), false).empty());
  EXPECT_TRUE(CiOutOfSyncError({}).ok());
}

TEST(CiCheckTest, MissingAndInvalid) {
  std::vector<std::string> problems = CheckInSync(
      R"({"dependencies":{"a":"^2.0.0","x":"1"},"devDependencies":{"foo":"npm:baz@1"},"optionalDependencies":{"o":"1"}})",
      Lock(), false);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], "Invalid: lock file's a@1.2.0 does not satisfy a@^2.0.0");
  EXPECT_EQ(problems[1], "Missing: x@1 from lock file");
  EXPECT_EQ(problems[2], "Invalid: lock file's bar@1.0.0 does not satisfy foo@npm:baz@1");
  Status error = CiOutOfSyncError(problems);
  EXPECT_EQ(error.message().substr(0, 60), "`skua ci` can only install packages when your package.json a");
  EXPECT_NE(error.message().find("\n\nInvalid: lock file's a@1.2.0"), std::string::npos);
}

TEST(CiCheckTest, TransitiveResolutionWalksUp) {
  Lockfile lock = Lock();
  lock.packages[1].meta.GetMutable("dependencies")->Set("c", JsonValue::String("^3.0.0"));
  std::vector<std::string> problems = CheckInSync(R"({"dependencies":{"a":"1"}})", lock, false);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0], "Invalid: lock file's c@2.1.0 does not satisfy c@^3.0.0");
}

// The shape npm 11 wrote for request 2 with `"overrides": {"tough-cookie": "^4.1.3"}`
// and a scoped rule for a's semver.
TEST(CiCheckTest, OverridesGiveEdgesTheirSpecs) {
  Result<Lockfile> lock = ParseLockfile(R"({"name":"r","lockfileVersion":3,"requires":true,"packages":{
    "":{"name":"r","dependencies":{"request":"^2.88.2","a":"^1.0.0"}},
    "node_modules/request":{"version":"2.88.2","dependencies":{"tough-cookie":"~2.5.0"}},
    "node_modules/tough-cookie":{"version":"4.1.4"},
    "node_modules/a":{"version":"1.0.0","dependencies":{"semver":"^5.6.0"}},
    "node_modules/semver":{"version":"7.8.6"}}})", "package-lock.json");
  ASSERT_TRUE(lock.ok()) << lock.status().message();
  std::string deps = R"("dependencies":{"request":"^2.88.2","a":"^1.0.0"})";
  EXPECT_TRUE(CheckInSync("{" + deps + R"(,"overrides":{"tough-cookie":"^4.1.3","a":{"semver":"^7"}}})", *lock, false)
                  .empty());
  // Without them, or with a scope that does not reach a's semver, the lockfile disagrees.
  EXPECT_EQ(CheckInSync("{" + deps + R"(,"overrides":{"tough-cookie":"^4.1.3","b":{"semver":"^7"}}})", *lock, false),
            (std::vector<std::string>{"Invalid: lock file's semver@7.8.6 does not satisfy semver@^5.6.0"}));
  EXPECT_EQ(CheckInSync("{" + deps + "}", *lock, false).size(), 2u);
}

TEST(CiCheckTest, PeersUnlessLegacy) {
  EXPECT_EQ(CheckInSync(R"({"peerDependencies":{"p":"1"}})", Lock(), false).size(), 1u);
  EXPECT_TRUE(CheckInSync(R"({"peerDependencies":{"p":"1"}})", Lock(), true).empty());
}

TEST(CiCheckTest, ValidateInventoryIsNpmsComparison) {
  std::vector<std::string> errors = ValidateInventory(
      Lock(), {{"node_modules/a", "a", "1.2.0"}, {"node_modules/c", "c", "1.1.0"}, {"node_modules/n", "n", "3.0.0"}});
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "Invalid: lock file's c@1.0.0 does not satisfy c@1.1.0");
  EXPECT_EQ(errors[1], "Missing: n@3.0.0 from lock file");
}

TEST(CiCheckTest, WorkspacesAgainstTheLockfile) {
  Result<Lockfile> lock = ParseLockfile(R"({"name":"r","lockfileVersion":3,"requires":true,"packages":{
    "":{"name":"r","workspaces":["p/*"]},
    "node_modules/a":{"resolved":"p/a","link":true},
    "node_modules/b":{"version":"1.0.0"},
    "p/a":{"version":"1.0.0","dependencies":{"b":"1"},"devDependencies":{"c":"2"}},
    "p/a/node_modules/c":{"version":"2.1.0"}}})", "package-lock.json");
  ASSERT_TRUE(lock.ok());
  const std::string root = R"({"name":"r","workspaces":["p/*"]})";
  WorkspaceDecl a{"a", "p/a", R"({"name":"a","version":"1.0.0","dependencies":{"b":"1"},"devDependencies":{"c":"2"}})"};
  EXPECT_TRUE(CheckWorkspacesInSync(root, *lock, {a}).empty());
  EXPECT_EQ(CheckWorkspacesInSync(R"({"workspaces":["q/*"]})", *lock, {a}).size(), 1u);
  WorkspaceDecl changed = a;
  changed.package_json = R"({"name":"a","version":"1.0.0","dependencies":{"b":"2"},"devDependencies":{"c":"2"}})";
  EXPECT_EQ(CheckWorkspacesInSync(root, *lock, {changed}),
            std::vector<std::string>{"Invalid: lock file's a@1.0.0 (p/a) does not match its package.json"});
  EXPECT_EQ(CheckWorkspacesInSync(root, *lock, {a, WorkspaceDecl{"n", "p/n", "{}"}}),
            std::vector<std::string>{"Missing: n@p/n from lock file"});
  EXPECT_EQ(CheckWorkspacesInSync(root, *lock, {}),
            std::vector<std::string>{"Extraneous: lock file's link node_modules/a -> p/a is not a workspace"});
}

}  // namespace
}  // namespace skua::pm::lockfile
