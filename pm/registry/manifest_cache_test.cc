// The packument cache's file format, misses and Cache-Control parsing.
#include "pm/registry/manifest_cache.h"

#include <stdlib.h>

#include <gtest/gtest.h>

#include "pm/fsutil/fsutil.h"
#include "pm/registry/packument.h"

namespace skua::pm::registry {
namespace {

std::string TempDir() {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string pattern = std::string(tmp ? tmp : "/tmp") + "/manifest_cache.XXXXXX";
  return mkdtemp(pattern.data());
}

CachedDocument Doc(std::string url, std::string etag, std::string last_modified,
                   int64_t fetched_at, int64_t max_age, std::string body) {
  CachedDocument doc;
  doc.url = std::move(url);
  doc.etag = std::move(etag);
  doc.last_modified = std::move(last_modified);
  doc.fetched_at = fetched_at;
  doc.max_age = max_age;
  doc.body = std::move(body);
  return doc;
}

TEST(ManifestCacheTest, RoundTrip) {
  ManifestCache cache(TempDir());
  CachedDocument doc = Doc("http://r.test/left", "\"abc\"", "Mon, 01 Jan 2024 00:00:00 GMT", 1000,
                     300, "{\"name\":\"left\"}\n\n{binary\n");
  ASSERT_TRUE(cache.Store(doc, "corgi").ok());
  std::optional<CachedDocument> loaded = cache.Load("http://r.test/left", "corgi");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->etag, doc.etag);
  EXPECT_EQ(loaded->last_modified, doc.last_modified);
  EXPECT_EQ(loaded->fetched_at, 1000);
  EXPECT_EQ(loaded->max_age, 300);
  EXPECT_EQ(loaded->Body(), doc.body);
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
    CachedDocument doc = Doc("http://r.test/big", "", "", 1000, 300, body);
    ASSERT_TRUE(cache.Store(doc, "corgi").ok());
    std::optional<CachedDocument> loaded = cache.Load(doc.url, "corgi");
    ASSERT_TRUE(loaded.has_value()) << body.size();
    EXPECT_EQ(loaded->Body(), body);
  }
  CachedDocument doc = Doc("http://r.test/big", "", "", 1000, 300, big);
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
  CachedDocument doc = Doc("http://r.test/left", "", "", 1000, 300,
                     R"({"name":"left","versions":{"1.0.0":{"dependencies":{"a":"1"}}}})");
  ASSERT_TRUE(cache.Store(doc, "corgi").ok());
  std::string path = cache.PathFor(doc.url, "corgi");
  Result<std::string> stored = fsutil::ReadFile(path);
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(cache.Load(doc.url, "corgi").has_value());
  std::string flipped = *stored;
  flipped[flipped.find("\n\n") + 12] = ',';
  std::string versioned = *stored;
  versioned.replace(versioned.find(" 3\n"), 3, " 2\n");
  for (const std::string& text : {stored->substr(0, stored->size() - 1),
                                  stored->substr(0, stored->size() - 20),
                                  stored->substr(0, stored->find("\n\n") + 2) + "garbage",
                                  flipped, versioned}) {
    ASSERT_TRUE(fsutil::WriteFileAtomic(path, text).ok());
    EXPECT_FALSE(cache.Load(doc.url, "corgi").has_value()) << text;
  }
}

// The index is stored after the body and given back; damage to it is a miss too.
TEST(ManifestCacheTest, IndexRoundTrip) {
  ManifestCache cache(TempDir());
  CachedDocument doc = Doc("http://r.test/left", "", "", 1000, 300, R"({"name":"left"})");
  doc.index = std::string("\x01\x00\x00\x00index\n\nbytes", 16);
  ASSERT_TRUE(cache.Store(doc, "corgi").ok());
  std::optional<CachedDocument> loaded = cache.Load(doc.url, "corgi");
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->Body(), doc.body);
  EXPECT_EQ(loaded->index, doc.index);
  // The mapped body is followed by readable padding.
  EXPECT_EQ(std::string_view(loaded->mapped.get() + loaded->mapped_size + doc.index.size(), 4), "    ");
  std::string path = cache.PathFor(doc.url, "corgi");
  std::string stored = *fsutil::ReadFile(path);
  std::string damaged = stored;
  damaged[stored.size() - kPackumentPadding - 3] ^= 1;
  for (const std::string& text : {damaged, stored.substr(0, stored.size() - 1)}) {
    ASSERT_TRUE(fsutil::WriteFileAtomic(path, text).ok());
    EXPECT_FALSE(cache.Load(doc.url, "corgi").has_value());
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
