// Extraction of well-formed tarballs: layout, modes, chunking, digests, duplicates, long
// names, npm's .gitignore rename, concatenated archives.
#include <sys/stat.h>

#include <thread>

#include "gtest/gtest.h"
#include "pm/fetch/extract.h"
#include "pm/fetch/extract_test_util.h"
#include "pm/fetch/testing/tar_builder.h"

namespace skua::pm::fetch {
namespace {

using testing::BuildPackage;
using testing::BuildTarball;
using testing::TarEntry;
using testing::TarFormat;

class ExtractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    umask(022);
    root_ = MakeTempDir();
    dest_ = root_ + "/out";
  }
  void TearDown() override { EXPECT_TRUE(fsutil::RemoveTree(root_).ok()); }

  std::string root_;
  std::string dest_;
};

TEST_F(ExtractTest, WritesFilesStrippingFirstComponent) {
  std::string tgz = BuildPackage({{"package.json", "{\"name\":\"a\"}"},
                                  {"lib/index.js", "module.exports = 1;\n"},
                                  {"bin/cli.js", "#!/usr/bin/env node\n"}},
                                 {"bin/cli.js"});
  Result<ExtractResult> result = ExtractBytes(tgz, dest_);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(ListTree(dest_), (std::vector<std::string>{"bin/", "bin/cli.js", "lib/",
                                                       "lib/index.js", "package.json"}));
  EXPECT_EQ(ReadOrEmpty(dest_ + "/lib/index.js"), "module.exports = 1;\n");
  EXPECT_EQ(ModeOf(dest_ + "/bin/cli.js") & 07777, 0755u);
  EXPECT_EQ(ModeOf(dest_ + "/package.json") & 07777, 0644u);
  EXPECT_EQ(ModeOf(dest_ + "/lib") & 07777, 0755u);
  ASSERT_EQ(result->files.size(), 3u);
  EXPECT_EQ(result->files[0].path, "bin/cli.js");
  EXPECT_EQ(result->files[0].mode, 0755u);
  EXPECT_EQ(result->files[2].size, 12u);
  EXPECT_EQ(result->compressed_bytes, tgz.size());
  EXPECT_EQ(result->integrity, Sha512Of(tgz).ToString());
}

TEST_F(ExtractTest, ModesAreNormalised) {
  std::string tgz = BuildTarball({TarEntry::File("package/setuid", "x", 04755),
                                  TarEntry::File("package/owner-exec", "x", 0700),
                                  TarEntry::File("package/world-write", "x", 0666),
                                  TarEntry::File("package/unreadable", "x", 0000)});
  ASSERT_TRUE(ExtractBytes(tgz, dest_).ok());
  EXPECT_EQ(ModeOf(dest_ + "/setuid") & 07777, 0755u);
  EXPECT_EQ(ModeOf(dest_ + "/owner-exec") & 07777, 0755u);
  EXPECT_EQ(ModeOf(dest_ + "/world-write") & 07777, 0644u);
  EXPECT_EQ(ModeOf(dest_ + "/unreadable") & 07777, 0644u);
}

TEST_F(ExtractTest, TinyChunksGiveTheSameResult) {
  std::string big(300000, 'z');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  std::string tgz = BuildPackage({{"a.txt", "hello"}, {"big.bin", big}});
  Result<ExtractResult> result = ExtractBytes(tgz, dest_, {}, /*chunk=*/7);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(ReadOrEmpty(dest_ + "/big.bin"), big);
  EXPECT_EQ(result->integrity, Sha512Of(tgz).ToString());
}

// Past 8 MiB compressed a tarball streams through libarchive's gzip filter instead of
// being gunzipped whole: same files, same digest.
TEST_F(ExtractTest, LargeTarballsStream) {
  std::string noise(9 << 20, '\0');
  uint64_t x = 88172645463325252ull;
  for (char& c : noise) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;  // xorshift: incompressible bytes.
    c = static_cast<char>(x);
  }
  std::string tgz = BuildPackage({{"a.txt", "hello"}, {"noise.bin", noise}});
  ASSERT_GT(tgz.size(), size_t{8} << 20);
  Result<ExtractResult> result = ExtractBytes(tgz, dest_);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(ReadOrEmpty(dest_ + "/noise.bin"), noise);
  EXPECT_EQ(ReadOrEmpty(dest_ + "/a.txt"), "hello");
  EXPECT_EQ(result->integrity, Sha512Of(tgz).ToString());
  EXPECT_EQ(result->compressed_bytes, tgz.size());
}

TEST_F(ExtractTest, StreamsFromAProducerThread) {
  std::string tgz = BuildPackage({{"index.js", std::string(200000, 'q')}});
  ChunkQueue queue(/*max_buffered=*/4096);
  std::thread producer([&] {
    for (size_t i = 0; i < tgz.size(); i += 1000) {
      if (!queue.Push(tgz.substr(i, 1000))) return;
    }
    queue.Close();
  });
  ExtractOptions options;
  options.package = "streamed@1.0.0";
  options.integrity = Sha512Of(tgz);
  Result<ExtractResult> result = ExtractTarball(queue, dest_, options);
  producer.join();
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(ReadOrEmpty(dest_ + "/index.js").size(), 200000u);
}

TEST_F(ExtractTest, ProducerFailureIsReported) {
  std::string tgz = BuildPackage({{"index.js", std::string(100000, 'q')}});
  ChunkQueue queue;
  queue.Push(tgz.substr(0, tgz.size() / 2));
  queue.Fail(IoError("connection reset by peer"));
  Result<ExtractResult> result = ExtractTarball(queue, dest_, ExtractOptions{});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("connection reset"), std::string::npos)
      << result.status().message();
  EXPECT_FALSE(fsutil::Exists(dest_));
}

