// Dependency-spec classification checked row by row against npm's own npm-package-arg
// (testdata/npa_cases.json, from tools/pm/gen_spec_cases.js), plus skua's extensions.
#include "pm/spec/dep_spec.h"

#include <simdjson.h>

#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "pm/spec/package_name.h"

namespace skua::pm::spec {
namespace {

std::string Str(simdjson::dom::element e) {
  std::string_view s;
  return e.get_string().get(s) == simdjson::SUCCESS ? std::string(s) : std::string("<null>");
}

bool Has(simdjson::dom::element row, const char* key) {
  simdjson::dom::element e;
  return row[key].get(e) == simdjson::SUCCESS;
}

// Compares one classification with npm's; `what` names the input in failures.
void ExpectLikeNpm(const Result<DepSpec>& got, simdjson::dom::element want, const std::string& what) {
  if (Has(want, "error")) {
    ASSERT_FALSE(got.ok()) << what << " classified as " << SpecTypeName(got->type);
    EXPECT_EQ(got.status().message(), Str(want["error"])) << what;
    return;
  }
  ASSERT_TRUE(got.ok()) << what << ": " << got.status().message();
  std::string type = Str(want["type"]);
  EXPECT_EQ(SpecTypeName(got->type), type) << what;
  EXPECT_EQ(got->name.empty() ? "<null>" : got->name, Str(want["name"])) << what;
  if (type == "git") {
    std::string committish = got->git_committish;
    EXPECT_EQ(committish.empty() ? "<null>" : committish, Str(want["gitCommittish"])) << what;
    EXPECT_EQ(got->git_range.empty() ? "<null>" : got->git_range, Str(want["gitRange"])) << what;
    EXPECT_EQ(got->git_subdir.empty() ? "<null>" : got->git_subdir, Str(want["gitSubdir"])) << what;
    EXPECT_EQ(got->git_host.empty() ? "<null>" : got->git_host, Str(want["hosted"])) << what;
    if (got->git_host.empty()) {
      EXPECT_EQ(got->fetch_spec, Str(want["fetchSpec"])) << what;
    }
  } else if (type == "alias") {
    ASSERT_NE(got->alias, nullptr);
    ExpectLikeNpm(*got->alias, want["subSpec"], what + " (alias target)");
  } else {
    EXPECT_EQ(got->fetch_spec, Str(want["fetchSpec"])) << what;
  }
}

class NpaCases : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in("pm/spec/testdata/npa_cases.json", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text_ = simdjson::padded_string(buffer.str());
    ASSERT_EQ(parser_.parse(text_).get(root_), simdjson::SUCCESS);
    where_ = Str(root_["where"]);
  }
  simdjson::padded_string text_;
  simdjson::dom::parser parser_;
  simdjson::dom::element root_;
  std::string where_;
};

TEST_F(NpaCases, ResolveMatchesNpm) {
  int rows = 0;
  for (simdjson::dom::element row : root_["specs"].get_array()) {
    std::string name = Str(row["name"]), spec = Str(row["spec"]);
    if (spec.rfind("link:", 0) == 0 || spec.rfind("workspace:", 0) == 0) continue;  // Ours.
    ExpectLikeNpm(ResolveSpec(name, spec, where_), row, "resolve(" + name + ", " + spec + ")");
    ++rows;
  }
  EXPECT_GT(rows, 90);
}

TEST_F(NpaCases, ArgumentsMatchNpm) {
  for (simdjson::dom::element row : root_["args"].get_array()) {
    std::string arg = Str(row["arg"]);
    ExpectLikeNpm(ParseSpecArg(arg, where_), row, "npa(" + arg + ")");
  }
}

TEST_F(NpaCases, NamesMatchValidateNpmPackageName) {
  for (simdjson::dom::element row : root_["names"].get_array()) {
    std::string name = Str(row["name"]);
    NameValidation v = ValidatePackageName(name);
    std::vector<std::string> errors, warnings;
    for (simdjson::dom::element e : row["errors"].get_array()) errors.push_back(Str(e));
    for (simdjson::dom::element e : row["warnings"].get_array()) warnings.push_back(Str(e));
    EXPECT_EQ(v.errors, errors) << "\"" << name << "\"";
    EXPECT_EQ(v.warnings, warnings) << "\"" << name << "\"";
  }
}

TEST(DepSpecTest, SkuaExtensions) {
  Result<DepSpec> link = ResolveSpec("a", "link:../x", "/project/app");
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->type, SpecType::kLink);
  EXPECT_EQ(link->fetch_spec, "/project/x");
  Result<DepSpec> ws = ResolveSpec("a", "workspace:^");
  ASSERT_TRUE(ws.ok());
  EXPECT_EQ(ws->type, SpecType::kWorkspace);
  EXPECT_EQ(ws->fetch_spec, "^");
}

