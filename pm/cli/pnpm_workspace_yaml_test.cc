#include "pm/cli/pnpm_workspace_yaml.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "pm/cli/script_policy.h"

namespace skua::pm::cli {
namespace {

using lockfile::JsonValue;

std::vector<std::string> List(const JsonValue& settings, const char* key) {
  std::vector<std::string> out;
  const JsonValue* list = settings.Get(key);
  if (list == nullptr || !list->is_array()) return out;
  for (const JsonValue& item : list->items()) out.push_back(item.str());
  return out;
}

// What pnpm 10 writes (`pnpm approve-builds`), and the other forms YAML allows for it.
TEST(PnpmWorkspaceYamlTest, ReadsTheBuildSettings) {
  JsonValue s = PnpmWorkspaceBuildSettings(
      "packages:\n"
      "  - 'packages/*'\n"
      "\n"
      "onlyBuiltDependencies:\n"
      "  - esbuild   # the bundler\n"
      "  - '@swc/core'\n"
      "  - \"sharp\"\n"
      "- prisma\n"  // A sequence may sit at its key's indentation.
      "ignoredBuiltDependencies: [core-js, 'es5-ext']\n"
      "neverBuiltDependencies: []\n"
      "allowBuilds:\n"
      "  esbuild: true\n"
      "  '@scope/x': false\n"
      "  odd: maybe\n"
      "dangerouslyAllowAllBuilds: false\n"
      "catalog:\n"
      "  react: ^18.2.0\n");
  EXPECT_EQ(List(s, "onlyBuiltDependencies"), (std::vector<std::string>{"esbuild", "@swc/core", "sharp", "prisma"}));
  EXPECT_EQ(List(s, "ignoredBuiltDependencies"), (std::vector<std::string>{"core-js", "es5-ext"}));
  EXPECT_TRUE(List(s, "neverBuiltDependencies").empty());
  const JsonValue* builds = s.Get("allowBuilds");
  ASSERT_NE(builds, nullptr);
  EXPECT_TRUE(builds->GetBool("esbuild"));
  ASSERT_NE(builds->Get("@scope/x"), nullptr);
  EXPECT_FALSE(builds->GetBool("@scope/x"));
  EXPECT_EQ(builds->Get("odd"), nullptr);  // Not a boolean.
  EXPECT_FALSE(s.GetBool("dangerouslyAllowAllBuilds"));
  EXPECT_EQ(s.Get("catalog"), nullptr);
  EXPECT_EQ(s.Get("packages"), nullptr);
  EXPECT_TRUE(PnpmWorkspaceBuildSettings("dangerouslyAllowAllBuilds: true # all of them\n").GetBool("dangerouslyAllowAllBuilds"));
}

// The settings reach the policy as package.json's pnpm key does.
TEST(PnpmWorkspaceYamlTest, PolicyAllowsAndDeniesFromIt) {
  JsonValue s = PnpmWorkspaceBuildSettings(
      "onlyBuiltDependencies:\n  - esbuild\nallowBuilds:\n  core-js: false\n");
  ScriptPolicy policy = ScriptPolicy::Read("{}", "/p", {}, nullptr, &s);
  EXPECT_EQ(policy.Check({"esbuild", "0.21.0", "", true, false, false}), ScriptVerdict::kAllowed);
  EXPECT_EQ(policy.Check({"core-js", "3.0.0", "", true, false, false}), ScriptVerdict::kDenied);
  EXPECT_EQ(policy.Check({"sharp", "0.33.0", "", true, false, false}), ScriptVerdict::kUnreviewed);
}

// Whatever the bytes, an answer and no crash (the file is the project's own, but it is
// read on every install).
TEST(PnpmWorkspaceYamlTest, HostileInputIsReadWithoutFailing) {
  for (const char* text : {"", "\n\n", ":", "'", "\"", "onlyBuiltDependencies:", "onlyBuiltDependencies: [",
                           "onlyBuiltDependencies: ['a, b]", "allowBuilds:\n  : true\n  '': true\n",
                           "allowBuilds:\n  'unterminated: true\n", "- - -\n", "onlyBuiltDependencies:\n  -\n  - ''\n",
                           "\t\tonlyBuiltDependencies:\n\t- x\n"}) {
    JsonValue s = PnpmWorkspaceBuildSettings(text);
    EXPECT_TRUE(s.is_object()) << text;
  }
  EXPECT_TRUE(List(PnpmWorkspaceBuildSettings("onlyBuiltDependencies:\n  -\n  - ''\n"), "onlyBuiltDependencies").empty());
  std::mt19937 random(7);
  const std::string alphabet = "ab-:#'\"[], \t\n@/onlyBuiltDependencies";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = random() % 200; i > 0; --i) text += alphabet[random() % alphabet.size()];
    EXPECT_TRUE(PnpmWorkspaceBuildSettings(text).is_object());
  }
}

}  // namespace
}  // namespace skua::pm::cli
