// ShellQuote: what `skua run x -- args` appends to the script text.
#include "pm/cli/scripts.h"

#include <gtest/gtest.h>

namespace skua::pm::cli {
namespace {

TEST(ShellQuoteTest, PlainWordsStayAsTheyAre) {
  EXPECT_EQ(ShellQuote("abc"), "abc");
  EXPECT_EQ(ShellQuote("--flag=1"), "--flag=1");
  EXPECT_EQ(ShellQuote("a/b.c,d"), "a/b.c,d");
}

TEST(ShellQuoteTest, EmptyAndSpecialCharactersAreQuoted) {
  EXPECT_EQ(ShellQuote(""), "''");
  EXPECT_EQ(ShellQuote("a b"), "'a b'");
  EXPECT_EQ(ShellQuote("$HOME"), "'$HOME'");
  EXPECT_EQ(ShellQuote("a;b"), "'a;b'");
  EXPECT_EQ(ShellQuote("~"), "'~'");
}

TEST(ShellQuoteTest, SingleQuotesAreClosedEscapedAndReopened) {
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
}

}  // namespace
}  // namespace skua::pm::cli
