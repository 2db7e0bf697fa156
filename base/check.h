// Invariant checks: CHECK is always on, DCHECK only in debug builds. A failed check is a
// bug in skua, never a user error, so it prints where and aborts.
#ifndef SKUA_BASE_CHECK_H_
#define SKUA_BASE_CHECK_H_

namespace skua::internal {
[[noreturn]] void CheckFailed(const char* file, int line, const char* condition);
}  // namespace skua::internal

#define CHECK(condition)                                                 \
  do {                                                                   \
    if (!(condition)) [[unlikely]]                                       \
      ::skua::internal::CheckFailed(__FILE__, __LINE__, #condition);     \
  } while (0)

#define CHECK_EQ(a, b) CHECK((a) == (b))
#define CHECK_NE(a, b) CHECK((a) != (b))
#define CHECK_GE(a, b) CHECK((a) >= (b))

#ifdef NDEBUG
#define DCHECK(condition) \
  do {                    \
  } while (0)
#else
#define DCHECK(condition) CHECK(condition)
#endif

#define UNREACHABLE() ::skua::internal::CheckFailed(__FILE__, __LINE__, "unreachable")

#endif  // SKUA_BASE_CHECK_H_
