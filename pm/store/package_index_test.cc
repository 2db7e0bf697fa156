// Tests for the store index format: round trip and detection of damage.
#include "pm/store/package_index.h"

#include "gtest/gtest.h"

namespace skua::pm::store {
namespace {

PackageIndex Sample() {
  PackageIndex index;
  index.integrity = "sha512-abc==";
  index.files = {{"bin/cli.js", 0755, 20}, {"odd%name\nwith newline", 0644, 0},
                 {"package.json", 0644, 123456789012}};
  return index;
}

TEST(PackageIndexTest, RoundTrip) {
  std::string text = SerializeIndex(Sample());
  Result<PackageIndex> parsed = ParseIndex(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(*parsed, Sample());
  EXPECT_NE(text.find("f 755 20 bin/cli.js\n"), std::string::npos) << text;
}

TEST(PackageIndexTest, EmptyPackage) {
  PackageIndex empty;
  Result<PackageIndex> parsed = ParseIndex(SerializeIndex(empty));
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->files.empty());
}

TEST(PackageIndexTest, DamageIsDetected) {
  std::string text = SerializeIndex(Sample());
  for (size_t cut = 0; cut < text.size(); ++cut) {
    EXPECT_FALSE(ParseIndex(text.substr(0, cut)).ok()) << "truncated at " << cut;
  }
  EXPECT_FALSE(ParseIndex("skua-store-index 2\nend 0\n").ok());
  EXPECT_FALSE(ParseIndex(text + "f 644 1 extra\n").ok());
  std::string bad_count = text;
  bad_count.replace(bad_count.find("end 3"), 5, "end 2");
  EXPECT_FALSE(ParseIndex(bad_count).ok());
  std::string bad_mode = text;
  bad_mode.replace(bad_mode.find("f 755"), 5, "f 9x5");
  EXPECT_FALSE(ParseIndex(bad_mode).ok());
}

}  // namespace
}  // namespace skua::pm::store
