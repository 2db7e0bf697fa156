// Package-name rules, table-driven (validate-npm-package-name's messages); the npm
// differential rows are in dep_spec_test.
#include "pm/spec/package_name.h"

#include "gtest/gtest.h"

namespace skua::pm::spec {
namespace {

struct NameCase {
  const char* name;
  bool valid_old;
  bool valid_new;
};

TEST(PackageNameTest, Validity) {
  const NameCase cases[] = {
      {"express", true, true},      {"@types/node", true, true},   {"a.b-c_d", true, true},
      {"Express", true, false},     {"http", true, false},         {"a~b", true, false},
      {"", false, false},           {".hidden", false, false},     {"_private", false, false},
      {"-dash", false, false},      {"a b", false, false},         {"a/b", false, false},
      {"@s/.x", false, false},      {"@s/a/b", false, false},      {"node_modules", false, false},
      {"..", false, false},         {"@/x", false, false},         {"a\\b", false, false},
      {"a%2fb", false, false},      {"caf\xC3\xA9", false, false},  {"FAVICON.ICO", false, false},
      {"Node_Modules", false, false}, {"@s/", false, false},       {"@s", false, false},
      {" a", false, false},         {"a\t", false, false},         {"@s/a", true, true},
      {"@S/a", true, false},        {"@s/_a", true, true},         {"@s/-a", true, true},
      {"@.s/a", true, true},
  };
  for (const NameCase& c : cases) {
    NameValidation v = ValidatePackageName(c.name);
    EXPECT_EQ(v.valid_for_old_packages(), c.valid_old) << c.name;
    EXPECT_EQ(v.valid_for_new_packages(), c.valid_new) << c.name;
    EXPECT_EQ(IsValidDependencyName(c.name), c.valid_old) << c.name;
  }
}

TEST(PackageNameTest, Messages) {
  EXPECT_EQ(ValidatePackageName(".x").errors,
            (std::vector<std::string>{"name cannot start with a period"}));
  EXPECT_EQ(ValidatePackageName("Fs").warnings,
            (std::vector<std::string>{"Fs is a core module name",
                                      "name can no longer contain capital letters"}));
  EXPECT_EQ(ValidatePackageName(std::string(215, 'a')).warnings,
            (std::vector<std::string>{"name can no longer contain more than 214 characters"}));
}

TEST(PackageNameTest, ScopeAndEscaping) {
  EXPECT_EQ(ScopeOf("@s/p"), "@s");
  EXPECT_EQ(ScopeOf("p"), "");
  EXPECT_EQ(EscapedName("@s/p"), "@s%2fp");
  EXPECT_EQ(EscapedName("p"), "p");
  EXPECT_TRUE(IsUriComponentSafe("a-b_c.d!e~f*g'h(i)"));
  EXPECT_FALSE(IsUriComponentSafe("a/b"));
}

}  // namespace
}  // namespace skua::pm::spec
