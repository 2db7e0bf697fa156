// The embedded stdlib: one entry per stdlib/**/*.js file, generated at build time by
// tools/js2c.py. Plain data, no V8.
#ifndef SKUA_RUNTIME_CORE_BUILTIN_SOURCES_H_
#define SKUA_RUNTIME_CORE_BUILTIN_SOURCES_H_

#include <cstddef>

namespace skua {

struct BuiltinSource {
  const char* id;    // "events", "internal/errors", ...
  const char* data;  // UTF-8 source text.
  size_t size;
  bool ascii;        // All bytes < 0x80: usable as an external one-byte V8 string.
};

extern const BuiltinSource kBuiltinSources[];
extern const size_t kBuiltinSourceCount;

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_BUILTIN_SOURCES_H_
