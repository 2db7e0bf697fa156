// Tests for the minimal integrity reader and the EVP hasher.
#include "pm/fetch/digest.h"

#include "gtest/gtest.h"

namespace skua::pm::fetch {
namespace {

std::string Hash(HashAlgorithm algorithm, std::string_view data) {
  Hasher hasher(algorithm);
  hasher.Update(data.data(), data.size());
  return hasher.Finish();
}

TEST(DigestTest, KnownVectors) {
  EXPECT_EQ(ToHex(Hash(HashAlgorithm::kSha1, "abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(ToSri(HashAlgorithm::kSha512, Hash(HashAlgorithm::kSha512, "")),
            "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+"
            "SfaPg==");
}

TEST(DigestTest, ParsePicksStrongestAlgorithm) {
  std::string sha1 = ToSri(HashAlgorithm::kSha1, Hash(HashAlgorithm::kSha1, "x"));
  std::string sha512 = ToSri(HashAlgorithm::kSha512, Hash(HashAlgorithm::kSha512, "x"));
  Result<ExpectedIntegrity> parsed = ParseIntegrity(sha1 + "  " + sha512 + "?opt\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->algorithm, HashAlgorithm::kSha512);
  ASSERT_EQ(parsed->digests.size(), 1u);
  EXPECT_EQ(parsed->digests[0], Hash(HashAlgorithm::kSha512, "x"));
  EXPECT_EQ(parsed->ToString(), sha512);
}

TEST(DigestTest, ParseKeepsSeveralDigestsOfOneAlgorithm) {
  std::string a = ToSri(HashAlgorithm::kSha512, Hash(HashAlgorithm::kSha512, "a"));
  std::string b = ToSri(HashAlgorithm::kSha512, Hash(HashAlgorithm::kSha512, "b"));
  Result<ExpectedIntegrity> parsed = ParseIntegrity(a + " " + b);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->digests.size(), 2u);
}

TEST(DigestTest, ParseRejectsUnknownAndMalformed) {
  EXPECT_FALSE(ParseIntegrity("").ok());
  EXPECT_FALSE(ParseIntegrity("md5-1B2M2Y8AsgTpgAmY7PhCfg==").ok());
  EXPECT_FALSE(ParseIntegrity("sha512").ok());
}

TEST(DigestTest, MalformedStrongTokenDoesNotDowngrade) {
  std::string sha1 = ToSri(HashAlgorithm::kSha1, Hash(HashAlgorithm::kSha1, "x"));
  Result<ExpectedIntegrity> parsed = ParseIntegrity("sha512-tooShort " + sha1);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->algorithm, HashAlgorithm::kSha512);
  ASSERT_EQ(parsed->digests.size(), 1u);
  EXPECT_TRUE(parsed->digests[0].empty());  // Never equals a computed digest.
}

TEST(DigestTest, ParseShasum) {
  Result<ExpectedIntegrity> parsed = ParseShasum("a9993e364706816aba3e25717850c26c9cd0d89d");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->algorithm, HashAlgorithm::kSha1);
  EXPECT_EQ(parsed->digests[0], Hash(HashAlgorithm::kSha1, "abc"));
  EXPECT_FALSE(ParseShasum("a9993e").ok());
  EXPECT_FALSE(ParseShasum("zz993e364706816aba3e25717850c26c9cd0d89d").ok());
}

TEST(DigestTest, ChunkedUpdatesEqualOneShot) {
  Hasher hasher(HashAlgorithm::kSha256);
  hasher.Update("ab", 2);
  hasher.Update("", 0);
  hasher.Update("c", 1);
  EXPECT_EQ(hasher.Finish(), Hash(HashAlgorithm::kSha256, "abc"));
}

}  // namespace
}  // namespace skua::pm::fetch
