// Tests for the package store: insert and lookup, integrity keys, racing writers,
// damaged entries, and leftovers of dead processes.
#include "pm/store/store.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "pm/fetch/testing/tar_builder.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::store {
namespace {

using fetch::ExpectedIntegrity;
using fetch::ExtractOptions;
using fetch::HashAlgorithm;
using fetch::Hasher;
using fetch::MemorySource;

ExpectedIntegrity Expect(HashAlgorithm algorithm, const std::string& data) {
  Hasher hasher(algorithm);
  hasher.Update(data.data(), data.size());
  ExpectedIntegrity expected;
  expected.algorithm = algorithm;
  expected.digests.push_back(hasher.Finish());
  return expected;
}

int CountEntries(const std::string& dir) {
  int n = 0;
  if (DIR* d = opendir(dir.c_str())) {
    while (struct dirent* e = readdir(d)) n += e->d_name[0] != '.';
    closedir(d);
  }
  return n;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = std::string(getenv("TEST_TMPDIR") ? getenv("TEST_TMPDIR") : "/tmp") +
                          "/store-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    cache_ = pattern;
    Result<Store> store = Store::Open(cache_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_.emplace(std::move(store).value());
    tarball_ = fetch::testing::BuildPackage(
        {{"package.json", R"({"name":"a","version":"1.0.0"})"}, {"index.js", "exports.a = 1;"}});
  }
  void TearDown() override { EXPECT_TRUE(fsutil::RemoveTree(cache_).ok()); }

  Result<StoreEntry> Insert(const std::string& tarball, ExpectedIntegrity integrity) {
    MemorySource source(tarball);
    ExtractOptions options;
    options.package = "a@1.0.0";
    options.integrity = std::move(integrity);
    return store_->Insert(source, options);
  }

  std::string cache_;
  std::optional<Store> store_;
  std::string tarball_;
};

TEST_F(StoreTest, InsertThenLookup) {
  ExpectedIntegrity integrity = Expect(HashAlgorithm::kSha512, tarball_);
  EXPECT_FALSE(store_->Lookup(integrity).has_value());
  Result<StoreEntry> entry = Insert(tarball_, integrity);
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  EXPECT_EQ(entry->index.integrity, integrity.ToString());
  ASSERT_EQ(entry->index.files.size(), 2u);
  std::string hex = fetch::ToHex(integrity.digests[0]);
  EXPECT_EQ(entry->package_dir, cache_ + "/store/v2/sha512/" + hex);
  EXPECT_TRUE(fsutil::Exists(cache_ + "/store/v2/sha512/" + hex + ".index"));
  EXPECT_EQ(*fsutil::ReadFile(entry->package_dir + "/index.js"), "exports.a = 1;");

  std::optional<StoreEntry> found = store_->Lookup(integrity);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->index, entry->index);
  EXPECT_TRUE(store_->Verify(*found).ok());
  EXPECT_EQ(CountEntries(store_->root() + "/tmp"), 0);
}

TEST_F(StoreTest, ShasumOnlyPackagesAreKeyedBySha1) {
  ExpectedIntegrity sha1 = Expect(HashAlgorithm::kSha1, tarball_);
  Result<StoreEntry> entry = Insert(tarball_, sha1);
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  EXPECT_EQ(entry->key.algorithm, HashAlgorithm::kSha1);
  EXPECT_TRUE(store_->Lookup(sha1).has_value());
}

TEST_F(StoreTest, UnknownIntegrityIsKeyedByComputedSha512) {
  Result<StoreEntry> entry = Insert(tarball_, ExpectedIntegrity{});
  ASSERT_TRUE(entry.ok());
  EXPECT_TRUE(store_->Lookup(Expect(HashAlgorithm::kSha512, tarball_)).has_value());
}

TEST_F(StoreTest, MismatchLeavesNothingBehind) {
  Result<StoreEntry> entry = Insert(tarball_, Expect(HashAlgorithm::kSha512, "other"));
  ASSERT_FALSE(entry.ok());
  EXPECT_TRUE(fetch::IsIntegrityError(entry.status()));
  EXPECT_EQ(CountEntries(store_->root() + "/tmp"), 0);
  EXPECT_FALSE(fsutil::Exists(store_->root() + "/sha512"));
}

