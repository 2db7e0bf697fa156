// Failure path of CHECK: report and abort.
#include "base/check.h"

#include <cstdio>
#include <cstdlib>

namespace skua::internal {

void CheckFailed(const char* file, int line, const char* condition) {
  std::fprintf(stderr, "skua: %s:%d: CHECK failed: %s\n", file, line, condition);
  std::fflush(stderr);
  std::abort();
}

}  // namespace skua::internal
