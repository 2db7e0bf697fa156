// Range parsing, printed forms and matching, table-driven from node-semver's documented
// desugaring (pm-spec §2.2); the differential test covers the long tail.
#include "pm/semver/range.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "pm/semver/desugar.h"

namespace skua::pm::semver {
namespace {

struct PrintCase {
  const char* in;
  const char* printed;  // validRange(); nullptr when invalid.
};

void ExpectPrinted(const std::vector<PrintCase>& cases, RangeOptions options) {
  for (const PrintCase& c : cases) {
    std::optional<std::string> got = ValidRange(c.in, options);
    if (c.printed == nullptr) {
      EXPECT_FALSE(got.has_value()) << "\"" << c.in << "\" gave " << got.value_or("");
    } else {
      EXPECT_EQ(got.value_or("<invalid>"), c.printed) << "\"" << c.in << "\"";
    }
  }
}

TEST(RangeTest, Desugars) {
  ExpectPrinted({
      {"1.2.3", "1.2.3"}, {"=1.2.3", "1.2.3"}, {"1.2.x", ">=1.2.0 <1.3.0-0"}, {"1.2", ">=1.2.0 <1.3.0-0"},
      {"1.x", ">=1.0.0 <2.0.0-0"}, {"1", ">=1.0.0 <2.0.0-0"}, {"*", "*"}, {"x", "*"}, {"", "*"},
      {">=0.0.0", "*"}, {">1", ">=2.0.0"}, {">1.2", ">=1.3.0"}, {">=1.2", ">=1.2.0"}, {"<1.2", "<1.2.0-0"},
      {"<=1.2", "<1.3.0-0"}, {"<=1", "<2.0.0-0"}, {">*", "<0.0.0-0"}, {"<*", "<0.0.0-0"},
      {"~1.2.3", ">=1.2.3 <1.3.0-0"}, {"~>1.2.3", ">=1.2.3 <1.3.0-0"}, {"~1.2", ">=1.2.0 <1.3.0-0"},
      {"~1", ">=1.0.0 <2.0.0-0"}, {"~0", "<1.0.0-0"}  /* >=0.0.0 is "any" and drops out */, {"~1.2.3-beta.2", ">=1.2.3-beta.2 <1.3.0-0"},
      {"^1.2.3", ">=1.2.3 <2.0.0-0"}, {"^1.2", ">=1.2.0 <2.0.0-0"}, {"^1", ">=1.0.0 <2.0.0-0"},
      {"^0.2.3", ">=0.2.3 <0.3.0-0"}, {"^0.2", ">=0.2.0 <0.3.0-0"}, {"^0.0.3", ">=0.0.3 <0.0.4-0"},
      {"^0.0", "<0.1.0-0"}, {"^0.x", "<1.0.0-0"}, {"^1.2.3-beta.2", ">=1.2.3-beta.2 <2.0.0-0"},
      {"^0.0.3-beta", ">=0.0.3-beta <0.0.4-0"}, {"1.2.3 - 2.3.4", ">=1.2.3 <=2.3.4"},
      {"1.2 - 2.3.4", ">=1.2.0 <=2.3.4"}, {"1.2.3 - 2.3", ">=1.2.3 <2.4.0-0"}, {"1.2.3 - 2", ">=1.2.3 <3.0.0-0"},
  }, {});
}

// "^1.2.3", "~1.2.3" and "1.2.3" are built without the general parse (range.cc's
// QuickBranch): the edges where it must decline or agree.
TEST(RangeTest, CommonFormsAgreeWithTheGeneralParse) {
  ExpectPrinted({
      {"^0.0.0", "<0.0.1-0"}, {"~0.0.0", "<0.1.0-0"}, {"0.0.0", "0.0.0"}, {"^0.1.0", ">=0.1.0 <0.2.0-0"},
      {" ^1.2.3\t", ">=1.2.3 <2.0.0-0"}, {"^999999999999999.0.0", ">=999999999999999.0.0 <1000000000000000.0.0-0"},
      {"~1.999999999999999.0", ">=1.999999999999999.0 <1.1000000000000000.0-0"},
      {"^01.2.3", nullptr}, {"^1.2.3.4", nullptr}, {"^1.2.", nullptr}, {"1.2.3x", nullptr},
  }, {});
  ExpectPrinted({{"^01.2.3", ">=1.2.3 <2.0.0-0"}}, {.loose = true});
  // With includePrerelease the general parse decides (node-semver 7.8.5 prints the same).
  ExpectPrinted({{"^0.2.3", ">=0.2.3 <0.3.0-0"}, {"^1.2.3", ">=1.2.3 <2.0.0-0"}},
                {.include_prerelease = true});
}

TEST(RangeTest, WhitespaceAndSetRules) {
  ExpectPrinted({
      {">= 1.2.3   <  2", ">=1.2.3 <2.0.0-0"}, {"~ 1.2", ">=1.2.0 <1.3.0-0"}, {"^ 1.2.3", ">=1.2.3 <2.0.0-0"},
      {"\t1.2.3 ||\n2.x", "1.2.3||>=2.0.0 <3.0.0-0"}, {"1 || 2 || 3", ">=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0||>=3.0.0 <4.0.0-0"},
      {"1||", "*"},  // An empty branch is "any", and "any" absorbs the set.
      {"<0.0.0-0 || 1", ">=1.0.0 <2.0.0-0"},  // Null branches drop out.
      {">=1.2.3 <*", "<0.0.0-0"},  // A null comparator nulls its branch.
      {">=1 >=1", ">=1.0.0"},  // Duplicates collapse.
      {"1.2.3+build", "1.2.3"},  // Build metadata is stripped.
      {"1.x.2", nullptr}, {"x.1", nullptr}, {"latest", nullptr}, {">", nullptr}, {"1.2.3.4", nullptr},
      {"=1.2.3 - 2", nullptr},  // `>==1.2.3` is not a strict comparator.
  }, {});
}

TEST(RangeTest, LooseModeDropsWhatItCannotRead) {
  ExpectPrinted({
      {"1 - 2 - 3", ">=1.0.0 <2.0.0-0 >=2.0.0 <3.0.0-0 >=3.0.0 <4.0.0-0"},
      {"^00.1.2", ">=0.1.2 <1.0.0-0"},  // The raw "00" is not "0", so caret uses the major.
      {"1.2.3beta", "1.2.3-beta"}, {">= =1.2.3", ">=1.2.3"}, {"1.2.34.5", "1.2.3-4.5"},
      {"latest", nullptr},
  }, {.loose = true});
}

TEST(RangeTest, IncludePrereleaseLowersLowerBounds) {
  ExpectPrinted({
      {"^1.2", ">=1.2.0-0 <2.0.0-0"}, {"~1.2", ">=1.2.0-0 <1.3.0-0"}, {"1.x", ">=1.0.0-0 <2.0.0-0"},
      {"1.2.3 - 2", ">=1.2.3-0 <3.0.0-0"}, {"1 - 2.3.4", ">=1.0.0-0 <2.3.5-0"}, {"^1.2.3", ">=1.2.3 <2.0.0-0"},
      {">=0.0.0-0", "*"}, {">=0.0.0", ">=0.0.0"},
  }, {.include_prerelease = true});
}

struct MatchCase {
  const char* version;
  const char* range;
  bool want;
};

TEST(RangeTest, PrereleaseGate) {
  const MatchCase cases[] = {
      {"1.2.4-beta", "^1.2.3", false},        {"1.2.3-beta.4", "^1.2.3-beta.2", true},
      {"1.3.0", "^1.2.3-beta.2", true},       {"1.2.4-beta", "^1.2.3-beta.2", false},
      {"1.0.0-rc.1", "*", false},             {"1.0.0-rc.1", "", false},
      {"1.2.3-alpha.7", ">1.2.3-alpha.3", true}, {"3.4.5-alpha.9", ">1.2.3-alpha.3", false},
      {"1.2.3", "1.2.3 || 2", true},          {"2.5.0", "1.2.3 || 2", true},
      {"not-a-version", "*", false},          {"", "*", false},
      {"1.2.3", "not-a-range", false},
  };
  for (const MatchCase& c : cases) {
    EXPECT_EQ(Satisfies(c.version, c.range), c.want) << c.version << " in " << c.range;
  }
  EXPECT_TRUE(Satisfies("1.0.0-rc.1", "*", {.include_prerelease = true}));
  EXPECT_TRUE(Satisfies("1.2.4-beta", "^1.2.3", {.include_prerelease = true}));
  EXPECT_TRUE(Satisfies("v1.2.3", "1.2.3", {.loose = true}));
  EXPECT_TRUE(Satisfies("v1.2.3", "1.2.3"));  // The strict grammar allows a leading v.
  EXPECT_FALSE(Satisfies("=1.2.3", "1.2.3"));
}

TEST(RangeTest, MaxAndMinSatisfying) {
  std::vector<std::string> versions = {"1.2.3", "1.2.4", "1.3.0-beta", "2.0.0", "1.2.4+b", "junk"};
  EXPECT_EQ(MaxSatisfying(versions, "^1.2.0"), "1.2.4");  // First of equal versions wins.
  EXPECT_EQ(MinSatisfying(versions, "^1.2.0"), "1.2.3");
  EXPECT_EQ(MaxSatisfying(versions, "^1.2.0", {.include_prerelease = true}), "1.3.0-beta");
  EXPECT_EQ(MaxSatisfying(versions, "3"), std::nullopt);
  EXPECT_EQ(MaxSatisfying(versions, "bad range"), std::nullopt);
}

TEST(RangeTest, ErrorMessages) {
  EXPECT_EQ(Range::Parse("1.x.2").status().message(), "Invalid comparator: 1.x.2");
  EXPECT_EQ(Range::Parse("latest", {.loose = true}).status().message(),
            "Invalid SemVer Range: latest");
}

TEST(RangeTest, IsAny) {
  EXPECT_TRUE(Range::Parse("*")->IsAny());
  EXPECT_TRUE(Range::Parse(">=0.0.0")->IsAny());
  EXPECT_FALSE(Range::Parse("^1")->IsAny());
}

TEST(DesugarTest, Steps) {
  using namespace internal;
  EXPECT_EQ(StripBuildMetadata("1.2.3+b.1 - 2+c"), "1.2.3 - 2");
  EXPECT_EQ(ReplaceHyphenRange("1.2 - 2.x", false, false), ">=1.2.0 <3.0.0-0");
  EXPECT_EQ(ReplaceHyphenRange("1 -2", false, false), "1 -2");
  EXPECT_EQ(TrimOperatorWhitespace("> 1.2.3 <= 2 = x"), ">1.2.3 <=2 =x");
  EXPECT_EQ(TrimOperatorWhitespace("> invalid"), "> invalid");
  EXPECT_EQ(TrimTildeAndCaretWhitespace("~> 1 ^ 2 ~ 3"), "~1 ^2 ~3");
  EXPECT_EQ(DesugarComparator("^1.2.3", false, false), ">=1.2.3 <2.0.0-0");
  EXPECT_EQ(DesugarComparator(">=*", false, false), "");
  EXPECT_EQ(DesugarBranch(">=0.0.0 1", false, false),
            (std::vector<std::string>{"", ">=1.0.0", "<2.0.0-0"}));
}

}  // namespace
}  // namespace skua::pm::semver
