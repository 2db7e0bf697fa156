#include "pm/fetch/gunzip_whole.h"

#include <libdeflate.h>

#include <string>

#include "gtest/gtest.h"

namespace skua::pm::fetch {
namespace {

std::string Gzip(const std::string& data) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_gzip_compress_bound(c, data.size()), '\0');
  size_t n = libdeflate_gzip_compress(c, data.data(), data.size(), out.data(), out.size());
  libdeflate_free_compressor(c);
  out.resize(n);
  return out;
}

std::string Text(size_t size) {
  std::string s;
  for (size_t i = 0; s.size() < size; ++i) s += "line " + std::to_string(i * 7919 % 1000) + "\n";
  s.resize(size);
  return s;
}

TEST(GunzipWholeTest, InflatesOneMember) {
  std::string data = Text(300'000);
  std::optional<std::string_view> out = GunzipWhole(Gzip(data), 1 << 20);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, data);
}

TEST(GunzipWholeTest, InflatesMembersBackToBack) {
  // The last member declares 0 bytes: the buffer grows past that first guess.
  std::string a = Text(5000), b = Text(200'000);
  std::optional<std::string_view> out = GunzipWhole(Gzip(a) + Gzip(b) + Gzip(""), 1 << 20);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, a + b);
}

TEST(GunzipWholeTest, DeclinesAWrongDeclaredSize) {
  std::string gz = Gzip(Text(100'000));
  gz[gz.size() - 4] = 1;  // ISIZE claims 1 byte.
  gz[gz.size() - 3] = gz[gz.size() - 2] = gz[gz.size() - 1] = 0;
  EXPECT_FALSE(GunzipWhole(gz, 1 << 20).has_value());
}

TEST(GunzipWholeTest, DeclinesWhatInflatesPastTheLimit) {
  std::string data(2 << 20, 'x');
  EXPECT_FALSE(GunzipWhole(Gzip(data), 1 << 20).has_value());
  EXPECT_TRUE(GunzipWhole(Gzip(data), 2 << 20).has_value());
}

TEST(GunzipWholeTest, DeclinesWhatIsNotGzip) {
  EXPECT_FALSE(GunzipWhole("", 1 << 20).has_value());
  EXPECT_FALSE(GunzipWhole(Text(1000), 1 << 20).has_value());
  std::string gz = Gzip(Text(1000));
  EXPECT_FALSE(GunzipWhole(gz.substr(0, gz.size() - 5), 1 << 20).has_value());  // Truncated.
  EXPECT_FALSE(GunzipWhole(gz + "trailing", 1 << 20).has_value());
  EXPECT_FALSE(GunzipWhole(gz + std::string(512, '\0'), 1 << 20).has_value());
  std::string flipped = gz;
  flipped[gz.size() / 2] ^= 0x55;  // Corrupt data or a CRC mismatch.
  std::optional<std::string_view> out = GunzipWhole(flipped, 1 << 20);
  EXPECT_FALSE(out.has_value());
}

TEST(GunzipWholeTest, ReusesItsBufferAcrossCalls) {
  std::string big = Text(500'000), small = Text(10);
  ASSERT_EQ(*GunzipWhole(Gzip(big), 1 << 20), big);
  ASSERT_EQ(*GunzipWhole(Gzip(small), 1 << 20), small);
}

}  // namespace
}  // namespace skua::pm::fetch
