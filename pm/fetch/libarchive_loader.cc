// Forwarders for the libarchive functions pm calls, to libarchive.so.13 opened with dlopen
// the first time one of them runs (see libarchive_loader.h for why).
#include "pm/fetch/libarchive_loader.h"

#include <archive.h>
#include <archive_entry.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "base/check.h"
#include "base/shared_library.h"

#define SKUA_PM_ARCHIVE_FUNCTIONS(V)     \
  V(archive_error_string)                \
  V(archive_set_error)                   \
  V(archive_read_new)                    \
  V(archive_read_support_format_tar)     \
  V(archive_read_support_filter_gzip)    \
  V(archive_read_set_options)            \
  V(archive_read_open)                   \
  V(archive_read_next_header)            \
  V(archive_read_data_block)             \
  V(archive_read_free)                   \
  V(archive_write_new)                   \
  V(archive_write_add_filter_gzip)       \
  V(archive_write_set_filter_option)     \
  V(archive_write_set_format_pax_restricted) \
  V(archive_write_set_bytes_in_last_block) \
  V(archive_write_open)                  \
  V(archive_write_header)                \
  V(archive_write_data)                  \
  V(archive_write_close)                 \
  V(archive_write_free)                  \
  V(archive_entry_new)                   \
  V(archive_entry_free)                  \
  V(archive_entry_pathname)              \
  V(archive_entry_hardlink)              \
  V(archive_entry_filetype)              \
  V(archive_entry_perm)                  \
  V(archive_entry_size)                  \
  V(archive_entry_size_is_set)           \
  V(archive_entry_set_pathname)          \
  V(archive_entry_set_filetype)          \
  V(archive_entry_set_perm)              \
  V(archive_entry_set_size)              \
  V(archive_entry_set_mtime)             \
  V(archive_entry_set_uid)               \
  V(archive_entry_set_gid)

namespace skua::pm::fetch {
namespace {

struct ArchiveApi {
#define SKUA_PM_FIELD(name) decltype(&::name) name = nullptr;
  SKUA_PM_ARCHIVE_FUNCTIONS(SKUA_PM_FIELD)
#undef SKUA_PM_FIELD
  std::string error;  // Empty once every function was found.
  bool loaded() const { return error.empty(); }
};

// Opened once, on the first call from any thread (a function-local static).
const ArchiveApi& Library() {
  static const ArchiveApi api = [] {
    ArchiveApi a;
#define SKUA_PM_SYMBOL(name) SKUA_SHARED_LIBRARY_SYMBOL(a, name)
    a.error = OpenSharedLibrary("libarchive.so.13", {SKUA_PM_ARCHIVE_FUNCTIONS(SKUA_PM_SYMBOL)});
#undef SKUA_PM_SYMBOL
    return a;
  }();
  return api;
}

const ArchiveApi& Archive() {
  const ArchiveApi& api = Library();
  CHECK(api.loaded());
  return api;
}

}  // namespace

bool LoadLibarchive(std::string* error) {
  const ArchiveApi& api = Library();
  if (!api.loaded()) *error = api.error;
  return api.loaded();
}

}  // namespace skua::pm::fetch

using skua::pm::fetch::Archive;

