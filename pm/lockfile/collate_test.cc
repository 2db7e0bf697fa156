// LocaleCompare against Node's ICU: testdata/collation.txt is sorted by
// `localeCompare(_, 'en')` (tools/pm/gen_collation_cases.js).
#include "pm/lockfile/collate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace skua::pm::lockfile {
namespace {

TEST(CollateTest, MatchesNodeOrder) {
  std::ifstream in("pm/lockfile/testdata/collation.txt", std::ios::binary);
  ASSERT_TRUE(in) << "missing testdata";
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) words.push_back(line);
  ASSERT_GT(words.size(), 500u);
  int failures = 0;
  for (size_t i = 1; i < words.size(); ++i) {
    if (LocaleCompare(words[i - 1], words[i]) >= 0 && ++failures < 10) {
      ADD_FAILURE() << "'" << words[i - 1] << "' should sort before '" << words[i] << "'";
    }
    EXPECT_GT(LocaleCompare(words[i], words[i - 1]), 0);
  }
}

// Every pair, not only neighbours: most pairs are decided by their first differing
// characters (LocaleCompare's shortcut), the rest by the full passes.
TEST(CollateTest, EveryPairKeepsNodeOrder) {
  std::ifstream in("pm/lockfile/testdata/collation.txt", std::ios::binary);
  ASSERT_TRUE(in) << "missing testdata";
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) words.push_back(line);
  int failures = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t j = i + 1; j < words.size(); ++j) {
      if (LocaleCompare(words[i], words[j]) >= 0 && ++failures < 10) {
        ADD_FAILURE() << "'" << words[i] << "' should sort before '" << words[j] << "'";
      }
    }
  }
}

TEST(CollateTest, PunctuationBeforeLettersAndCaseAsTieBreak) {
  EXPECT_LT(LocaleCompare("node_modules/a_b", "node_modules/a-b"), 0);
  EXPECT_LT(LocaleCompare("node_modules/a-b", "node_modules/a.b"), 0);
  EXPECT_LT(LocaleCompare("node_modules/a.b", "node_modules/ab"), 0);
  EXPECT_LT(LocaleCompare("node_modules/@s/a", "node_modules/a"), 0);
  EXPECT_LT(LocaleCompare("node_modules/a", "node_modules/a/node_modules/b"), 0);
  EXPECT_LT(LocaleCompare("node_modules/a/node_modules/b", "node_modules/ab"), 0);
  EXPECT_LT(LocaleCompare("aB", "Ab"), 0);
  EXPECT_LT(LocaleCompare("a", "A"), 0);
  EXPECT_LT(LocaleCompare("A", "ab"), 0);
  EXPECT_EQ(LocaleCompare("a\x01" "b", "ab"), 0);  // Controls are ignorable.
  EXPECT_LT(LocaleCompare("a\x01" "a", "ab"), 0);  // ...also where the strings first differ.
  EXPECT_GT(LocaleCompare("ab", "a\x01" "a"), 0);
  EXPECT_LT(LocaleCompare("ab", "aB"), 0);  // A case pair: the tertiary pass decides.
  EXPECT_LT(LocaleCompare("ab", "a\xc3\xa9"), 0);  // Non-ASCII after ASCII.
  // Strings that share the first byte of a UTF-8 sequence, past the 8-byte steps.
  EXPECT_LT(LocaleCompare("node_modules/x\xc3\xa9", "node_modules/x\xc3\xaa"), 0);
  EXPECT_GT(LocaleCompare("node_modules/x\xc3\xaa", "node_modules/x\xc3\xa9"), 0);
  EXPECT_LT(LocaleCompare("node_modules/abcdefgh-1", "node_modules/abcdefgh-2"), 0);
  EXPECT_EQ(LocaleCompare("node_modules/\xc3\xa9t\xc3\xa9", "node_modules/\xc3\xa9t\xc3\xa9"), 0);
  EXPECT_LT(LocaleCompare("node_modules/abcdefgh", "node_modules/abcdefgh/x"), 0);
  // A malformed lead byte reads the bytes after it: the prefix must not end among them.
  EXPECT_EQ(LocaleCompare("x\xe0" "ab", "x\xe0" "ac") < 0, LocaleCompare("\xe0" "ab", "\xe0" "ac") < 0);
  EXPECT_EQ(LocaleCompare("x\xe0" "ac", "x\xe0" "ab") > 0, LocaleCompare("\xe0" "ac", "\xe0" "ab") > 0);
  EXPECT_EQ(LocaleCompare("same", "same"), 0);
}

}  // namespace
}  // namespace skua::pm::lockfile
