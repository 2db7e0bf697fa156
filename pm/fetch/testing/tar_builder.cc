// In-memory tarball construction for tests; see tar_builder.h.
#include "pm/fetch/testing/tar_builder.h"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>

#include "base/check.h"

namespace skua::pm::fetch::testing {
namespace {

la_ssize_t AppendCallback(struct archive*, void* data, const void* buffer, size_t size) {
  static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), size);
  return static_cast<la_ssize_t>(size);
}

void Octal(char* field, size_t width, uint64_t value) {
  // width - 1 digits and a NUL, as ustar writes them.
  snprintf(field, width, "%0*llo", static_cast<int>(width - 1),
           static_cast<unsigned long long>(value));
}

void Checksum(char* header) {
  memset(header + 148, ' ', 8);
  unsigned sum = 0;
  for (int i = 0; i < 512; ++i) sum += static_cast<unsigned char>(header[i]);
  snprintf(header + 148, 8, "%06o", sum);
  header[155] = ' ';
}

std::string Header(const std::string& path, uint64_t size, char type) {
  std::string header(512, '\0');
  CHECK(path.size() < 100);
  memcpy(&header[0], path.data(), path.size());
  Octal(&header[100], 8, 0644);
  Octal(&header[108], 8, 0);
  Octal(&header[116], 8, 0);
  Octal(&header[124], 12, size);
  Octal(&header[136], 12, 0);
  header[156] = type;
  memcpy(&header[257], "ustar  ", 8);  // GNU magic + version (GNU sparse needs it).
  return header;
}

std::string Pad(std::string data) {
  data.resize((data.size() + 511) / 512 * 512, '\0');
  return data;
}

}  // namespace

std::string BuildTarball(const std::vector<TarEntry>& entries, TarFormat format, bool gzip) {
  std::string out;
  struct archive* a = archive_write_new();
  switch (format) {
    case TarFormat::kPax:
      archive_write_set_format_pax_restricted(a);
      break;
    case TarFormat::kGnu:
      archive_write_set_format_gnutar(a);
      break;
    case TarFormat::kUstar:
      archive_write_set_format_ustar(a);
      break;
  }
  if (gzip) archive_write_add_filter_gzip(a);
  archive_write_set_bytes_in_last_block(a, 1);
  CHECK(archive_write_open(a, &out, nullptr, AppendCallback, nullptr) == ARCHIVE_OK);
  for (const TarEntry& e : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.path.c_str());
    archive_entry_set_perm(entry, e.mode);
    archive_entry_set_mtime(entry, 499162500, 0);  // npm's fixed 1985 date.
    switch (e.type) {
      case TarEntry::Type::kFile:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_size(entry, static_cast<la_int64_t>(e.data.size()));
        break;
      case TarEntry::Type::kDirectory:
        archive_entry_set_filetype(entry, AE_IFDIR);
        break;
      case TarEntry::Type::kSymlink:
        archive_entry_set_filetype(entry, AE_IFLNK);
        archive_entry_set_symlink(entry, e.link_target.c_str());
        break;
      case TarEntry::Type::kHardlink:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_hardlink(entry, e.link_target.c_str());
        archive_entry_set_size(entry, 0);
        break;
      case TarEntry::Type::kFifo:
        archive_entry_set_filetype(entry, AE_IFIFO);
        break;
      case TarEntry::Type::kCharDevice:
        archive_entry_set_filetype(entry, AE_IFCHR);
        archive_entry_set_rdev(entry, 0x0103);  // /dev/null's numbers.
        break;
    }
    CHECK(archive_write_header(a, entry) >= ARCHIVE_WARN);
    if (e.type == TarEntry::Type::kFile && !e.data.empty()) {
      CHECK(archive_write_data(a, e.data.data(), e.data.size()) ==
            static_cast<la_ssize_t>(e.data.size()));
    }
    archive_entry_free(entry);
  }
  CHECK(archive_write_close(a) == ARCHIVE_OK);
  archive_write_free(a);
  return out;
}

std::string BuildPackage(const std::vector<std::pair<std::string, std::string>>& files,
                         const std::vector<std::string>& executables) {
  std::vector<TarEntry> entries;
  for (const auto& [path, content] : files) {
    bool exec = false;
    for (const std::string& e : executables) exec = exec || e == path;
    entries.push_back(TarEntry::File("package/" + path, content, exec ? 0755 : 0644));
  }
  return BuildTarball(entries);
}

std::string Gzip(const std::string& data, int level) {
  z_stream z{};
  CHECK(deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string RawTarEntry(const std::string& path, uint64_t declared_size, char type,
                        const std::string& data) {
  std::string header = Header(path, declared_size, type);
  Checksum(header.data());
  return header + Pad(data);
}

std::string RawGnuSparseEntry(const std::string& path, uint64_t real_size,
                              const std::string& data) {
  // The size field holds the stored bytes; the map at 386 lists (offset, length) pairs;
  // the real (logical) size is at 483.
  std::string header = Header(path, data.size(), 'S');
  Octal(&header[386], 12, 0);
  Octal(&header[398], 12, data.size());
  header[482] = '\0';  // No extension headers.
  Octal(&header[483], 12, real_size);
  Checksum(header.data());
  return header + Pad(data);
}

std::string TarEnd() { return std::string(1024, '\0'); }

}  // namespace skua::pm::fetch::testing
