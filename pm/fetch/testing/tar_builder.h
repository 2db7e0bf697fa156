// Builds tarballs in memory for tests and benchmarks: well-formed ones through libarchive's
// writer (pax, GNU or ustar headers), and hostile ones that a writer would refuse through
// hand-made headers (sizes that lie, GNU sparse maps).
#ifndef SKUA_PM_FETCH_TESTING_TAR_BUILDER_H_
#define SKUA_PM_FETCH_TESTING_TAR_BUILDER_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace skua::pm::fetch::testing {

struct TarEntry {
  enum class Type { kFile, kDirectory, kSymlink, kHardlink, kFifo, kCharDevice };

  std::string path;
  std::string data;        // File content.
  mode_t mode = 0644;
  Type type = Type::kFile;
  std::string link_target;  // For kSymlink and kHardlink.

  static TarEntry File(std::string path, std::string data, mode_t mode = 0644) {
    return TarEntry{std::move(path), std::move(data), mode, Type::kFile, {}};
  }
  static TarEntry Link(Type type, std::string path, std::string target) {
    return TarEntry{std::move(path), {}, 0777, type, std::move(target)};
  }
};

enum class TarFormat { kPax, kGnu, kUstar };

// A tar archive of `entries`, gzip-compressed unless `gzip` is false.
std::string BuildTarball(const std::vector<TarEntry>& entries, TarFormat format = TarFormat::kPax,
                         bool gzip = true);

// An npm-style tarball: each (relative path, content) under "package/", mode 0644 unless
// the path is listed in `executables`.
std::string BuildPackage(const std::vector<std::pair<std::string, std::string>>& files,
                         const std::vector<std::string>& executables = {});

// Gzip (RFC 1952) of `data` with zlib.
std::string Gzip(const std::string& data, int level = 6);

// One raw 512-byte ustar header followed by `data` padded to a block, with no end-of-
// archive marker: `declared_size` goes into the header whatever `data` holds, so the
// header can lie. Type flag as in tar ('0' file, 'S' GNU sparse, ...).
std::string RawTarEntry(const std::string& path, uint64_t declared_size, char type,
                        const std::string& data);

// A GNU sparse ('S') entry claiming `real_size` logical bytes with one data region of
// `data` at offset 0 (an old-style GNU sparse map in the header).
std::string RawGnuSparseEntry(const std::string& path, uint64_t real_size, const std::string& data);

// Two zero blocks: the tar end-of-archive marker.
std::string TarEnd();

}  // namespace skua::pm::fetch::testing

#endif  // SKUA_PM_FETCH_TESTING_TAR_BUILDER_H_
