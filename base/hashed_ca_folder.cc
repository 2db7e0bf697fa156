// See hashed_ca_folder.h.
#include "base/hashed_ca_folder.h"

#include <dirent.h>

#include <string_view>

namespace skua {

bool HasHashedCaLinks(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return false;
  bool found = false;
  while (!found) {
    struct dirent* entry = readdir(d);
    if (entry == nullptr) break;
    std::string_view name = entry->d_name;
    found = name.size() == 10 && name.ends_with(".0") &&
            name.substr(0, 8).find_first_not_of("0123456789abcdef") == std::string_view::npos;
  }
  closedir(d);
  return found;
}

}  // namespace skua