extern "C" {

const char* archive_error_string(struct archive* a) { return Archive().archive_error_string(a); }

// The message is formatted here: a va_list cannot be handed on to a variadic function.
void archive_set_error(struct archive* a, int err, const char* fmt, ...) {
  char message[1024];
  va_list args;
  va_start(args, fmt);
  vsnprintf(message, sizeof(message), fmt, args);
  va_end(args);
  Archive().archive_set_error(a, err, "%s", message);
}

struct archive* archive_read_new(void) { return Archive().archive_read_new(); }
int archive_read_support_format_tar(struct archive* a) {
  return Archive().archive_read_support_format_tar(a);
}
int archive_read_support_filter_gzip(struct archive* a) {
  return Archive().archive_read_support_filter_gzip(a);
}
int archive_read_set_options(struct archive* a, const char* options) {
  return Archive().archive_read_set_options(a, options);
}
int archive_read_open(struct archive* a, void* data, archive_open_callback* open,
                      archive_read_callback* read, archive_close_callback* close) {
  return Archive().archive_read_open(a, data, open, read, close);
}
int archive_read_next_header(struct archive* a, struct archive_entry** entry) {
  return Archive().archive_read_next_header(a, entry);
}
int archive_read_data_block(struct archive* a, const void** buffer, size_t* size,
                            la_int64_t* offset) {
  return Archive().archive_read_data_block(a, buffer, size, offset);
}
int archive_read_free(struct archive* a) { return Archive().archive_read_free(a); }

struct archive* archive_write_new(void) { return Archive().archive_write_new(); }
int archive_write_add_filter_gzip(struct archive* a) {
  return Archive().archive_write_add_filter_gzip(a);
}
int archive_write_set_filter_option(struct archive* a, const char* module, const char* option,
                                    const char* value) {
  return Archive().archive_write_set_filter_option(a, module, option, value);
}
int archive_write_set_format_pax_restricted(struct archive* a) {
  return Archive().archive_write_set_format_pax_restricted(a);
}
int archive_write_set_bytes_in_last_block(struct archive* a, int bytes) {
  return Archive().archive_write_set_bytes_in_last_block(a, bytes);
}
int archive_write_open(struct archive* a, void* data, archive_open_callback* open,
                       archive_write_callback* write, archive_close_callback* close) {
  return Archive().archive_write_open(a, data, open, write, close);
}
int archive_write_header(struct archive* a, struct archive_entry* entry) {
  return Archive().archive_write_header(a, entry);
}
la_ssize_t archive_write_data(struct archive* a, const void* data, size_t size) {
  return Archive().archive_write_data(a, data, size);
}
int archive_write_close(struct archive* a) { return Archive().archive_write_close(a); }
int archive_write_free(struct archive* a) { return Archive().archive_write_free(a); }

struct archive_entry* archive_entry_new(void) { return Archive().archive_entry_new(); }
void archive_entry_free(struct archive_entry* e) { Archive().archive_entry_free(e); }
const char* archive_entry_pathname(struct archive_entry* e) {
  return Archive().archive_entry_pathname(e);
}
const char* archive_entry_hardlink(struct archive_entry* e) {
  return Archive().archive_entry_hardlink(e);
}
__LA_MODE_T archive_entry_filetype(struct archive_entry* e) {
  return Archive().archive_entry_filetype(e);
}
__LA_MODE_T archive_entry_perm(struct archive_entry* e) { return Archive().archive_entry_perm(e); }
la_int64_t archive_entry_size(struct archive_entry* e) { return Archive().archive_entry_size(e); }
int archive_entry_size_is_set(struct archive_entry* e) {
  return Archive().archive_entry_size_is_set(e);
}
void archive_entry_set_pathname(struct archive_entry* e, const char* path) {
  Archive().archive_entry_set_pathname(e, path);
}
void archive_entry_set_filetype(struct archive_entry* e, unsigned int type) {
  Archive().archive_entry_set_filetype(e, type);
}
void archive_entry_set_perm(struct archive_entry* e, __LA_MODE_T perm) {
  Archive().archive_entry_set_perm(e, perm);
}
void archive_entry_set_size(struct archive_entry* e, la_int64_t size) {
  Archive().archive_entry_set_size(e, size);
}
void archive_entry_set_mtime(struct archive_entry* e, time_t seconds, long nanoseconds) {
  Archive().archive_entry_set_mtime(e, seconds, nanoseconds);
}
void archive_entry_set_uid(struct archive_entry* e, la_int64_t uid) {
  Archive().archive_entry_set_uid(e, uid);
}
void archive_entry_set_gid(struct archive_entry* e, la_int64_t gid) {
  Archive().archive_entry_set_gid(e, gid);
}

}  // extern "C"
