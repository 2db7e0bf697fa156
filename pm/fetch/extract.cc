// The one-pass hash + gunzip + untar job; rules in extract.h.
#include "pm/fetch/extract.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "pm/fetch/gunzip_whole.h"
#include "pm/fetch/libarchive_loader.h"
#include "pm/fetch/staging_writer.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::fetch {
namespace {

constexpr std::string_view kIntegrityCode = "EINTEGRITY";

// Tarballs up to this size are read whole and, when they inflate to at most
// kWholeTarLimit, gunzipped in one call (gunzip_whole.h); larger ones stream.
constexpr size_t kWholeCompressedLimit = size_t{8} << 20;
constexpr size_t kWholeTarLimit = size_t{64} << 20;

// The hashing read side: every byte libarchive (or the final drain) takes from the
// source passes through the digests exactly once.
struct HashingReader {
  explicit HashingReader(ByteSource* s) : source(s) {}

  ByteSource* source;
  Hasher sha512{HashAlgorithm::kSha512};
  std::optional<Hasher> expected;  // Only when the expected algorithm is not sha512.
  uint64_t bytes = 0;
  bool at_end = false;
  Status error;
  std::string replay;      // Bytes read (and hashed) ahead, served again first.
  bool replayed = false;

  // Reads ahead into `replay` while it stays within `limit`; true when that reached the
  // end of the source.
  bool ReadAhead(size_t limit) {
    while (replay.size() <= limit) {
      std::string_view chunk = Pull();
      if (chunk.empty()) return at_end;
      replay.append(chunk);
    }
    return false;
  }

  // Returns the next chunk or an empty view at the end / on error (see `error`).
  std::string_view Next() {
    if (!replayed) {
      replayed = true;
      if (!replay.empty()) return replay;
    }
    return Pull();
  }

 private:
  std::string_view Pull() {
    if (at_end || !error.ok()) return {};
    Result<std::string_view> chunk = source->Read();
    if (!chunk.ok()) {
      error = chunk.status();
      return {};
    }
    if (chunk->empty()) {
      at_end = true;
      return {};
    }
    sha512.Update(chunk->data(), chunk->size());
    if (expected) expected->Update(chunk->data(), chunk->size());
    bytes += chunk->size();
    return *chunk;
  }
};

la_ssize_t ReadCallback(struct archive* archive, void* data, const void** buffer) {
  auto* reader = static_cast<HashingReader*>(data);
  std::string_view chunk = reader->Next();
  if (!reader->error.ok()) {
    archive_set_error(archive, EIO, "%s", reader->error.message().c_str());
    return -1;
  }
  *buffer = chunk.data();
  return static_cast<la_ssize_t>(chunk.size());
}

// Serves an inflated tarball to libarchive in one piece.
la_ssize_t ReadTarCallback(struct archive*, void* data, const void** buffer) {
  auto* tar = static_cast<std::string_view*>(data);
  *buffer = tar->data();
  la_ssize_t size = static_cast<la_ssize_t>(tar->size());
  *tar = {};
  return size;
}

struct ArchiveDeleter {
  void operator()(struct archive* a) const { archive_read_free(a); }
};

class Extraction {
 public:
  Extraction(const ExtractOptions& options, internal::StagingWriter* writer)
      : options_(options), writer_(writer) {}

  // Reads the archive through `read(data)`.
  Status Run(void* data, archive_read_callback* read, ExtractResult* result);

 private:
  Status Fail(std::string_view code, const std::string& detail) const {
    std::string package = options_.package.empty() ? "tarball" : options_.package;
    return InvalidArgument(std::string(code) + ": " + package + ": " + detail);
  }
  Status ArchiveError(struct archive* a) const {
    const char* text = archive_error_string(a);
    return Fail("ETARBAD", std::string("corrupt or truncated tarball: ") +
                               (text ? text : "unknown libarchive error"));
  }
  Status ExtractFile(struct archive* a, struct archive_entry* entry, std::string rel,
                     ExtractResult* result);
  // Applies pacote's .gitignore → .npmignore rename; false when the entry is dropped.
  bool RenameIgnoreFile(std::string* rel);

