#include "pm/cli/script_policy.h"

#include <gtest/gtest.h>

namespace skua::pm::cli {
namespace {

ScriptSubject Registry(std::string name, std::string version) {
  return ScriptSubject{std::move(name), std::move(version), "", true, false};
}

ScriptPolicy Read(std::string_view package_json, std::vector<std::string>* warnings = nullptr,
                  const std::vector<std::string>& npmrc = {}) {
  return ScriptPolicy::Read(package_json, "/p", npmrc, warnings);
}

TEST(ScriptPolicyTest, NothingRunsUnlessAllowed) {
  ScriptPolicy policy = Read(R"({"name": "p"})");
  EXPECT_EQ(policy.Check(Registry("esbuild", "0.20.0")), ScriptVerdict::kUnreviewed);
  policy.AllowAll();
  EXPECT_EQ(policy.Check(Registry("esbuild", "0.20.0")), ScriptVerdict::kAllowed);
}

TEST(ScriptPolicyTest, NpmAllowScriptsNamesAndExactVersions) {
  std::vector<std::string> warnings;
  ScriptPolicy policy = Read(R"({"allowScripts": {
      "esbuild": true, "sharp@0.33.1 || 0.33.2": true, "@s/p@*": true, "canvas": false,
      "bad@^1.0.0": true, "tagged@latest": true, "alias@npm:x@1": true, "odd": "yes"}})",
                             &warnings);
  EXPECT_EQ(policy.Check(Registry("esbuild", "0.20.0")), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("sharp", "0.33.2")), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("sharp", "0.33.3")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(policy.Check(Registry("sharp", "")), ScriptVerdict::kUnreviewed);  // Unverifiable.
  EXPECT_EQ(policy.Check(Registry("@s/p", "3.0.0")), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("canvas", "2.0.0")), ScriptVerdict::kDenied);
  // Ranges and tags would allow versions nobody reviewed: dropped, with a warning each.
  EXPECT_EQ(policy.Check(Registry("bad", "1.0.0")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(policy.Check(Registry("tagged", "1.0.0")), ScriptVerdict::kUnreviewed);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].find("\"bad@^1.0.0\""), std::string::npos) << warnings[0];
  // A registry key does not cover a tarball or folder that calls itself by that name.
  ScriptSubject local{"esbuild", "0.20.0", "/p/vendor/esbuild", false, false};
  EXPECT_EQ(policy.Check(local), ScriptVerdict::kUnreviewed);
  // Bundled packages name themselves: never allowed by a list.
  ScriptSubject bundled = Registry("esbuild", "0.20.0");
  bundled.in_bundle = true;
  EXPECT_EQ(policy.Check(bundled), ScriptVerdict::kUnreviewed);
}

TEST(ScriptPolicyTest, LinksRunUnlessDenied) {
  ScriptSubject workspace{"ws", "1.0.0", "/p/packages/ws", false, false, true};
  EXPECT_EQ(Read(R"({})").Check(workspace), ScriptVerdict::kAllowed);
  EXPECT_EQ(Read(R"({"allowScripts": {"file:packages/ws": false}})").Check(workspace), ScriptVerdict::kDenied);
}

