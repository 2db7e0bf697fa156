// libarchive, opened on first use. libskua_pm.so does not link libarchive: it and the
// nine libraries it needs (nettle, acl, lzma, zstd, lz4, bz2, libxml2, ...), all bound at
// load time, cost every install 1-2.5 ms in the dynamic loader, although an install
// answered from the store never reads or writes a tarball. Instead libarchive_loader.cc
// defines the libarchive functions pm calls (archive_read_new ...) as forwarders to
// libarchive.so.13, opened with dlopen (RTLD_LOCAL) the first time one runs; the same
// arrangement as pm/registry/libcurl_loader.h.
//
// Rules:
//   - Nothing linked into libskua_pm.so may depend on //third_party:libarchive (that would
//     link it). Test helpers may (pm/fetch/testing): the forwarders then reach the
//     already loaded copy.
//   - A function pm starts to call must be added to the list in libarchive_loader.cc;
//     `nm -D --undefined-only libskua_pm.so | grep archive_` must stay empty.
//   - Call LoadLibarchive() before any libarchive function (the forwarders CHECK a
//     successful load). Thread-safe: the load happens once.
#ifndef SKUA_PM_FETCH_LIBARCHIVE_LOADER_H_
#define SKUA_PM_FETCH_LIBARCHIVE_LOADER_H_

#include <string>

namespace skua::pm::fetch {

// Opens libarchive.so.13 and resolves the functions pm uses. On failure returns false and
// sets `error` (dlerror's message, or the missing function).
bool LoadLibarchive(std::string* error);

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_LIBARCHIVE_LOADER_H_
