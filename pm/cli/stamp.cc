#include "pm/cli/stamp.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

constexpr char kHeader[] = "skua-state 1\n";

std::string StatePath(const std::string& project_dir) {
  return JoinPath(project_dir, "node_modules/.skua/state");
}

// "<seconds>.<nanoseconds>" of a folder's mtime, or "" when it cannot be read.
std::string MtimeOf(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%lld.%09ld", static_cast<long long>(st.st_mtim.tv_sec),
                static_cast<long>(st.st_mtim.tv_nsec));
  return buf;
}

}  // namespace

void StampKey::Add(std::string_view part) {
  data_ += std::to_string(part.size());
  data_ += ':';
  data_ += part;
}

void StampKey::AddFile(const std::string& path) {
  Result<std::string> text = fsutil::ReadFile(path);
  if (text.ok()) {
    Add("file");
    Add(*text);
  } else {
    Add("missing");
  }
}

// Two independent 64-bit multiply-rotate lanes over 8-byte words, each finished with
// MurmurHash3's fmix64. The stamp only has to notice accidental changes, never resist an
// attacker (whoever can write node_modules/.skua/state can write node_modules), so a
// cryptographic hash is not needed: SHA-256 through OpenSSL's EVP (provider fetch plus
// ~15 instructions a byte over both lockfiles) was a third of a no-op install.
std::string StampKey::Hex() const {
  auto rotl = [](uint64_t x, int r) { return (x << r) | (x >> (64 - r)); };
  auto fmix = [](uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    return k ^ (k >> 33);
  };
  const char* p = data_.data();
  size_t n = data_.size();
  uint64_t a = 0x9e3779b97f4a7c15ULL ^ n, b = 0x243f6a8885a308d3ULL + n;
  auto mix = [&](uint64_t w) {
    a = rotl((a ^ w) * 0x87c37b91114253d5ULL, 31);
    b = rotl(b + w, 27) * 0x4cf5ad432745937fULL + 0x52dce729;
  };
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    mix(w);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  mix(tail ^ (static_cast<uint64_t>(n) << 56));
  char out[33];
  std::snprintf(out, sizeof(out), "%016llx%016llx", static_cast<unsigned long long>(fmix(a ^ b)),
                static_cast<unsigned long long>(fmix(b + rotl(a, 17))));
  return out;
}

bool StampUpToDate(const std::string& project_dir, const std::string& key) {
  Result<std::string> text = fsutil::ReadFile(StatePath(project_dir));
  if (!text.ok()) return false;
  std::string_view s = *text;
  std::string expected_key = std::string("key ") + key + "\n";
  if (s.substr(0, sizeof(kHeader) - 1) != kHeader) return false;
  s.remove_prefix(sizeof(kHeader) - 1);
  if (s.substr(0, expected_key.size()) != expected_key) return false;
  s.remove_prefix(expected_key.size());
  bool saw_node_modules = false;
  while (!s.empty()) {
    size_t end = s.find('\n');
    if (end == std::string_view::npos) return false;  // Truncated.
    std::string_view line = s.substr(0, end);
    s.remove_prefix(end + 1);
    if (line.substr(0, 4) != "dir ") return false;
    line.remove_prefix(4);
    size_t space = line.find(' ');
    if (space == std::string_view::npos) return false;
    std::string folder(line.substr(space + 1));
    if (folder.empty() || folder.find("..") != std::string::npos) return false;
    if (MtimeOf(JoinPath(project_dir, folder)) != line.substr(0, space)) return false;
    saw_node_modules = saw_node_modules || folder == "node_modules";
  }
  return saw_node_modules;
}

Status WriteStamp(const std::string& project_dir, const std::string& key,
                  const std::vector<std::string>& folders) {
  if (Status made = fsutil::MakeDirs(JoinPath(project_dir, "node_modules/.skua")); !made.ok()) return made;
  std::string out = kHeader;
  out += "key " + key + "\n";
  for (const std::string& folder : folders) {
    std::string mtime = MtimeOf(JoinPath(project_dir, folder));
    if (!mtime.empty()) out += "dir " + mtime + " " + folder + "\n";
  }
  return fsutil::WriteFileAtomic(StatePath(project_dir), out);
}

void RemoveStamp(const std::string& project_dir) { unlink(StatePath(project_dir).c_str()); }

std::vector<std::string> StampFolders(const std::vector<std::string>& locations) {
  std::set<std::string> folders = {"node_modules"};
  for (const std::string& location : locations) {
    size_t slash = location.rfind('/');
    if (slash == std::string::npos) continue;
    std::string parent = location.substr(0, slash);
    folders.insert(parent);
    // "…/node_modules/@scope": the scope folder's own parent too.
    size_t scope = parent.rfind('/');
    if (scope != std::string::npos && parent[scope + 1] == '@') folders.insert(parent.substr(0, scope));
  }
  return {folders.begin(), folders.end()};
}

}  // namespace skua::pm::cli
