// Bin reading and linking; rules in bin_links.h.
#include "pm/link/bin_links.h"

#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::link {
namespace {

// Resolves `path` as if rooted at `/` and drops the root: `..` cannot climb out.
std::string NormalizeTarget(std::string_view raw) {
  std::vector<std::string_view> parts;
  std::string path(raw);
  std::replace(path.begin(), path.end(), '\\', '/');
  std::string_view rest = path;
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (std::string_view part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

// The command name for a raw key, or "" when it must be dropped.
std::string NormalizeName(std::string_view raw) {
  std::string name(raw);
  std::replace(name.begin(), name.end(), '\\', '/');
  std::replace(name.begin(), name.end(), ':', '/');
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.empty() || name == "." || name == ".." || name.front() == '@' ||
      name.find('\0') != std::string::npos) {
    return std::string();
  }
  return name;
}

std::string_view Basename(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

void Add(std::map<std::string, std::string>* bins, std::string_view raw_name,
         std::string_view raw_target) {
  std::string name = NormalizeName(raw_name);
  std::string target = NormalizeTarget(raw_target);
  if (name.empty() || target.empty()) return;
  bins->emplace(std::move(name), std::move(target));  // First value of a name wins.
}

}  // namespace

Result<std::vector<BinEntry>> ReadBins(std::string_view package_json,
                                       const std::vector<std::string>& package_files) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(package_json.data(), package_json.size()).get(root) != simdjson::SUCCESS ||
      !root.is_object()) {
    return InvalidArgument("package.json is not a JSON object");
  }
  std::map<std::string, std::string> bins;
  std::string_view name;
  bool has_name = root["name"].get(name) == simdjson::SUCCESS;
  simdjson::dom::element bin;
  if (root["bin"].get(bin) == simdjson::SUCCESS) {
    std::string_view target;
    simdjson::dom::object object;
    simdjson::dom::array array;
    if (bin.get(target) == simdjson::SUCCESS) {
      if (has_name) {
        std::string_view unscoped = name;
        if (!unscoped.empty() && unscoped.front() == '@') unscoped = Basename(unscoped);
        Add(&bins, unscoped, target);
      }
    } else if (bin.get(object) == simdjson::SUCCESS) {
      for (simdjson::dom::key_value_pair field : object) {
        if (field.value.get(target) == simdjson::SUCCESS) Add(&bins, field.key, target);
      }
    } else if (bin.get(array) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : array) {
        if (item.get(target) == simdjson::SUCCESS) Add(&bins, Basename(NormalizeTarget(target)), target);
      }
    }
  } else {
    std::string_view dir;
    if (root["directories"]["bin"].get(dir) == simdjson::SUCCESS) {
      std::string prefix = NormalizeTarget(dir);
      if (!prefix.empty()) prefix += '/';
      for (const std::string& file : package_files) {
        if (file.compare(0, prefix.size(), prefix) != 0) continue;
        std::string_view below = std::string_view(file).substr(prefix.size());
        bool hidden = below.front() == '.' || below.find("/.") != std::string_view::npos;
        if (!hidden) Add(&bins, Basename(below), file);
      }
    }
  }
  std::vector<BinEntry> out;
  for (auto& [bin_name, target] : bins) out.push_back(BinEntry{bin_name, target});
  return out;
}

Result<BinLinker::Outcome> BinLinker::Link(const std::string& bin_dir,
                                           const std::string& package_dir,
                                           const std::vector<BinEntry>& bins) {
  std::string node_modules = bin_dir.substr(0, bin_dir.find_last_of('/'));
  if (package_dir.compare(0, node_modules.size() + 1, node_modules + "/") != 0) {
    return InvalidArgument("package " + package_dir + " is not inside " + node_modules);
  }
  std::string from_bin = "../" + package_dir.substr(node_modules.size() + 1);
  Outcome outcome;
  for (const BinEntry& bin : bins) {
    std::string key = bin_dir + '\0' + bin.name;
    if (linked_.count(key) != 0) {
      outcome.skipped_conflict.push_back(bin.name);
      continue;
    }
    std::string target = fsutil::JoinPath(package_dir, bin.target);
    struct stat st;
    if (stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      outcome.skipped_missing.push_back(bin.name);
      continue;
    }
    if (!made_dirs_.count(bin_dir)) {
      Status made = fsutil::MakeDirs(bin_dir);
      if (!made.ok()) return made;
      made_dirs_.insert(bin_dir);
    }
    // Make the target executable (npm: 0777 & ~umask); a no-op for most published bins.
    if ((st.st_mode & 0111) != 0111 && chmod(target.c_str(), (st.st_mode & 0777) | 0111) != 0) {
      return fsutil::ErrnoStatus("chmod", target, errno);
    }
    // A new name is linked directly; an old link is replaced by one made under a
    // temporary name and renamed over it: never a moment without a working command.
    std::string link_path = fsutil::JoinPath(bin_dir, bin.name);
    std::string link_target = from_bin + "/" + bin.target;
    if (symlink(link_target.c_str(), link_path.c_str()) == 0) {
      linked_.insert(std::move(key));
      outcome.linked.push_back(bin.name);
      continue;
    }
    if (errno != EEXIST) return fsutil::ErrnoStatus("symlink", link_path, errno);
    std::string temp = fsutil::JoinPath(bin_dir, fsutil::UniqueName(".skua-bin-"));
    if (symlink(link_target.c_str(), temp.c_str()) != 0) {
      return fsutil::ErrnoStatus("symlink", temp, errno);
    }
    if (rename(temp.c_str(), link_path.c_str()) != 0) {
      int err = errno;
      unlink(temp.c_str());
      return fsutil::ErrnoStatus("rename", link_path, err);
    }
    linked_.insert(std::move(key));
    outcome.linked.push_back(bin.name);
  }
  return outcome;
}

}  // namespace skua::pm::link
