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

// Bodies longer than the first read, and empty ones.
TEST(ManifestCacheTest, BodySizes) {
  ManifestCache cache(TempDir());
  std::string big(100000, 'x');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  for (const std::string& body : {big, std::string(), std::string(4000, 'y')}) {
    CachedDocument doc{"http://r.test/big", "", "", 1000, 300, body};
    ASSERT_TRUE(cache.Store(doc, "corgi").ok());
    std::optional<CachedDocument> loaded = cache.Load(doc.url, "corgi");
    ASSERT_TRUE(loaded.has_value()) << body.size();
    EXPECT_EQ(loaded->body, body);
  }
  CachedDocument doc{"http://r.test/big", "", "", 1000, 300, big};
  ASSERT_TRUE(cache.Store(doc, "corgi").ok());
  std::string path = cache.PathFor(doc.url, "corgi");
  Result<std::string> stored = fsutil::ReadFile(path);
  ASSERT_TRUE(stored.ok());
  std::string damaged = *stored;
  damaged[damaged.size() - 50000] ^= 1;
  for (const std::string& text : {stored->substr(0, stored->size() - 1), damaged}) {
    ASSERT_TRUE(fsutil::WriteFileAtomic(path, text).ok());
    EXPECT_FALSE(cache.Load(doc.url, "corgi").has_value());
  }
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

// A body that is cut short or damaged after it was stored is a miss, not a document the
// parser would have to find fault with.
TEST(ManifestCacheTest, DamagedBodiesAreMisses) {
  ManifestCache cache(TempDir());
  CachedDocument doc{"http://r.test/left", "", "", 1000, 300,
                     R"({"name":"left","versions":{"1.0.0":{"dependencies":{"a":"1"}}}})"};
  ASSERT_TRUE(cache.Store(doc, "corgi").ok());
  std::string path = cache.PathFor(doc.url, "corgi");
  Result<std::string> stored = fsutil::ReadFile(path);
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(cache.Load(doc.url, "corgi").has_value());
  std::string flipped = *stored;
  flipped[flipped.size() - 10] = ',';
  std::string versioned = *stored;
  versioned.replace(versioned.find(" 2\n"), 3, " 1\n");
  for (const std::string& text : {stored->substr(0, stored->size() - 1),
                                  stored->substr(0, stored->size() - 20), *stored + "}",
                                  stored->substr(0, stored->find("\n\n") + 2) + "garbage",
                                  flipped, versioned}) {
    ASSERT_TRUE(fsutil::WriteFileAtomic(path, text).ok());
    EXPECT_FALSE(cache.Load(doc.url, "corgi").has_value()) << text;
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