  const ExtractOptions& options_;
  internal::StagingWriter* writer_;
  std::unordered_map<std::string, size_t> file_index_;  // path → index in result->files.
  std::unordered_set<std::string> seen_npmignore_;
};

bool Extraction::RenameIgnoreFile(std::string* rel) {
  size_t slash = rel->rfind('/');
  std::string_view base = slash == std::string::npos ? std::string_view(*rel)
                                                     : std::string_view(*rel).substr(slash + 1);
  if (base == ".npmignore") {
    seen_npmignore_.insert(*rel);
  } else if (base == ".gitignore") {
    std::string renamed = rel->substr(0, rel->size() - base.size()) + ".npmignore";
    if (seen_npmignore_.count(renamed) != 0) return false;
    *rel = std::move(renamed);
  }
  return true;
}

Status Extraction::ExtractFile(struct archive* a, struct archive_entry* entry, std::string rel,
                               ExtractResult* result) {
  int64_t declared = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
  if (declared < 0 ||
      static_cast<uint64_t>(declared) > options_.max_unpacked_bytes - result->unpacked_bytes) {
    return Fail("ETARBOMB", "unpacked size exceeds the limit of " +
                                std::to_string(options_.max_unpacked_bytes) + " bytes (at \"" +
                                rel + "\", which declares " + std::to_string(declared) + ")");
  }
  result->unpacked_bytes += static_cast<uint64_t>(declared);
  mode_t mode = (archive_entry_perm(entry) & 0111) != 0 ? 0755 : 0644;
  Result<int> fd = writer_->OpenFile(rel, mode);
  if (!fd.ok()) {
    if (fd.status().code() == StatusCode::kInvalidArgument) {
      return Fail("ETARPATH", fd.status().message());
    }
    return fd.status();
  }

  Status status;
  int64_t end = 0;
  while (true) {
    const void* block;
    size_t size;
    la_int64_t offset;
    int r = archive_read_data_block(a, &block, &size, &offset);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      status = ArchiveError(a);
      break;
    }
    if (offset < 0 || offset + static_cast<int64_t>(size) > declared) {
      status = Fail("ETARBAD", "entry \"" + rel + "\" has more data than its header declares");
      break;
    }
    const char* p = static_cast<const char*>(block);
    size_t left = size;
    while (left > 0) {
      ssize_t n = pwrite(*fd, p, left, offset);
      if (n < 0) {
        if (errno == EINTR) continue;
        status = fsutil::ErrnoStatus("write", fsutil::JoinPath(writer_->root(), rel), errno);
        break;
      }
      p += n;
      offset += n;
      left -= static_cast<size_t>(n);
    }
    if (!status.ok()) break;
    end = std::max<int64_t>(end, offset);
  }
  // A sparse entry's trailing hole is not delivered as data.
  if (status.ok() && end < declared && ftruncate(*fd, declared) != 0) {
    status = fsutil::ErrnoStatus("truncate", fsutil::JoinPath(writer_->root(), rel), errno);
  }
  close(*fd);
  if (!status.ok()) return status;

  ExtractedFile file{std::move(rel), static_cast<uint32_t>(mode), static_cast<uint64_t>(declared)};
  auto [it, inserted] = file_index_.emplace(file.path, result->files.size());
  if (inserted) {
    result->files.push_back(std::move(file));
  } else {
    result->files[it->second] = std::move(file);  // Duplicate entry: the later one won.
  }
  return Status::Ok();
}

