// The registry packages a package-lock.json's text places in node_modules, read straight
// from the text, without the lockfile model (ParseLockfile): enough for an install to
// start linking from the store while the model, the agreement check and the plan are
// made. The plan stays the authority (cli/early_links.h): a package this list gets wrong
// is replaced or removed. Left out, because the plan may treat them otherwise: links,
// bundled packages, packages with install scripts, packages limited to some platforms
// (os, cpu or libc) and entries without an integrity.
#ifndef SKUA_PM_LOCKFILE_LINKABLE_H_
#define SKUA_PM_LOCKFILE_LINKABLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace skua::pm::lockfile {

struct LinkablePackage {
  std::string location;  // "node_modules/a/node_modules/b"
  std::string name;      // The package's own name ("name" of an alias's entry).
  std::string version;
  std::string integrity;
};

// In the text's order; empty when the text is no lockfile with a "packages" object.
std::vector<LinkablePackage> LinkablePackages(std::string_view text);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_LINKABLE_H_