TEST(ScriptPolicyTest, NpmSourceKeys) {
  ScriptPolicy policy = Read(R"({"allowScripts": {"file:vendor/native": true, "https://x.test/t.tgz": true}})");
  EXPECT_EQ(policy.Check(ScriptSubject{"native", "1.0.0", "/p/vendor/native", false, false}), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(ScriptSubject{"t", "1.0.0", "https://x.test/t.tgz", false, false}), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(ScriptSubject{"t", "1.0.0", "https://x.test/u.tgz", false, false}), ScriptVerdict::kUnreviewed);
}

// npm's git keys: the repository however it is written, and a commit starting with the
// key's committish when it has one.
TEST(ScriptPolicyTest, NpmGitKeys) {
  auto git = [](std::string resolved) { return ScriptSubject{"x", "1.0.0", std::move(resolved), false, false}; };
  const std::string commit = "0123456789abcdef0123456789abcdef01234567";
  ScriptPolicy by_repo = Read(R"({"allowScripts": {"github:u/r": true, "gitlab:g/sub/p#0123": true,
                                                   "git+ssh://git@example.test/u/r.git": false}})");
  EXPECT_EQ(by_repo.Check(git("git+ssh://git@github.com/u/r.git#" + commit)), ScriptVerdict::kAllowed);
  EXPECT_EQ(by_repo.Check(git("git+https://github.com/u/r.git#" + commit)), ScriptVerdict::kAllowed);
  EXPECT_EQ(by_repo.Check(git("git+ssh://git@github.com/u/other.git#" + commit)), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(by_repo.Check(git("git+ssh://git@gitlab.com/g/sub/p.git#" + commit)), ScriptVerdict::kAllowed);
  EXPECT_EQ(by_repo.Check(git("git+ssh://git@gitlab.com/g/sub/p.git#abcdef")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(by_repo.Check(git("git+ssh://git@gitlab.com/g/sub/p.git")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(by_repo.Check(git("git+ssh://git@example.test/u/r.git#" + commit)), ScriptVerdict::kDenied);
  // A registry package or a tarball that calls itself after the repository is not it.
  EXPECT_EQ(by_repo.Check(Registry("r", "1.0.0")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(by_repo.Check(git("https://x.test/r.tgz")), ScriptVerdict::kUnreviewed);
  // The key's commit is the short one: a longer key never matches a shorter commit.
  ScriptPolicy pinned = Read(R"({"allowScripts": {"u/r#0123456789abcdef0123456789abcdef0123456789": true}})");
  EXPECT_EQ(pinned.Check(git("git+ssh://git@github.com/u/r.git#" + commit)), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(GitRepository("git+ssh://git@github.com/u/r.git#abc"), "github:u/r");
  EXPECT_EQ(GitRepository("esbuild@1.0.0"), "");
}

// One key as an allow, as `install-scripts prune` matches keys against installed packages.
TEST(ScriptPolicyTest, ForNpmKey) {
  ScriptPolicy pinned = ScriptPolicy::ForNpmKey("sharp@0.33.1", "/p");
  EXPECT_EQ(pinned.Check(Registry("sharp", "0.33.1")), ScriptVerdict::kAllowed);
  EXPECT_EQ(pinned.Check(Registry("sharp", "0.33.2")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(pinned.Check(Registry("sharp", "")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(ScriptPolicy::ForNpmKey("sharp@^0.33.0", "/p").Check(Registry("sharp", "0.33.1")),
            ScriptVerdict::kUnreviewed);
  ScriptSubject folder{"native", "1.0.0", "/p/vendor/native", false, false};
  EXPECT_EQ(ScriptPolicy::ForNpmKey("file:vendor/native", "/p").Check(folder), ScriptVerdict::kAllowed);
  EXPECT_EQ(ScriptPolicy::ForNpmKey("file:vendor/other", "/p").Check(folder), ScriptVerdict::kUnreviewed);
}

TEST(ScriptPolicyTest, NpmrcListOnlyWithoutPackageJsonPolicy) {
  ScriptPolicy from_rc = Read(R"({})", nullptr, {"esbuild", "sharp@0.33.1"});
  EXPECT_EQ(from_rc.Check(Registry("esbuild", "1.0.0")), ScriptVerdict::kAllowed);
  EXPECT_EQ(from_rc.Check(Registry("sharp", "0.33.1")), ScriptVerdict::kAllowed);
  ScriptPolicy both = Read(R"({"allowScripts": {"sharp": true}})", nullptr, {"esbuild"});
  EXPECT_EQ(both.Check(Registry("esbuild", "1.0.0")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(both.Check(Registry("sharp", "1.0.0")), ScriptVerdict::kAllowed);
}

TEST(ScriptPolicyTest, OtherClientsLists) {
  ScriptPolicy policy = Read(R"({
    "trustedDependencies": ["esbuild", 7],
    "pnpm": {"onlyBuiltDependencies": ["sharp@0.33.1"], "ignoredBuiltDependencies": ["core-js"],
             "allowBuilds": {"better-sqlite3": true, "husky": false}},
    "dependenciesMeta": {"canvas": {"built": true}, "fsevents": {"built": false}, "x": {"optional": true}}})");
  EXPECT_EQ(policy.Check(Registry("esbuild", "1.0.0")), ScriptVerdict::kAllowed);
  // Name lists are the other clients' own rules: any source with that name.
  EXPECT_EQ(policy.Check(ScriptSubject{"esbuild", "1.0.0", "/p/e", false, false}), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("sharp", "0.33.1")), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("sharp", "0.33.5")), ScriptVerdict::kUnreviewed);
  EXPECT_EQ(policy.Check(Registry("core-js", "3.0.0")), ScriptVerdict::kDenied);
  EXPECT_EQ(policy.Check(Registry("better-sqlite3", "9.0.0")), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("husky", "9.0.0")), ScriptVerdict::kDenied);
  EXPECT_EQ(policy.Check(Registry("canvas", "2.0.0")), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check(Registry("fsevents", "2.0.0")), ScriptVerdict::kDenied);
  EXPECT_EQ(policy.Check(Registry("x", "1.0.0")), ScriptVerdict::kUnreviewed);
}

TEST(ScriptPolicyTest, DenyWinsAndTrustAdds) {
  ScriptPolicy policy = Read(R"({"allowScripts": {"esbuild": false}, "trustedDependencies": ["esbuild"]})");
  policy.Allow("esbuild");
  policy.Allow("sharp");
  EXPECT_EQ(policy.Check(Registry("esbuild", "1.0.0")), ScriptVerdict::kDenied);
  EXPECT_EQ(policy.Check(Registry("sharp", "1.0.0")), ScriptVerdict::kAllowed);
  ScriptPolicy all = Read(R"({"pnpm": {"dangerouslyAllowAllBuilds": true}})");
  EXPECT_EQ(all.Check(Registry("anything", "1.0.0")), ScriptVerdict::kAllowed);
}

TEST(ScriptPolicyTest, RegistryTarballUrls) {
  EXPECT_TRUE(IsRegistryTarball("https://registry.test/esbuild/-/esbuild-0.20.0.tgz"));
  EXPECT_TRUE(IsRegistryTarball("http://127.0.0.1:4873/@s/p/-/p-1.0.0.tgz"));
  EXPECT_TRUE(IsRegistryTarball("https://host/npm/api/a/-/a-1.0.0.tgz"));
  EXPECT_FALSE(IsRegistryTarball("https://evil.test/-/trusted-1.0.0.tgz"));  // No package path.
  EXPECT_FALSE(IsRegistryTarball("https://host/a/-/a.tgz"));
  EXPECT_FALSE(IsRegistryTarball("file:vendor/a-1.0.0.tgz"));
  EXPECT_FALSE(IsRegistryTarball("git+ssh://git@github.com/u/r.git#abc"));
  EXPECT_FALSE(IsRegistryTarball(""));
}

}  // namespace
}  // namespace skua::pm::cli