Status Extraction::Run(void* data, archive_read_callback* read, ExtractResult* result) {
  if (std::string error; !LoadLibarchive(&error)) return IoError("cannot load libarchive: " + error);
  std::unique_ptr<struct archive, ArchiveDeleter> a(archive_read_new());
  // Only tar and gzip: every other libarchive reader is attack surface npm never needs.
  archive_read_support_format_tar(a.get());
  archive_read_support_filter_gzip(a.get());
  // Some published tarballs are several tar streams back to back (bun enables this too).
  archive_read_set_options(a.get(), "tar:read_concatenated_archives");
  if (archive_read_open(a.get(), data, nullptr, read, nullptr) != ARCHIVE_OK) {
    return ArchiveError(a.get());
  }
  uint64_t entries = 0;
  while (true) {
    struct archive_entry* entry;
    int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) return ArchiveError(a.get());
    if (++entries > options_.max_entries) {
      return Fail("ETARBOMB", "more than " + std::to_string(options_.max_entries) +
                                  " entries in the tarball");
    }
    if (archive_entry_hardlink(entry) != nullptr || archive_entry_filetype(entry) == AE_IFLNK) {
      ++result->skipped_links;  // npm/pacote never extract links.
      continue;
    }
    mode_t type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) continue;  // Parents are created implicitly, as by pacote.
    if (type != AE_IFREG) {
      ++result->skipped_special;
      continue;
    }
    const char* raw = archive_entry_pathname(entry);
    if (raw == nullptr) return Fail("ETARPATH", "an entry has no readable path");
    Result<std::string> rel = SanitizeEntryPath(raw, options_.path_limits);
    if (!rel.ok()) return Fail("ETARPATH", rel.status().message());
    if (rel->empty()) continue;
    std::string path = std::move(rel).value();
    if (!RenameIgnoreFile(&path)) continue;
    Status status = ExtractFile(a.get(), entry, std::move(path), result);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace

bool IsIntegrityError(const Status& status) {
  return status.message().compare(0, kIntegrityCode.size(), kIntegrityCode) == 0;
}

Result<ExtractResult> ExtractTarball(ByteSource& source, const std::string& dest_dir,
                                     const ExtractOptions& options) {
  HashingReader reader(&source);
  bool check_other = !options.integrity.empty() &&
                     options.integrity.algorithm != HashAlgorithm::kSha512;
  if (check_other) reader.expected.emplace(options.integrity.algorithm);

  ExtractResult result;
  Status status;
  {
    Result<std::unique_ptr<internal::StagingWriter>> writer =
        internal::StagingWriter::Create(dest_dir);
    if (!writer.ok()) return writer.status();
    Extraction extraction(options, writer->get());
    std::optional<std::string_view> tar;
    if (reader.ReadAhead(kWholeCompressedLimit)) tar = GunzipWhole(reader.replay, kWholeTarLimit);
    if (tar) {
      status = extraction.Run(&*tar, ReadTarCallback, &result);
    } else {
      status = extraction.Run(&reader, ReadCallback, &result);
    }
  }
  // libarchive may stop before the end (tar end-of-archive blocks, or an error): the
  // digest must still cover every byte, so drain the rest.
  while (reader.error.ok() && !reader.at_end) reader.Next();
  // A failed source (a broken download) is the cause of whatever libarchive reported.
  if (!reader.error.ok()) status = reader.error;

  result.sha512 = reader.sha512.Finish();
  result.integrity = ToSri(HashAlgorithm::kSha512, result.sha512);
  result.compressed_bytes = reader.bytes;
  if (!options.integrity.empty() && reader.error.ok()) {
    std::string actual = check_other ? reader.expected->Finish() : result.sha512;
    const std::vector<std::string>& wanted = options.integrity.digests;
    result.matched_digest = actual;
    if (std::find(wanted.begin(), wanted.end(), actual) == wanted.end()) {
      status = InvalidArgument(std::string(kIntegrityCode) + ": integrity check failed for " +
                               options.package + ": wanted " + options.integrity.ToString() +
                               " but got " + ToSri(options.integrity.algorithm, actual));
    }
  }
  if (!status.ok()) {
    Status removed = fsutil::RemoveTree(dest_dir);
    (void)removed;  // The extraction error is the one to report.
    return status;
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const ExtractedFile& a, const ExtractedFile& b) { return a.path < b.path; });
  return result;
}

}  // namespace skua::pm::fetch
