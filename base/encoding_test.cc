#include "base/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace skua::encoding {
namespace {

std::string Encode64(std::string_view in, Base64Alphabet alphabet) {
  std::string out(Base64EncodedSize(in.size(), alphabet), '\0');
  size_t n = Base64Encode(reinterpret_cast<const uint8_t*>(in.data()), in.size(), out.data(),
                          alphabet);
  EXPECT_EQ(n, out.size());
  return out;
}

std::string Decode64(std::string_view in, size_t limit = SIZE_MAX) {
  std::string out(Base64DecodedSizeBound(in.size()) + 3, '\0');
  size_t n = Base64Decode(in.data(), in.size(), reinterpret_cast<uint8_t*>(out.data()),
                          std::min(limit, out.size()));
  out.resize(n);
  return out;
}

std::string DecodeHex(std::string_view in) {
  std::string out(in.size() / 2, '\0');
  out.resize(HexDecode(in.data(), in.size(), reinterpret_cast<uint8_t*>(out.data()),
                       out.size()));
  return out;
}

TEST(EncodingTest, Base64EncodePadsStandardOnly) {
  struct Case { const char* in; const char* standard; const char* url; };
  const Case cases[] = {{"", "", ""},           {"f", "Zg==", "Zg"},
                        {"fo", "Zm8=", "Zm8"},  {"foo", "Zm9v", "Zm9v"},
                        {"foob", "Zm9vYg==", "Zm9vYg"},
                        {"\xfb\xff\xbf", "+/+/", "-_-_"}};
  for (const Case& c : cases) {
    EXPECT_EQ(Encode64(c.in, Base64Alphabet::kStandard), c.standard);
    EXPECT_EQ(Encode64(c.in, Base64Alphabet::kUrl), c.url);
  }
}

TEST(EncodingTest, Base64DecodeIsForgiving) {
  EXPECT_EQ(Decode64("QUJD"), "ABC");
  EXPECT_EQ(Decode64("QU JD\n"), "ABC");
  EXPECT_EQ(Decode64("Q$U*J!D"), "ABC");
  EXPECT_EQ(Decode64("-_-_"), "\xfb\xff\xbf");
  EXPECT_EQ(Decode64("+/+/"), "\xfb\xff\xbf");
  EXPECT_EQ(Decode64("QUJ"), "AB");
  EXPECT_EQ(Decode64("QU"), "A");
  EXPECT_EQ(Decode64("Q"), "");
  EXPECT_EQ(Decode64("QQ==QUJD"), "A");  // The first '=' ends the input.
  EXPECT_EQ(Decode64("QU=JD"), "A");
  EXPECT_EQ(Decode64("QUJDQUJD QUJDQUJD"), "ABCABCABCABC");
}

TEST(EncodingTest, Base64DecodeStopsAtLimit) {
  EXPECT_EQ(Decode64("QUJDQUJD", 2), "AB");
  EXPECT_EQ(Decode64("QUJDQUJD", 4), "ABCA");
  EXPECT_EQ(Decode64("QUJDQUJD", 0), "");
}

TEST(EncodingTest, Base64DecodeTruncatesTwoByteUnits) {
  const uint16_t in[] = {0x141, 'Q', 'U', 'J', 'D'};  // U+0141 reads as 'A'.
  uint8_t out[8];
  ASSERT_EQ(Base64Decode(in, 5, out, sizeof(out)), 3u);
  EXPECT_EQ(out[0], 0x01);
  EXPECT_EQ(out[1], 0x05);
  EXPECT_EQ(out[2], 0x09);
}

TEST(EncodingTest, HexRoundTripAndInvalidInput) {
  char out[6];
  const uint8_t in[] = {0x00, 0xab, 0xff};
  HexEncode(in, 3, out);
  EXPECT_EQ(std::string(out, 6), "00abff");
  EXPECT_EQ(DecodeHex("00ABff"), std::string("\x00\xab\xff", 3));
  EXPECT_EQ(DecodeHex("abc"), "\xab");  // Odd digit ignored.
  EXPECT_EQ(DecodeHex("abzz12"), "\xab");  // Stops at the first bad pair.
  EXPECT_EQ(DecodeHex("0g12"), "");
  EXPECT_EQ(DecodeHex(""), "");
}

TEST(EncodingTest, IsAscii) {
  EXPECT_TRUE(IsAscii(nullptr, 0));
  std::string s(100, 'a');
  EXPECT_TRUE(IsAscii(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
  s[77] = '\x80';
  EXPECT_FALSE(IsAscii(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
}

TEST(EncodingTest, IsUtf8) {
  auto check = [](std::string_view s) {
    return IsUtf8(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  EXPECT_TRUE(check(""));
  EXPECT_TRUE(check("plain ascii text, long enough for the word loop"));
  EXPECT_TRUE(check("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));  // é € 😀
  EXPECT_FALSE(check("\xc0\x80"));          // Overlong NUL.
  EXPECT_FALSE(check("\xe0\x80\x80"));      // Overlong.
  EXPECT_FALSE(check("\xed\xa0\x80"));      // Surrogate U+D800.
  EXPECT_FALSE(check("\xf4\x90\x80\x80"));  // Above U+10FFFF.
  EXPECT_FALSE(check("\xe2\x82"));          // Truncated.
  EXPECT_FALSE(check("\x80"));              // Lone continuation.
  EXPECT_FALSE(check("\xff"));
}

}  // namespace
}  // namespace skua::encoding
