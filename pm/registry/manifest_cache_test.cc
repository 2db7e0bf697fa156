// The packument cache's file format, misses and Cache-Control parsing.
#include "pm/registry/manifest_cache.h"

#include <stdlib.h>

#include <gtest/gtest.h>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::registry {
namespace {

std::string TempDir() {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string pattern = std::string(tmp ? tmp : "/tmp") + "/manifest_cache.XXXXXX";
  return mkdtemp(pattern.data());
}

TEST(ManifestCacheTest, RoundTrip) {
  ManifestCache cache(TempDir());
  CachedDocument doc{"http://r.test/left", "\"abc\"", "Mon, 01 Jan 2024 00:00:00 GMT", 1000,
                     300, "{\"name\":\"left\"}\n\n{binary\n"};
  ASSERT_TRUE(cache.Store(doc, "corgi").ok());
  std::optional<CachedDocument> loaded = cache.Load("http://r.test/left", "corgi");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->etag, doc.etag);
  EXPECT_EQ(loaded->last_modified, doc.last_modified);
  EXPECT_EQ(loaded->fetched_at, 1000);
  EXPECT_EQ(loaded->max_age, 300);
  EXPECT_EQ(loaded->body, doc.body);
  EXPECT_TRUE(loaded->IsFresh(1299));
  EXPECT_FALSE(loaded->IsFresh(1300));
  EXPECT_FALSE(cache.Load("http://r.test/left", "full").has_value());
  EXPECT_FALSE(cache.Load("http://r.test/right", "corgi").has_value());
  ASSERT_TRUE(cache.Touch("http://r.test/left", "corgi").ok());
  EXPECT_GT(cache.Load("http://r.test/left", "corgi")->fetched_at, 1000);
}

TEST(ManifestCacheTest, CorruptFilesAreMisses) {
  ManifestCache cache(TempDir());
  std::string path = cache.PathFor("http://r.test/left", "corgi");
  ASSERT_TRUE(fsutil::MakeDirs(path.substr(0, path.find_last_of('/'))).ok());
  for (const char* text : {"", "garbage", "skua-manifest-cache 1\nurl http://r.test/left\n",
                           "skua-manifest-cache 1\nurl http://r.test/left\nmax-age x\n\n{}"}) {
    ASSERT_TRUE(fsutil::WriteFileAtomic(path, text).ok());
    EXPECT_FALSE(cache.Load("http://r.test/left", "corgi").has_value()) << text;
  }
}

TEST(ManifestCacheTest, MaxAge) {
  EXPECT_EQ(ParseMaxAge("max-age=300"), 300);
  EXPECT_EQ(ParseMaxAge("public, max-age=60"), 60);
  EXPECT_EQ(ParseMaxAge("no-cache, max-age=60"), 0);
  EXPECT_EQ(ParseMaxAge(""), 0);
  EXPECT_EQ(ParseMaxAge("max-age=abc"), 0);
}

}  // namespace
}  // namespace skua::pm::registry
