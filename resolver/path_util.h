// POSIX path helpers with the semantics of Node's `path.posix` (resolve, dirname,
// normalize): the resolver builds every candidate path with these so its strings match
// Node's byte for byte.
#ifndef SKUA_RESOLVER_PATH_UTIL_H_
#define SKUA_RESOLVER_PATH_UTIL_H_

#include <string>
#include <string_view>

namespace skua::resolver::internal {

bool IsAbsolutePath(std::string_view path);

// `path.normalize`: collapses `//`, `.` and `..`; keeps a trailing slash; "" → ".".
std::string NormalizePath(std::string_view path);

// `path.resolve(base, path)` for an absolute `base`: the result is absolute, normalized
// and has no trailing slash (except "/").
std::string ResolvePath(std::string_view base, std::string_view path);

// `path.dirname`: "/a/b" → "/a", "/a" → "/", "/" → "/".
std::string DirName(std::string_view path);

// The final component: "/a/b.js" → "b.js".
std::string_view BaseName(std::string_view path);

// `path.extname` of the last component: "/a/b.c.js" → ".js", "/a/.rc" → "".
std::string_view ExtName(std::string_view path);

// Node's `isRelative` of the CommonJS loader: ".", "..", "./…", "../…".
bool IsRelativeRequest(std::string_view request);

}  // namespace skua::resolver::internal

#endif  // SKUA_RESOLVER_PATH_UTIL_H_