TEST_F(StoreTest, ConcurrentWritersOfOneKeyAllSucceed) {
  ExpectedIntegrity integrity = Expect(HashAlgorithm::kSha512, tarball_);
  std::vector<std::thread> threads;
  std::vector<bool> ok(8, false);
  for (size_t i = 0; i < ok.size(); ++i) {
    threads.emplace_back([&, i] { ok[i] = Insert(tarball_, integrity).ok(); });
  }
  for (std::thread& t : threads) t.join();
  for (bool b : ok) EXPECT_TRUE(b);
  EXPECT_TRUE(store_->Lookup(integrity).has_value());
  EXPECT_EQ(CountEntries(store_->root() + "/tmp"), 0);
}

TEST_F(StoreTest, DamagedEntryIsDetectedRemovedAndRefetched) {
  ExpectedIntegrity integrity = Expect(HashAlgorithm::kSha512, tarball_);
  Result<StoreEntry> entry = Insert(tarball_, integrity);
  ASSERT_TRUE(entry.ok());
  ASSERT_EQ(truncate((entry->package_dir + "/index.js").c_str(), 3), 0);
  Status verified = store_->Verify(*entry);
  EXPECT_EQ(verified.code(), StatusCode::kNotFound) << verified.message();
  EXPECT_FALSE(store_->Lookup(integrity).has_value());
  ASSERT_TRUE(Insert(tarball_, integrity).ok());
  std::optional<StoreEntry> again = store_->Lookup(integrity);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(store_->Verify(*again).ok());
}

// A folder is only ever renamed into place complete, so one without an index (its
// writer stopped between the two steps) is kept and given the index.
TEST_F(StoreTest, FolderWithoutIndexGetsTheNextWritersIndex) {
  ExpectedIntegrity integrity = Expect(HashAlgorithm::kSha512, tarball_);
  StoreKey key = KeysFor(integrity)[0];
  Result<StoreEntry> first = Insert(tarball_, integrity);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_EQ(unlink(store_->IndexPath(key).c_str()), 0);
  EXPECT_FALSE(store_->Lookup(key).has_value());
  Result<StoreEntry> entry = Insert(tarball_, integrity);
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  EXPECT_EQ(entry->index, first->index);
  std::optional<StoreEntry> found = store_->Lookup(key);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(store_->Verify(*found).ok());
  EXPECT_EQ(CountEntries(store_->root() + "/tmp"), 0);
}

TEST_F(StoreTest, RemoveTakesTheIndexFirst) {
  ExpectedIntegrity integrity = Expect(HashAlgorithm::kSha512, tarball_);
  StoreKey key = KeysFor(integrity)[0];
  ASSERT_TRUE(Insert(tarball_, integrity).ok());
  ASSERT_TRUE(store_->Remove(key).ok());
  EXPECT_FALSE(fsutil::Exists(store_->IndexPath(key)));
  EXPECT_FALSE(fsutil::Exists(store_->EntryDir(key)));
  EXPECT_FALSE(store_->Lookup(key).has_value());
  EXPECT_TRUE(store_->Remove(key).ok());  // Nothing left to remove is fine.
}

TEST_F(StoreTest, CollectGarbageRemovesLeftoversOfDeadProcesses) {
  std::string tmp = store_->root() + "/tmp";
  // pid 2^22+1 is above Linux's pid_max limit, so no process has it.
  ASSERT_TRUE(fsutil::MakeDirs(tmp + "/4194305-0-abc/pkg").ok());
  ASSERT_TRUE(fsutil::MakeDirs(tmp + "/trash-4194305-1-abc").ok());
  std::string mine = tmp + "/" + std::to_string(getpid()) + "-9-abc";
  ASSERT_TRUE(fsutil::MakeDirs(mine).ok());
  ASSERT_TRUE(store_->CollectGarbage().ok());
  EXPECT_EQ(CountEntries(tmp), 1);
  EXPECT_TRUE(fsutil::Exists(mine));
}

}  // namespace
}  // namespace skua::pm::store
