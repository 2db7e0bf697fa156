// Version parsing, printing and ordering, table-driven. The differential test covers the
// long tail against node-semver; these name the rules.
#include "pm/semver/version.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace skua::pm::semver {
namespace {

struct ValidCase {
  const char* in;
  const char* strict;  // nullptr: invalid.
  const char* loose;
};

TEST(VersionTest, ParsesAndPrintsCanonicalForm) {
  const ValidCase cases[] = {
      {"1.2.3", "1.2.3", "1.2.3"},
      {"v1.2.3", "1.2.3", "1.2.3"},
      {"  1.2.3\t", "1.2.3", "1.2.3"},
      {"=1.2.3", nullptr, "1.2.3"},
      {"v=  1.2.3", nullptr, "1.2.3"},
      {"1.2.3-alpha.1+build.5", "1.2.3-alpha.1", "1.2.3-alpha.1"},
      {"1.2.3beta", nullptr, "1.2.3-beta"},
      {"01.2.3", nullptr, "1.2.3"},
      {"1.2.3-01", nullptr, "1.2.3-1"},
      {"1.2.3-0", "1.2.3-0", "1.2.3-0"},
      {"1.2.3-0a", "1.2.3-0a", "1.2.3-0a"},
      {"1.2.3-", nullptr, "1.2.3--"},      // Loose: the lone hyphen is the identifier.
      {"1.2.34.5", nullptr, "1.2.3-4.5"},  // Loose: the patch gives digits back.
      {"1.2.3.4", nullptr, nullptr},
      {"1.2", nullptr, nullptr},
      {"", nullptr, nullptr},
      {"1.2.3+", nullptr, nullptr},
      {"1.2.3+a..b", nullptr, nullptr},
      {"1.2.3-a..b", nullptr, nullptr},
      {"9007199254740991.0.0", "9007199254740991.0.0", "9007199254740991.0.0"},
      {"9007199254740992.0.0", nullptr, nullptr},
      {"\xC2\xA0" "1.2.3", "1.2.3", "1.2.3"},  // U+00A0 is trimmed like JavaScript's trim().
      {"^1.2.3", nullptr, nullptr},
      {"~1.2.3", nullptr, nullptr},
      {">=1.2.3", nullptr, nullptr},
      {"*", nullptr, nullptr},
  };
  for (const ValidCase& c : cases) {
    auto show = [](const char* s) { return s ? std::optional<std::string>(s) : std::nullopt; };
    EXPECT_EQ(Valid(c.in, false), show(c.strict)) << c.in;
    EXPECT_EQ(Valid(c.in, true), show(c.loose)) << c.in << " (loose)";
    EXPECT_EQ(IsValid(c.in, false), c.strict != nullptr) << c.in;
    EXPECT_EQ(IsValid(c.in, true), c.loose != nullptr) << c.in << " (loose)";
  }
}

TEST(VersionTest, ErrorsUseNodeSemverMessages) {
  EXPECT_EQ(ParseVersion("nope").status().message(), "Invalid Version: nope");
  EXPECT_EQ(ParseVersion("9007199254740992.0.0").status().message(), "Invalid major version");
  EXPECT_EQ(ParseVersion(std::string(257, '1')).status().message(),
            "version is longer than 256 characters");
}

TEST(VersionTest, KeepsFields) {
  Result<Version> v = ParseVersion("1.2.3-beta.10.x+exp.sha.5114f85");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->major, 1u);
  EXPECT_EQ(v->minor, 2u);
  EXPECT_EQ(v->patch, 3u);
  ASSERT_EQ(v->prerelease.size(), 3u);
  EXPECT_FALSE(v->prerelease[0].number);
  EXPECT_TRUE(v->prerelease[1].number);
  EXPECT_EQ(v->prerelease[1].value, 10u);
  EXPECT_EQ(v->build, (std::vector<std::string>{"exp", "sha", "5114f85"}));
}

