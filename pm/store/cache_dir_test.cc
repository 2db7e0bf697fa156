// Tests for the cache folder precedence.
#include "pm/store/cache_dir.h"

#include <map>
#include <string>

#include "gtest/gtest.h"

namespace skua::pm::store {
namespace {

GetEnv Env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

TEST(CacheDirTest, Precedence) {
  auto all = Env({{"SKUA_CACHE_DIR", "/s"}, {"XDG_CACHE_HOME", "/x"}, {"HOME", "/h"}});
  EXPECT_EQ(*ResolveCacheDir("/opt", all), "/opt");
  EXPECT_EQ(*ResolveCacheDir("", all), "/s");
  EXPECT_EQ(*ResolveCacheDir("", Env({{"XDG_CACHE_HOME", "/x"}, {"HOME", "/h"}})), "/x/skua");
  EXPECT_EQ(*ResolveCacheDir("", Env({{"HOME", "/h"}})), "/h/.cache/skua");
}

TEST(CacheDirTest, RelativeXdgAndEmptyValuesAreIgnored) {
  auto env = Env({{"SKUA_CACHE_DIR", ""}, {"XDG_CACHE_HOME", "relative"}, {"HOME", "/h"}});
  EXPECT_EQ(*ResolveCacheDir("", env), "/h/.cache/skua");
}

TEST(CacheDirTest, NothingAvailable) {
  Result<std::string> dir = ResolveCacheDir("", Env({}));
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace skua::pm::store