TEST_F(ExtractTest, VerifiesSha512AndSha1) {
  std::string tgz = BuildPackage({{"index.js", "1"}});
  ExtractOptions options;
  options.integrity = Sha512Of(tgz);
  ASSERT_TRUE(ExtractBytes(tgz, dest_, options).ok());

  Hasher sha1(HashAlgorithm::kSha1);
  sha1.Update(tgz.data(), tgz.size());
  Result<ExpectedIntegrity> shasum = ParseShasum(ToHex(sha1.Finish()));
  ASSERT_TRUE(shasum.ok());
  options.integrity = *shasum;
  Result<ExtractResult> result = ExtractBytes(tgz, root_ + "/out2", options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->integrity, Sha512Of(tgz).ToString());  // sha512 is always reported.
}

TEST_F(ExtractTest, LaterDuplicateEntryWins) {
  std::string tgz = BuildTarball({TarEntry::File("package/a.js", "first"),
                                  TarEntry::File("package/b.js", "b"),
                                  TarEntry::File("package/a.js", "second", 0755)});
  Result<ExtractResult> result = ExtractBytes(tgz, dest_);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(ReadOrEmpty(dest_ + "/a.js"), "second");
  EXPECT_EQ(ModeOf(dest_ + "/a.js") & 0777, 0755u);
  ASSERT_EQ(result->files.size(), 2u);
  EXPECT_EQ(result->files[0].size, 6u);
}

TEST_F(ExtractTest, LongNamesInEveryFormat) {
  std::string deep = "package";
  for (int i = 0; i < 12; ++i) deep += "/directory-name-" + std::to_string(i);
  deep += "/" + std::string(150, 'f') + ".js";  // > 100 and > 255 bytes in total.
  for (TarFormat format : {TarFormat::kPax, TarFormat::kGnu}) {
    std::string dest = dest_ + (format == TarFormat::kPax ? "-pax" : "-gnu");
    std::string tgz = BuildTarball({TarEntry::File(deep, "long")}, format);
    Result<ExtractResult> result = ExtractBytes(tgz, dest);
    ASSERT_TRUE(result.ok()) << result.status().message();
    EXPECT_EQ(ReadOrEmpty(dest + "/" + deep.substr(8)), "long");
  }
}

TEST_F(ExtractTest, GitignoreBecomesNpmignoreLikePacote) {
  std::string tgz = BuildTarball({TarEntry::File("package/.gitignore", "root-git"),
                                  TarEntry::File("package/sub/.npmignore", "sub-npm"),
                                  TarEntry::File("package/sub/.gitignore", "sub-git")});
  ASSERT_TRUE(ExtractBytes(tgz, dest_).ok());
  EXPECT_EQ(ListTree(dest_), (std::vector<std::string>{".npmignore", "sub/", "sub/.npmignore"}));
  EXPECT_EQ(ReadOrEmpty(dest_ + "/.npmignore"), "root-git");
  EXPECT_EQ(ReadOrEmpty(dest_ + "/sub/.npmignore"), "sub-npm");
}

TEST_F(ExtractTest, DirectoryEntriesAndEmptyFiles) {
  std::string tgz = BuildTarball({TarEntry{"package/", "", 0700, TarEntry::Type::kDirectory, {}},
                                  TarEntry{"package/empty-dir/", "", 0700,
                                           TarEntry::Type::kDirectory, {}},
                                  TarEntry::File("package/empty.txt", "")});
  Result<ExtractResult> result = ExtractBytes(tgz, dest_);
  ASSERT_TRUE(result.ok()) << result.status().message();
  // Directory entries are not created (pacote), only files and their parents.
  EXPECT_EQ(ListTree(dest_), (std::vector<std::string>{"empty.txt"}));
  EXPECT_EQ(result->files[0].size, 0u);
}

TEST_F(ExtractTest, UncompressedAndConcatenatedArchives) {
  std::string first = BuildTarball({TarEntry::File("package/a.js", "a")}, TarFormat::kPax, false);
  std::string second = BuildTarball({TarEntry::File("package/b.js", "b")}, TarFormat::kPax, false);
  ASSERT_TRUE(ExtractBytes(first, dest_).ok());
  EXPECT_EQ(ReadOrEmpty(dest_ + "/a.js"), "a");
  std::string both = testing::Gzip(first + second);
  std::string dest2 = root_ + "/both";
  ASSERT_TRUE(ExtractBytes(both, dest2).ok());
  EXPECT_EQ(ListTree(dest2), (std::vector<std::string>{"a.js", "b.js"}));
  // Two gzip members back to back are one gzip stream (RFC 1952).
  std::string members = testing::Gzip(first) + testing::Gzip(second);
  std::string dest3 = root_ + "/members";
  ASSERT_TRUE(ExtractBytes(members, dest3).ok());
  EXPECT_EQ(ListTree(dest3), (std::vector<std::string>{"a.js", "b.js"}));
}

TEST_F(ExtractTest, DestinationMustNotExist) {
  ASSERT_TRUE(fsutil::MakeDirs(dest_).ok());
  ASSERT_TRUE(fsutil::WriteFileAtomic(dest_ + "/keep", "k").ok());
  EXPECT_FALSE(ExtractBytes(BuildPackage({{"a", "a"}}), dest_).ok());
  EXPECT_EQ(ReadOrEmpty(dest_ + "/keep"), "k");  // Not removed: it was not ours.
}

}  // namespace
}  // namespace skua::pm::fetch