// Each list is in ascending precedence (semver.org §11 plus node-semver's rules).
TEST(VersionTest, OrdersByPrecedence) {
  const std::vector<std::vector<const char*>> chains = {
      {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
       "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"},
      {"0.0.0-0", "0.0.0", "0.0.1", "0.1.0", "1.0.0", "1.0.10", "1.10.0", "10.0.0"},
      {"1.2.3-1", "1.2.3-2", "1.2.3-10", "1.2.3-a", "1.2.3-b"},  // Numbers sort first.
      {"1.2.3-A", "1.2.3-Z", "1.2.3-a"},                          // ASCII order.
  };
  for (const auto& chain : chains) {
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
      Version a = *ParseVersion(chain[i]), b = *ParseVersion(chain[i + 1]);
      EXPECT_EQ(Compare(a, b), -1) << chain[i] << " < " << chain[i + 1];
      EXPECT_EQ(Compare(b, a), 1) << chain[i + 1] << " > " << chain[i];
      EXPECT_EQ(Compare(a, a), 0) << chain[i];
    }
  }
}

TEST(VersionTest, BuildMetadataOnlyBreaksTiesInCompareBuild) {
  Version a = *ParseVersion("1.2.3+a"), b = *ParseVersion("1.2.3+b"), none = *ParseVersion("1.2.3");
  EXPECT_EQ(Compare(a, b), 0);
  EXPECT_EQ(CompareBuild(a, b), -1);
  EXPECT_EQ(CompareBuild(none, a), -1);
  EXPECT_EQ(CompareBuild(*ParseVersion("1.2.3+2"), *ParseVersion("1.2.3+10")), -1);
}

TEST(VersionTest, HugeNumericIdentifiersStayStrings) {
  Version v = *ParseVersion("1.2.3-9007199254740991");
  ASSERT_EQ(v.prerelease.size(), 1u);
  EXPECT_FALSE(v.prerelease[0].number);
  EXPECT_EQ(v.ToString(), "1.2.3-9007199254740991");
  // Still ordered numerically against other digit identifiers.
  EXPECT_EQ(Compare(*ParseVersion("1.2.3-5"), v), -1);
}

TEST(VersionTest, CleanAndCoerce) {
  EXPECT_EQ(Clean("  =v1.2.3  "), "1.2.3");
  EXPECT_EQ(Clean("~1.2.3"), std::nullopt);
  const std::pair<const char*, const char*> coerce[] = {
      {"v2", "2.0.0"},          {"1.2.3.4", "1.2.3"},  {"version 3.1 beta", "3.1.0"},
      {"x1.2", "1.2.0"},        {"abc", nullptr},      {"12345678901234567.1", "1.0.0"},
      {"1.12345678901234567", "1.0.0"},  {"01.2", nullptr}, {"9999999999999999", nullptr},
  };
  for (const auto& [in, want] : coerce) {
    std::optional<Version> v = Coerce(in);
    if (want == nullptr) {
      EXPECT_FALSE(v.has_value()) << in;
    } else {
      ASSERT_TRUE(v.has_value()) << in;
      EXPECT_EQ(v->ToString(), want) << in;
    }
  }
}

TEST(VersionTest, ReadPlainTripleTakesOnlyPlainVersions) {
  Version v;
  EXPECT_EQ(ReadPlainTriple("1.22.333", &v), 8u);
  EXPECT_EQ(v.ToString(), "1.22.333");
  EXPECT_EQ(ReadPlainTriple("1.2.3-beta", &v), 5u);  // Where the rest begins.
  EXPECT_EQ(ReadPlainTriple("999999999999999.0.0", &v), 19u);
  EXPECT_EQ(v.major, 999999999999999u);
  for (const char* no : {"01.2.3", "1.2", "1..3", "v1.2.3", "", "1234567890123456.0.0"}) {
    EXPECT_EQ(ReadPlainTriple(no, &v), std::string_view::npos) << no;
  }
}

}  // namespace
}  // namespace skua::pm::semver
