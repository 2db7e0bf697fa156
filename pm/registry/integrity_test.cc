// SRI parsing and verification with known digest vectors (of "" and "abc").
#include "pm/registry/integrity.h"

#include "gtest/gtest.h"

namespace skua::pm::registry {
namespace {

struct Vector {
  HashAlgorithm algorithm;
  const char* data;
  const char* base64;
};

const Vector kVectors[] = {
    {HashAlgorithm::kSha1, "", "2jmj7l5rSw0yVb/vlWAYkK/YBwk="},
    {HashAlgorithm::kSha1, "abc", "qZk+NkcGgWq6PiVxeFDCbJzQ2J0="},
    {HashAlgorithm::kSha256, "", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="},
    {HashAlgorithm::kSha256, "abc", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="},
    {HashAlgorithm::kSha384, "", "OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"},
    {HashAlgorithm::kSha384, "abc", "ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"},
    {HashAlgorithm::kSha512, "", "z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="},
    {HashAlgorithm::kSha512, "abc", "3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw=="},
};

TEST(IntegrityTest, KnownVectors) {
  for (const Vector& v : kVectors) {
    std::string sri = std::string(AlgorithmName(v.algorithm)) + "-" + v.base64;
    EXPECT_EQ(EncodeBase64(ComputeDigest(v.algorithm, v.data)), v.base64) << sri;
    Result<Integrity> integrity = Integrity::Parse(sri);
    ASSERT_TRUE(integrity.ok()) << sri;
    EXPECT_EQ(integrity->strongest(), v.algorithm);
    EXPECT_TRUE(integrity->Verify(v.data)) << sri;
    EXPECT_FALSE(integrity->Verify(std::string(v.data) + "x")) << sri;
    EXPECT_EQ(integrity->ToString(), sri);
  }
}

TEST(IntegrityTest, PicksStrongestAndMatchesAnyDigestOfIt) {
  Result<Integrity> i = Integrity::Parse(
      "  sha1-qZk+NkcGgWq6PiVxeFDCbJzQ2J0=\tmd5-xxxx  "
      "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg== "
      "sha512-3a81oZNherrMQXNJriBBMRLm+k6JqX6iCp7u5ktV05ohkpkqJ0/BqDa6PCOj/uu9RU1EI2Q86A4qmslPpUyknw==?foo");
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->hashes().size(), 3u);  // md5 is not a known algorithm.
  EXPECT_EQ(i->strongest(), HashAlgorithm::kSha512);
  EXPECT_TRUE(i->Verify("abc"));
  EXPECT_TRUE(i->Verify(""));
  EXPECT_EQ(i->hashes()[2].options, "foo");
}

TEST(IntegrityTest, CorruptStrongestDigestNeverDowngrades) {
  // The sha1 matches "abc", but the (malformed) sha512 is the algorithm that counts.
  Result<Integrity> i = Integrity::Parse("sha1-qZk+NkcGgWq6PiVxeFDCbJzQ2J0= sha512-notbase64!!");
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->strongest(), HashAlgorithm::kSha512);
  EXPECT_FALSE(i->Verify("abc"));
}

TEST(IntegrityTest, Errors) {
  EXPECT_FALSE(Integrity::Parse("").ok());
  EXPECT_FALSE(Integrity::Parse("md5-abc sha999-x").ok());
  EXPECT_EQ(Integrity::Parse("nope").status().message(), "Invalid integrity: \"nope\"");
  EXPECT_FALSE(Integrity::FromShasum("a9993e").ok());
  EXPECT_FALSE(Integrity::FromShasum("z9993e364706816aba3e25717850c26c9cd0d89d").ok());
}

TEST(IntegrityTest, Shasum) {
  Result<Integrity> i = Integrity::FromShasum("a9993e364706816aba3e25717850c26c9cd0d89d");
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->ToString(), "sha1-qZk+NkcGgWq6PiVxeFDCbJzQ2J0=");
  EXPECT_TRUE(i->Verify("abc"));
}

TEST(IntegrityTest, LockfileAgainstRegistry) {
  Integrity sha512_abc = *Integrity::Parse(std::string("sha512-") + kVectors[7].base64);
  Integrity sha512_empty = *Integrity::Parse(std::string("sha512-") + kVectors[6].base64);
  Integrity sha1_abc = *Integrity::FromShasum("a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_TRUE(CheckSameIntegrity(sha512_abc, sha512_abc, "a@1.0.0").ok());
  EXPECT_TRUE(CheckSameIntegrity(sha1_abc, sha512_empty, "a@1.0.0").ok());  // Nothing shared.
  Status s = CheckSameIntegrity(sha512_abc, sha512_empty, "a@1.0.0");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("Integrity check failed for a@1.0.0"), std::string::npos);
}

TEST(IntegrityTest, Base64IsStrict) {
  EXPECT_EQ(DecodeBase64("YWJj"), "abc");
  EXPECT_EQ(DecodeBase64("YQ=="), "a");
  EXPECT_FALSE(DecodeBase64("YQ").has_value());
  EXPECT_FALSE(DecodeBase64("Y Q=").has_value());
  EXPECT_FALSE(DecodeBase64("YQ-_").has_value());
}

}  // namespace
}  // namespace skua::pm::registry
