// Helpers shared by the extraction tests: a fresh temporary directory per test and small
// file inspection functions.
#ifndef SKUA_PM_FETCH_EXTRACT_TEST_UTIL_H_
#define SKUA_PM_FETCH_EXTRACT_TEST_UTIL_H_

#include <dirent.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>
#include <vector>
#include <algorithm>

#include "base/check.h"
#include "pm/fetch/digest.h"
#include "pm/fetch/extract.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::fetch {

inline std::string MakeTempDir() {
  const char* base = getenv("TEST_TMPDIR");
  std::string pattern = std::string(base ? base : "/tmp") + "/extract-XXXXXX";
  CHECK(mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

inline std::string ReadOrEmpty(const std::string& path) {
  Result<std::string> data = fsutil::ReadFile(path);
  return data.ok() ? *data : std::string("<missing>");
}

inline mode_t ModeOf(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0 ? st.st_mode : 0;
}

// Every path below `root`, relative, sorted; directories end in '/'.
inline void ListTree(const std::string& root, const std::string& rel,
                     std::vector<std::string>* out) {
  DIR* dir = opendir((rel.empty() ? root : root + "/" + rel).c_str());
  if (dir == nullptr) return;
  while (struct dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string child = rel.empty() ? name : rel + "/" + name;
    if (S_ISDIR(ModeOf(root + "/" + child))) {
      out->push_back(child + "/");
      ListTree(root, child, out);
    } else {
      out->push_back(child);
    }
  }
  closedir(dir);
  std::sort(out->begin(), out->end());
}

inline std::vector<std::string> ListTree(const std::string& root) {
  std::vector<std::string> out;
  ListTree(root, "", &out);
  return out;
}

inline ExpectedIntegrity Sha512Of(const std::string& data) {
  Hasher hasher(HashAlgorithm::kSha512);
  hasher.Update(data.data(), data.size());
  ExpectedIntegrity expected;
  expected.digests.push_back(hasher.Finish());
  return expected;
}

inline Result<ExtractResult> ExtractBytes(const std::string& tarball, const std::string& dest,
                                          ExtractOptions options = {}, size_t chunk = 1 << 20) {
  if (options.package.empty()) options.package = "pkg@1.0.0";
  MemorySource source(tarball, chunk);
  return ExtractTarball(source, dest, options);
}

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_EXTRACT_TEST_UTIL_H_
