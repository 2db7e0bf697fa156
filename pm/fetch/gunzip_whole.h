// Whole-buffer gunzip for small tarballs: libdeflate inflates a buffer several times faster
// than zlib's streaming inflate (the largest CPU cost of a cold install). The extractor
// uses it when the whole compressed tarball is in memory and falls back to libarchive's
// streaming gzip filter for anything this declines, so the checks and error messages of
// the streaming path stay the only ones.
#ifndef SKUA_PM_FETCH_GUNZIP_WHOLE_H_
#define SKUA_PM_FETCH_GUNZIP_WHOLE_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace skua::pm::fetch {

// Inflates every gzip member of `gz` (one or more, back to back) into a buffer owned by
// the calling thread and reused by its next call. nullopt when `gz` is not exactly a
// sequence of valid gzip members or inflates to more than `max_out` bytes.
// Rules: the view is valid until this thread's next call.
std::optional<std::string_view> GunzipWhole(std::string_view gz, size_t max_out);

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_GUNZIP_WHOLE_H_
