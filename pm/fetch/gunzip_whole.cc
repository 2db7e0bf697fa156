#include "pm/fetch/gunzip_whole.h"

#include <libdeflate.h>

#include <algorithm>
#include <memory>

namespace skua::pm::fetch {
namespace {

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// The output buffer only grows: its pages stay mapped for the thread's next tarball
// instead of being faulted in again for each one.
struct ThreadBuffer {
  std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor;
  std::unique_ptr<char[]> data;
  size_t size = 0;
};

bool IsGzipMember(std::string_view in) {
  // The smallest member: a 10-byte header, an empty deflate block and an 8-byte trailer.
  return in.size() >= 18 && static_cast<unsigned char>(in[0]) == 0x1f &&
         static_cast<unsigned char>(in[1]) == 0x8b;
}

// The size a member's trailer declares (ISIZE, the size modulo 2^32): a first guess only.
size_t DeclaredSize(std::string_view gz) {
  const auto* p = reinterpret_cast<const unsigned char*>(gz.data() + gz.size() - 4);
  return size_t{p[0]} | size_t{p[1]} << 8 | size_t{p[2]} << 16 | size_t{p[3]} << 24;
}

}  // namespace

std::optional<std::string_view> GunzipWhole(std::string_view gz, size_t max_out) {
  thread_local ThreadBuffer buffer;
  if (!IsGzipMember(gz)) return std::nullopt;
  if (!buffer.decompressor) buffer.decompressor.reset(libdeflate_alloc_decompressor());
  if (!buffer.decompressor) return std::nullopt;
  // Sized for the declared total, grown by doubling when members disagree with it.
  size_t want = DeclaredSize(gz) + 1;
  size_t in = 0, out = 0;
  while (in < gz.size()) {
    if (!IsGzipMember(gz.substr(in))) return std::nullopt;
    if (buffer.size < want) {
      if (want > max_out + 1) want = max_out + 1;
      auto grown = std::make_unique_for_overwrite<char[]>(want);
      std::copy(buffer.data.get(), buffer.data.get() + out, grown.get());
      buffer.data = std::move(grown);
      buffer.size = want;
    }
    size_t in_used = 0, out_used = 0;
    libdeflate_result r = libdeflate_gzip_decompress_ex(
        buffer.decompressor.get(), gz.data() + in, gz.size() - in, buffer.data.get() + out,
        buffer.size - out, &in_used, &out_used);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (buffer.size > max_out) return std::nullopt;  // Past the limit: the caller streams.
      want = buffer.size * 2;
      continue;  // The member is inflated again into the larger buffer.
    }
    if (r != LIBDEFLATE_SUCCESS) return std::nullopt;
    in += in_used;
    out += out_used;
    if (out > max_out) return std::nullopt;
  }
  return std::string_view(buffer.data.get(), out);
}

}  // namespace skua::pm::fetch