TEST(DepSpecTest, GitFragmentParts) {
  Result<DepSpec> git = ResolveSpec("a", "github:u/r#v1");
  ASSERT_TRUE(git.ok());
  EXPECT_EQ(git->type, SpecType::kGit);
  EXPECT_EQ(git->git_host, "github");
  EXPECT_EQ(git->git_committish, "v1");
  Result<DepSpec> parts = ResolveSpec("a", "git+file:///r#semver:^1.2::path:pkgs/a");
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(parts->fetch_spec, "file:///r");
  EXPECT_EQ(parts->git_range, "^1.2");
  EXPECT_EQ(parts->git_subdir, "/pkgs/a");
}

// One repository however it is written: the name an allowScripts key and a lockfile's
// `resolved` are compared by.
TEST(DepSpecTest, GitRepoOfEveryForm) {
  const std::pair<const char*, const char*> rows[] = {
      {"u/r", "u/r"},
      {"github:u/r#v1", "u/r"},
      {"git+ssh://git@github.com/u/r.git#0123abc", "u/r"},
      {"git@github.com:u/r.git", "u/r"},
      {"https://github.com/u/r/tree/main", "u/r"},
      {"git+https://github.com/u/r.git", "u/r"},
      {"gitlab:group/sub/proj", "group/sub/proj"},
      {"git+ssh://git@gitlab.com/group/sub/proj.git#abc", "group/sub/proj"},
      {"bitbucket:team/repo", "team/repo"},
      {"gist:11081aaa281", "11081aaa281"},
      {"git+https://gist.github.com/someone/11081aaa281.git", "11081aaa281"},
  };
  for (const auto& [spec, repo] : rows) {
    Result<DepSpec> git = ResolveSpec("a", spec);
    ASSERT_TRUE(git.ok()) << spec;
    EXPECT_EQ(git->type, SpecType::kGit) << spec;
    EXPECT_EQ(git->git_repo, repo) << spec;
  }
  Result<DepSpec> plain = ResolveSpec("a", "git+ssh://git@example.test/u/r.git#abc");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->git_host, "");
  EXPECT_EQ(plain->git_repo, "");
}

TEST(DepSpecTest, RegistryFields) {
  Result<DepSpec> r = ResolveSpec("@s/p", " ^1.2 ");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->registry());
  EXPECT_EQ(r->fetch_spec, "^1.2");
  Result<DepSpec> alias = ResolveSpec("a", "npm:@s/b@2");
  ASSERT_TRUE(alias.ok());
  EXPECT_TRUE(alias->registry());
  EXPECT_EQ(alias->alias->name, "@s/b");
  EXPECT_EQ(alias->alias->type, SpecType::kRange);
}

TEST(DepSpecTest, RelativePathsWithoutWhereStayRelative) {
  EXPECT_EQ(ResolveSpec("a", "file:../x/./y")->fetch_spec, "../x/y");
  EXPECT_EQ(ResolveSpec("a", "file:~/x")->fetch_spec, "~/x");
}

// The fast path's text class agrees with ResolveSpec: what it accepts and parses is a
// registry version or range of the package itself.
TEST(PlainSemverTextTest, AcceptsOnlyPlainVersionsAndRanges) {
  EXPECT_EQ(PlainSemverText(" ^1.2.0 "), "^1.2.0");
  EXPECT_EQ(PlainSemverText("~2 || 3.x"), "~2 || 3.x");
  EXPECT_EQ(PlainSemverText(">=1 <2"), ">=1 <2");
  EXPECT_EQ(PlainSemverText("1.0.0 - 2.0.0"), "1.0.0 - 2.0.0");
  for (const char* other : {"", "  ", "latest", "npm:x@1", "file:../x", "./x", ".1", "1.0.0-beta",
                            "github:u/r", "https://h/x.tgz", "1.0.0\t"}) {
    EXPECT_FALSE(PlainSemverText(other).has_value()) << other;
  }
  for (const char* spec : {"^1.2.0", "~2 || 3.x", "1.2.3", "*", "1.x"}) {
    Result<DepSpec> resolved = ResolveSpec("a", spec);
    ASSERT_TRUE(resolved.ok()) << spec;
    EXPECT_TRUE(resolved->type == SpecType::kRange || resolved->type == SpecType::kVersion) << spec;
    EXPECT_EQ(resolved->fetch_spec, *PlainSemverText(spec));
  }
}

}  // namespace
}  // namespace skua::pm::spec
