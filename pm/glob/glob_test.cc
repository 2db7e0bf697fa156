#include "pm/glob/glob.h"

#include <gtest/gtest.h>

namespace skua::pm::glob {
namespace {

TEST(ExpandBraces, ExpandsEachAlternativeAndNestedGroups) {
  EXPECT_EQ(ExpandBraces("x/{a,b}/y"), (std::vector<std::string>{"x/a/y", "x/b/y"}));
  EXPECT_EQ(ExpandBraces("{a,{b,c}}"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(ExpandBraces("no-braces"), (std::vector<std::string>{"no-braces"}));
  EXPECT_EQ(ExpandBraces("{single}"), (std::vector<std::string>{"{single}"}));
  EXPECT_EQ(ExpandBraces("{a,b"), (std::vector<std::string>{"{a,b"}));
}

TEST(MatchSegment, WildcardsClassesAndEscapes) {
  EXPECT_TRUE(MatchSegment("*.js", "index.js"));
  EXPECT_FALSE(MatchSegment("*.js", "index.ts"));
  EXPECT_TRUE(MatchSegment("pkg-?", "pkg-a"));
  EXPECT_FALSE(MatchSegment("pkg-?", "pkg-ab"));
  EXPECT_TRUE(MatchSegment("[a-c]x", "bx"));
  EXPECT_FALSE(MatchSegment("[!a-c]x", "bx"));
  EXPECT_TRUE(MatchSegment("[^a-c]x", "dx"));
  EXPECT_TRUE(MatchSegment("a\\*", "a*"));
  EXPECT_FALSE(MatchSegment("a\\*", "ab"));
  EXPECT_FALSE(MatchSegment("*", ""));
  EXPECT_TRUE(MatchSegment("", ""));
}

TEST(MatchSegment, DotFilesNeedDotOrAnExplicitDot) {
  EXPECT_FALSE(MatchSegment("*", ".hidden"));
  EXPECT_TRUE(MatchSegment(".*", ".hidden"));
  EXPECT_TRUE(MatchSegment("*", ".hidden", {.dot = true}));
}

TEST(MatchSegment, CaseFoldingIsOptional) {
  EXPECT_FALSE(MatchSegment("README*", "readme.md"));
  EXPECT_TRUE(MatchSegment("README*", "readme.md", {.ignore_case = true}));
  EXPECT_TRUE(MatchSegment("Readme", "README", {.ignore_case = true}));
  EXPECT_TRUE(MatchSegment("[A-C]", "b", {.ignore_case = true}));
}

}  // namespace
}  // namespace skua::pm::glob
