// The files `skua pack` puts in a tarball, chosen as npm 11's npm-packlist (over
// ignore-walk) chooses them: package.json `files`, else .npmignore, else .gitignore, in
// every folder; npm's always-excluded names (.git, node_modules, lockfiles, .npmrc, editor
// debris) and always-included ones (package.json, README, LICENSE/LICENCE, COPYING,
// `main`, `browser`, bins). Only regular files; symlinks are left out.
#ifndef SKUA_PM_CLI_PACKLIST_H_
#define SKUA_PM_CLI_PACKLIST_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::cli {

// One gitignore-style line as ignore-walk reads it (minimatch with matchBase, dot and
// nocase): "!" negates, a leading "/" anchors, a pattern without "/" matches basenames.
class IgnoreRule {
 public:
  explicit IgnoreRule(std::string_view line);
  bool negate() const { return negate_; }
  // minimatch's match(path, partial): `partial` accepts a path that a longer one below
  // it could match.
  bool Match(std::string_view path, bool partial = false) const;

 private:
  bool negate_ = false;
  std::vector<std::vector<std::string>> alternatives_;  // Brace-expanded, split on "/".
};

// The package's files, relative and "/"-separated, in npm-packlist's order (extension,
// then basename, then path). `package_json` is the folder's package.json text.
Result<std::vector<std::string>> PackFiles(const std::string& package_dir, std::string_view package_json);

// npm pack's listing order for "Tarball Contents" and --json: paths starting with a
// character that has no lower case first, then the rest, each in locale order.
std::vector<std::string> ContentsOrder(std::vector<std::string> paths);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_PACKLIST_H_
