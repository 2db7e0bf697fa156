// package.json parsing and the parse-once cache.
#include "gtest/gtest.h"
#include "resolver/package_json.h"
#include "resolver/testing/in_memory_file_system.h"

namespace skua::resolver {
namespace {

TEST(PackageJsonTest, ReadsTheFieldsResolutionUses) {
  PackageConfig config;
  std::string detail;
  ASSERT_TRUE(ParsePackageJson(
      R"({"name":"p","main":"lib","type":"module","exports":{"b":"./b","a":null},"imports":{"#x":"./x"},"other":1})",
      &config, &detail));
  EXPECT_TRUE(config.exists);
  EXPECT_EQ(config.name.value_or(""), "p");
  EXPECT_EQ(config.main.value_or(""), "lib");
  EXPECT_EQ(config.type, PackageType::kModule);
  ASSERT_TRUE(config.has_exports());
  EXPECT_EQ(config.exports->keys(), (std::vector<std::string>{"b", "a"}));  // Document order.
  EXPECT_TRUE(config.exports->items()[1].is_null());
  EXPECT_TRUE(config.has_imports());
}

TEST(PackageJsonTest, IgnoresWrongTypesAndUnknownTypeValues) {
  struct Case { const char* json; bool has_name; bool has_main; PackageType type; bool has_exports; };
  const Case cases[] = {
      {R"({"name":1,"main":["x"],"type":"wasm"})", false, false, PackageType::kNone, false},
      {R"({"type":"commonjs","exports":null})", false, false, PackageType::kCommonJs, false},
      {R"("just a string")", false, false, PackageType::kNone, false},
      {"\xEF\xBB\xBF{\"main\":\"m\"}", false, true, PackageType::kNone, false},  // BOM.
      {R"({"main":"a","main":"b"})", false, true, PackageType::kNone, false},
  };
  for (const Case& c : cases) {
    PackageConfig config;
    std::string detail;
    ASSERT_TRUE(ParsePackageJson(c.json, &config, &detail)) << c.json;
    EXPECT_EQ(config.name.has_value(), c.has_name) << c.json;
    EXPECT_EQ(config.main.has_value(), c.has_main) << c.json;
    EXPECT_EQ(config.type, c.type) << c.json;
    EXPECT_EQ(config.has_exports(), c.has_exports) << c.json;
  }
  PackageConfig config;
  std::string detail;
  ASSERT_TRUE(ParsePackageJson(R"({"main":"a","main":"b"})", &config, &detail));
  EXPECT_EQ(*config.main, "b");  // JSON.parse: the last duplicate wins.
}

TEST(PackageJsonTest, BadJsonIsAnErrorNamingTheFile) {
  testing::InMemoryFileSystem fs;
  fs.AddFile("/p/package.json", "{bad");
  PackageJsonCache cache(fs);
  PackageJsonError error;
  EXPECT_EQ(cache.Read("/p/package.json", &error), nullptr);
  EXPECT_EQ(error.path, "/p/package.json");
  EXPECT_FALSE(error.detail.empty());
}

TEST(PackageJsonTest, CachesReadsAndMisses) {
  testing::InMemoryFileSystem fs;
  fs.AddFile("/p/package.json", R"({"name":"p"})");
  PackageJsonCache cache(fs);
  PackageJsonError error;
  const PackageConfig* first = cache.Read("/p/package.json", &error);
  const PackageConfig* second = cache.Read("/p/package.json", &error);
  EXPECT_EQ(first, second);
  EXPECT_FALSE(cache.Read("/q/package.json", &error)->exists);
  cache.Read("/q/package.json", &error);
  EXPECT_EQ(fs.read_calls(), 2);
}

}  // namespace
}  // namespace skua::resolver
