// One-pass tarball processing (pm-spec §2.8, §2.9, §3.2 "Tarballs"): the compressed bytes
// are hashed (sha512 always, plus the expected algorithm when it is weaker, e.g. sha1 for
// an old `shasum`) while libarchive gunzips and untars them into a new staging directory.
// A tarball of at most 8 MiB is read whole first and gunzipped by libdeflate
// (gunzip_whole.h), which is several times faster; libarchive then reads plain tar.
//
// Entry rules, following npm/pacote:
//   - only regular files are written; symlinks, hardlinks, directories, devices, FIFOs
//     and sockets are skipped and counted (links can therefore never escape);
//   - paths go through SanitizeEntryPath (first component stripped; absolute paths and
//     `..` segments refuse the whole tarball);
//   - files are created 0644, or 0755 when any execute bit is set in the tarball (before
//     umask, as npm); uid/gid/mtime are not kept;
//   - a later entry with the same path replaces the earlier one;
//   - `.gitignore` becomes `.npmignore` unless that directory already had a `.npmignore`
//     entry (pacote does this; a later `.npmignore` entry overwrites it anyway);
//   - totals are capped (declared sizes are checked before any byte is written, so a
//     sparse or lying header cannot fill the disk).
//
// Error messages start with an npm-style code so callers and users can tell them apart
// (StatusCode is coarse): EINTEGRITY (mismatch: nothing may enter the store), ETARBOMB
// (limits), ETARPATH (hostile path), ETARBAD (corrupt or truncated archive). When the
// digest does not match, that is the error reported, whatever else went wrong.
#ifndef SKUA_PM_FETCH_EXTRACT_H_
#define SKUA_PM_FETCH_EXTRACT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/fetch/byte_source.h"
#include "pm/fetch/digest.h"
#include "pm/fetch/entry_path.h"

namespace skua::pm::fetch {

struct ExtractOptions {
  std::string package;  // "name@version", named in every error message.
  ExpectedIntegrity integrity;  // Empty: accept and report the computed sha512.
  uint64_t max_unpacked_bytes = uint64_t{2} << 30;
  uint64_t max_entries = 200'000;
  PathLimits path_limits;
};

struct ExtractedFile {
  std::string path;  // Relative to the package root, '/'-separated.
  uint32_t mode;     // 0644 or 0755 (before umask).
  uint64_t size;
};

struct ExtractResult {
  std::string sha512;     // Raw digest of the compressed bytes.
  std::string integrity;  // "sha512-<base64>" of the same.
  // The expected digest that matched (raw, of options.integrity.algorithm); "" when no
  // integrity was expected. pm/store keys sha1-only packages by it.
  std::string matched_digest;
  std::vector<ExtractedFile> files;  // Sorted by path; one per path that exists.
  uint64_t compressed_bytes = 0;
  uint64_t unpacked_bytes = 0;
  uint32_t skipped_links = 0;    // Symlinks and hardlinks.
  uint32_t skipped_special = 0;  // Devices, FIFOs, sockets.
};

// Reads `source` to its end and extracts into `dest_dir`, which must not exist (its parent
// must). On success `dest_dir` holds exactly `files`; on any error `dest_dir` is removed.
Result<ExtractResult> ExtractTarball(ByteSource& source, const std::string& dest_dir,
                                     const ExtractOptions& options);

// True for a Status produced by an integrity mismatch.
bool IsIntegrityError(const Status& status);

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_EXTRACT_H_
