#include "pm/cli/stamp.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
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

bool StampPresent(const std::string& project_dir) { return fsutil::Exists(StatePath(project_dir)); }

static uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// MurmurHash3's fmix64.
static uint64_t Fmix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  return k ^ (k >> 33);
}

void StampKey::Add(std::string_view part) {
  std::string prefix = std::to_string(part.size()) + ":";
  Feed(prefix.data(), prefix.size());
  Feed(part.data(), part.size());
}

void StampKey::AddFile(const std::string& path) {
  // One read into a buffer of the file's size (fsutil::ReadFile grows its string in
  // 64 KiB steps, a measurable share of a no-op install over two large lockfiles).
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    if (fd >= 0) close(fd);
    Add("missing");
    return;
  }
  // One byte more than the file's size, so that end of file is seen without growing.
  size_t capacity = static_cast<size_t>(st.st_size) + 1;
  std::unique_ptr<char[]> text(new char[capacity]);
  size_t got = 0;
  while (got < capacity) {
    ssize_t n = read(fd, text.get() + got, capacity - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      Add("missing");
      return;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  close(fd);
  Add("file");
  if (got < capacity) {
    Add(std::string_view(text.get(), got));
    return;
  }
  // The file grew while it was read: take it whole the slow way.
  Result<std::string> whole = fsutil::ReadFile(path);
  Add(whole.ok() ? *whole : std::string());
}

// Two independent 64-bit multiply-rotate lanes over 8-byte words, each finished with
// MurmurHash3's fmix64. The stamp only has to notice accidental changes, never resist an
// attacker (whoever can write node_modules/.skua/state can write node_modules), so a
// cryptographic hash is not needed: SHA-256 through OpenSSL's EVP (provider fetch plus
// ~15 instructions a byte over both lockfiles) was a third of a no-op install.
void StampKey::Mix(uint64_t w) {
  a_ = Rotl((a_ ^ w) * 0x87c37b91114253d5ULL, 31);
  b_ = Rotl(b_ + w, 27) * 0x4cf5ad432745937fULL + 0x52dce729;
}

void StampKey::Feed(const char* p, size_t n) {
  total_ += n;
  if (pending_size_ > 0) {
    size_t take = std::min(n, sizeof(pending_) - pending_size_);
    std::memcpy(pending_ + pending_size_, p, take);
    pending_size_ += take;
    p += take;
    n -= take;
    if (pending_size_ < sizeof(pending_)) return;
    uint64_t w;
    std::memcpy(&w, pending_, 8);
    Mix(w);
    pending_size_ = 0;
  }
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    Mix(w);
  }
  std::memcpy(pending_, p, n);
  pending_size_ = n;
}

std::string StampKey::Hex() const {
  StampKey end = *this;
  uint64_t tail = 0;
  std::memcpy(&tail, pending_, pending_size_);
  end.Mix(tail ^ (static_cast<uint64_t>(pending_size_) << 56));
  end.Mix(total_);
  char out[33];
  std::snprintf(out, sizeof(out), "%016llx%016llx", static_cast<unsigned long long>(Fmix(end.a_ ^ end.b_)),
                static_cast<unsigned long long>(Fmix(end.b_ + Rotl(end.a_, 17))));
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
    // The package folder too: npm's hidden lockfile is stale once a package folder is
    // newer (arborist's assertNoNewer), and npm then repairs a lost package.json.
    folders.insert(location);
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
