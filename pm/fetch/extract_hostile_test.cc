// Extraction of hostile tarballs: traversal, absolute paths, links, devices, size and
// count bombs, truncation, garbage and integrity mismatches. After every refusal the
// staging directory is gone and nothing was written outside it.
#include <sys/stat.h>

#include "gtest/gtest.h"
#include "pm/fetch/extract.h"
#include "pm/fetch/extract_test_util.h"
#include "pm/fetch/testing/tar_builder.h"

namespace skua::pm::fetch {
namespace {

using testing::BuildPackage;
using testing::BuildTarball;
using testing::Gzip;
using testing::RawGnuSparseEntry;
using testing::RawTarEntry;
using testing::TarEnd;
using testing::TarEntry;

class ExtractHostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    umask(022);
    root_ = MakeTempDir();
    // The extraction happens two levels down so that `../../x` would land in root_.
    ASSERT_TRUE(fsutil::MakeDirs(root_ + "/a/b").ok());
    dest_ = root_ + "/a/b/out";
  }
  void TearDown() override { EXPECT_TRUE(fsutil::RemoveTree(root_).ok()); }

  // Expects a refusal whose message starts with `code` and names the package, and that
  // the tree under root_ is as it was before.
  void ExpectRefused(const Result<ExtractResult>& result, std::string_view code) {
    ASSERT_FALSE(result.ok());
    const std::string& message = result.status().message();
    EXPECT_EQ(message.rfind(code, 0), 0u) << message;
    EXPECT_NE(message.find("evil@6.6.6"), std::string::npos) << message;
    EXPECT_EQ(ListTree(root_), (std::vector<std::string>{"a/", "a/b/"}));
  }

  Result<ExtractResult> Extract(const std::string& tarball, ExtractOptions options = {}) {
    options.package = "evil@6.6.6";
    return ExtractBytes(tarball, dest_, options);
  }

  std::string root_;
  std::string dest_;
};

TEST_F(ExtractHostileTest, DotDotTraversal) {
  ExpectRefused(Extract(BuildTarball({TarEntry::File("../../etc/x", "pwn")})), "ETARPATH");
  ExpectRefused(Extract(BuildTarball({TarEntry::File("package/ok.js", "1"),
                                      TarEntry::File("package/../../x", "pwn")})),
                "ETARPATH");
  ExpectRefused(Extract(BuildTarball({TarEntry::File("package/a/../../../x", "pwn")})),
                "ETARPATH");
}

TEST_F(ExtractHostileTest, AbsolutePaths) {
  ExpectRefused(Extract(BuildTarball({TarEntry::File("/abs/x", "pwn")})), "ETARPATH");
  ExpectRefused(Extract(Gzip(RawTarEntry("//abs/x", 3, '0', "pwn") + TarEnd())), "ETARPATH");
}

TEST_F(ExtractHostileTest, SymlinkToEtcIsNotFollowed) {
  // The symlink is skipped, so `evil/passwd` lands in a real directory inside the package.
  std::string tgz = BuildTarball(
      {TarEntry::Link(TarEntry::Type::kSymlink, "package/evil", "/etc"),
       TarEntry::Link(TarEntry::Type::kSymlink, "package/up", "../../.."),
       TarEntry::File("package/evil/passwd", "pwn"), TarEntry::File("package/up/x", "pwn")});
  Result<ExtractResult> result = Extract(tgz);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->skipped_links, 2u);
  EXPECT_TRUE(S_ISDIR(ModeOf(dest_ + "/evil")));
  EXPECT_EQ(ReadOrEmpty(dest_ + "/evil/passwd"), "pwn");
  EXPECT_EQ(ListTree(root_), (std::vector<std::string>{"a/", "a/b/", "a/b/out/", "a/b/out/evil/",
                                                       "a/b/out/evil/passwd", "a/b/out/up/",
                                                       "a/b/out/up/x"}));
}

TEST_F(ExtractHostileTest, HardlinksOutsideAreSkipped) {
  std::string tgz = BuildTarball(
      {TarEntry::Link(TarEntry::Type::kHardlink, "package/shadow", "/etc/shadow"),
       TarEntry::Link(TarEntry::Type::kHardlink, "package/up", "../../../secret"),
       TarEntry::File("package/index.js", "1")});
  Result<ExtractResult> result = Extract(tgz);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->skipped_links, 2u);
  EXPECT_EQ(ListTree(dest_), (std::vector<std::string>{"index.js"}));
}

TEST_F(ExtractHostileTest, DevicesAndFifosAreIgnored) {
  std::string tgz = BuildTarball({TarEntry{"package/null", "", 0666, TarEntry::Type::kCharDevice, {}},
                                  TarEntry{"package/fifo", "", 0666, TarEntry::Type::kFifo, {}},
                                  TarEntry::File("package/index.js", "1")});
  Result<ExtractResult> result = Extract(tgz);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->skipped_special, 2u);
  EXPECT_EQ(ListTree(dest_), (std::vector<std::string>{"index.js"}));
}

TEST_F(ExtractHostileTest, HeaderClaimingAGigabyteIsRefusedBeforeWriting) {
  // The header claims 1 GiB; only 3 bytes follow. The limit check uses the claim.
  ExtractOptions options;
  options.max_unpacked_bytes = 512 << 20;
  ExpectRefused(Extract(Gzip(RawTarEntry("package/bomb", uint64_t{1} << 30, '0', "abc")), options),
                "ETARBOMB");
}

