// The resolution memo's file (resolution_memo.h):
//
//   skua-resolution 1
//   doc <inode> <size> <mtime seconds> <mtime nanoseconds> <max-age> <path>
//   warn <text, with "\\" and "\n" escaped>
//   lockfile <size>
//   <the lockfile's bytes>
#include "pm/cli/resolution_memo.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <utility>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {
namespace {

constexpr std::string_view kHeader = "skua-resolution 1\n";

std::string MemoDir(const std::string& cache_dir) { return fsutil::JoinPath(cache_dir, "resolutions"); }

std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      out += text[++i] == 'n' ? '\n' : text[i];
    } else {
      out += text[i];
    }
  }
  return out;
}

// The next space-separated number of `line`, consumed.
bool TakeNumber(std::string_view* line, int64_t* out) {
  size_t end = line->find(' ');
  std::string_view digits = line->substr(0, end);
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), *out);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return false;
  line->remove_prefix(end == std::string_view::npos ? line->size() : end + 1);
  return true;
}

// Leaves the newest `keep` memos in `dir`.
void Prune(const std::string& dir, size_t keep) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  std::vector<std::pair<int64_t, std::string>> memos;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.empty() || name[0] == '.') continue;
    struct stat st;
    if (fstatat(dirfd(d), name.c_str(), &st, 0) != 0) continue;
    memos.push_back({static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, name});
  }
  closedir(d);
  if (memos.size() <= keep) return;
  std::sort(memos.begin(), memos.end());
  for (size_t i = 0; i + keep < memos.size(); ++i) unlink(fsutil::JoinPath(dir, memos[i].second).c_str());
}

}  // namespace

Status WriteResolutionMemo(const std::string& cache_dir, const std::string& key,
                           const std::vector<MemoDocument>& documents,
                           const std::vector<std::string>& warnings, const std::string& lockfile) {
  std::string text(kHeader);
  for (const MemoDocument& doc : documents) {
    struct stat st;
    if (stat(doc.path.c_str(), &st) != 0 || doc.path.find('\n') != std::string::npos) return Status::Ok();
    text += "doc " + std::to_string(st.st_ino) + " " + std::to_string(st.st_size) + " " +
            std::to_string(st.st_mtim.tv_sec) + " " + std::to_string(st.st_mtim.tv_nsec) + " " +
            std::to_string(doc.max_age) + " " + doc.path + "\n";
  }
  for (const std::string& warning : warnings) text += "warn " + Escape(warning) + "\n";
  text += "lockfile " + std::to_string(lockfile.size()) + "\n";
  text += lockfile;
  std::string dir = MemoDir(cache_dir);
  if (Status made = fsutil::MakeDirs(dir); !made.ok()) return made;
  if (Status wrote = fsutil::WriteFileAtomic(fsutil::JoinPath(dir, key), text); !wrote.ok()) return wrote;
  Prune(dir, kMaxResolutionMemos);
  return Status::Ok();
}

std::optional<ResolutionMemo> ReadResolutionMemo(const std::string& cache_dir, const std::string& key,
                                                 bool ignore_freshness, int64_t now) {
  Result<std::string> text = fsutil::ReadFile(fsutil::JoinPath(MemoDir(cache_dir), key));
  if (!text.ok() || !std::string_view(*text).starts_with(kHeader)) return std::nullopt;
  std::string_view rest = std::string_view(*text).substr(kHeader.size());
  ResolutionMemo memo;
  std::string path;
  while (true) {
    size_t eol = rest.find('\n');
    if (eol == std::string_view::npos) return std::nullopt;  // Truncated.
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol + 1);
    if (line.starts_with("lockfile ")) {
      line.remove_prefix(9);
      int64_t size = 0;
      if (!TakeNumber(&line, &size) || static_cast<size_t>(size) != rest.size()) return std::nullopt;
      memo.lockfile = std::string(rest);
      return memo;
    }
    if (line.starts_with("warn ")) {
      memo.warnings.push_back(Unescape(line.substr(5)));
      continue;
    }
    if (!line.starts_with("doc ")) return std::nullopt;
    line.remove_prefix(4);
    int64_t ino = 0, size = 0, sec = 0, nsec = 0, max_age = 0;
    if (!TakeNumber(&line, &ino) || !TakeNumber(&line, &size) || !TakeNumber(&line, &sec) ||
        !TakeNumber(&line, &nsec) || !TakeNumber(&line, &max_age) || line.empty()) {
      return std::nullopt;
    }
    path.assign(line);
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || static_cast<int64_t>(st.st_ino) != ino || st.st_size != size ||
        st.st_mtim.tv_sec != sec || st.st_mtim.tv_nsec != nsec) {
      return std::nullopt;  // Replaced, revalidated or gone: the registry may say more.
    }
    // The client's rule (CachedDocument::IsFresh): the file's mtime is its fetch time.
    if (!ignore_freshness && !(max_age > 0 && now - sec < max_age)) return std::nullopt;
    ++memo.documents;
  }
}

void RemoveResolutionMemo(const std::string& cache_dir, const std::string& key) {
  unlink(fsutil::JoinPath(MemoDir(cache_dir), key).c_str());
}

}  // namespace skua::pm::cli
