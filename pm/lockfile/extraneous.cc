#include "pm/lockfile/extraneous.h"

#include <algorithm>
#include <string>
#include <vector>

namespace skua::pm::lockfile {

int DropExtraneous(Lockfile& lock) {
  std::vector<std::string> dropped;
  auto below_dropped = [&](const std::string& location) {
    return std::any_of(dropped.begin(), dropped.end(), [&](const std::string& d) { return IsInside(location, d); });
  };
  size_t before = lock.packages.size();
  std::erase_if(lock.packages, [&](const LockEntry& e) {
    if (e.location.empty()) return false;
    if (!e.meta.GetBool("extraneous") && !below_dropped(e.location)) return false;
    dropped.push_back(e.location);
    return true;
  });
  return static_cast<int>(before - lock.packages.size());
}

}  // namespace skua::pm::lockfile