TEST_F(ExtractHostileTest, SparseBombIsRefused) {
  // A GNU sparse entry: 4 stored bytes, 3 GiB logical size (over the 2 GiB default).
  std::string tar = RawGnuSparseEntry("package/sparse", uint64_t{3} << 30, "data") + TarEnd();
  ExpectRefused(Extract(Gzip(tar)), "ETARBOMB");
}

TEST_F(ExtractHostileTest, SmallSparseFileIsExpanded) {
  std::string tar = RawGnuSparseEntry("package/sparse", 10000, "data") + TarEnd();
  Result<ExtractResult> result = Extract(Gzip(tar));
  ASSERT_TRUE(result.ok()) << result.status().message();
  std::string content = ReadOrEmpty(dest_ + "/sparse");
  ASSERT_EQ(content.size(), 10000u);
  EXPECT_EQ(content.substr(0, 4), "data");
  EXPECT_EQ(content[9999], '\0');
}

TEST_F(ExtractHostileTest, GzipBombIsStoppedByTheSizeCap) {
  ExtractOptions options;
  options.max_unpacked_bytes = 8 << 20;
  std::string tgz = BuildPackage({{"a", std::string(6 << 20, '\0')},
                                  {"b", std::string(6 << 20, '\0')}});
  ASSERT_LT(tgz.size(), 100000u);  // Highly compressible: a real bomb's shape.
  ExpectRefused(Extract(tgz, options), "ETARBOMB");
}

TEST_F(ExtractHostileTest, HundredThousandEntriesHitTheCountCap) {
  std::vector<TarEntry> entries;
  for (int i = 0; i < 100000; ++i) {
    entries.push_back(
        TarEntry{"package/d" + std::to_string(i) + "/", "", 0755, TarEntry::Type::kDirectory, {}});
  }
  ExtractOptions options;
  options.max_entries = 50000;
  ExpectRefused(Extract(BuildTarball(entries), options), "ETARBOMB");
}

TEST_F(ExtractHostileTest, TruncatedGzip) {
  std::string tgz = BuildPackage({{"index.js", std::string(100000, 'x')}, {"b.js", "b"}});
  for (size_t cut : {tgz.size() / 2, tgz.size() - 4, size_t{5}}) {
    ExpectRefused(Extract(tgz.substr(0, cut)), "ETARBAD");
  }
}

TEST_F(ExtractHostileTest, GarbageInput) {
  ExpectRefused(Extract(std::string(5000, 'G')), "ETARBAD");
  std::string corrupt = BuildPackage({{"index.js", std::string(50000, 'x')}});
  corrupt[corrupt.size() / 2] ^= 0x55;
  ExpectRefused(Extract(corrupt), "ETARBAD");
}

TEST_F(ExtractHostileTest, WrongIntegrityNamesPackageAndBothDigests) {
  std::string tgz = BuildPackage({{"index.js", "1"}});
  ExtractOptions options;
  options.integrity = Sha512Of("something else");
  Result<ExtractResult> result = Extract(tgz, options);
  ExpectRefused(result, "EINTEGRITY");
  EXPECT_TRUE(IsIntegrityError(result.status()));
  const std::string& message = result.status().message();
  EXPECT_NE(message.find(options.integrity.ToString()), std::string::npos) << message;
  EXPECT_NE(message.find(Sha512Of(tgz).ToString()), std::string::npos) << message;
}

TEST_F(ExtractHostileTest, WrongShasum) {
  ExtractOptions options;
  Result<ExpectedIntegrity> shasum = ParseShasum("0000000000000000000000000000000000000000");
  ASSERT_TRUE(shasum.ok());
  options.integrity = *shasum;
  ExpectRefused(Extract(BuildPackage({{"index.js", "1"}}), options), "EINTEGRITY");
}

TEST_F(ExtractHostileTest, IntegrityMismatchOutranksOtherErrors) {
  ExtractOptions options;
  options.integrity = Sha512Of("expected");
  ExpectRefused(Extract(BuildTarball({TarEntry::File("../../x", "pwn")}), options), "EINTEGRITY");
  std::string tgz = BuildPackage({{"index.js", std::string(100000, 'x')}});
  ExpectRefused(Extract(tgz.substr(0, 100), options), "EINTEGRITY");
}

TEST_F(ExtractHostileTest, FileDirectoryConflicts) {
  ExpectRefused(Extract(BuildTarball({TarEntry::File("package/a", "file"),
                                      TarEntry::File("package/a/b", "needs a dir")})),
                "ETARPATH");
  ExpectRefused(Extract(BuildTarball({TarEntry::File("package/a/b", "x"),
                                      TarEntry::File("package/a", "file over dir")})),
                "ETARPATH");
}

TEST_F(ExtractHostileTest, DeepPathsHitTheDepthCap) {
  std::string deep = "package";
  for (int i = 0; i < 40; ++i) deep += "/d";
  ExtractOptions options;
  options.path_limits.max_depth = 32;
  ExpectRefused(Extract(BuildTarball({TarEntry::File(deep + "/x", "1")}), options), "ETARPATH");
}

}  // namespace
}  // namespace skua::pm::fetch
