// Classifies a dependency the way npm-package-arg does: given the key and the value of a
// package.json dependency ("name", "spec"), or one command-line argument ("name@spec"),
// decide what it asks for — a registry version, range or dist-tag, an `npm:` alias, a
// tarball URL, a local file or directory, or git — and extract what fetching needs.
//
//   Result<DepSpec> s = ResolveSpec("lodash", "^4.17.0");   // kRange, fetch_spec "^4.17.0"
//   Result<DepSpec> a = ResolveSpec("x", "npm:y@1");        // kAlias; a->alias->name == "y"
//
// Errors carry npm's messages (EINVALIDPACKAGENAME, EINVALIDTAGNAME, EUNSUPPORTEDPROTOCOL
// texts) with StatusCode::kInvalidArgument.
#ifndef SKUA_PM_SPEC_DEP_SPEC_H_
#define SKUA_PM_SPEC_DEP_SPEC_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::spec {

enum class SpecType {
  kVersion,    // "1.2.3": one exact version (loose semver).
  kRange,      // "^1.2.0", "", "*": a semver range.
  kTag,        // "latest", "next": a dist-tag.
  kAlias,      // "npm:name@spec": another registry package under this name.
  kRemote,     // "https://host/x.tgz": a tarball URL.
  kFile,       // "file:x.tgz", "./x.tar.gz": a local tarball.
  kDirectory,  // "file:../x", "./x": a local folder (npm symlinks it).
  kGit,        // "github:u/r", "u/r", "git+https://...": a git repository (pm/git).
  kLink,       // "link:../x": skua extension (pnpm, yarn, bun): a symlink to the folder.
  kWorkspace,  // "workspace:^": skua extension (pnpm, yarn, bun): a workspace package.
};

const char* SpecTypeName(SpecType type);  // npm's names: "version", "range", ...

struct DepSpec {
  SpecType type = SpecType::kRange;
  std::string name;      // The dependency name; empty for a nameless argument ("./dir").
  std::string raw_spec;  // As written.
  // What to fetch: the trimmed range/version/tag for registry specs, the URL for remote,
  // the path for file/directory/link (resolved against `where` when one was given), the
  // repository for git, the range for workspace. Empty for an alias (see `alias`).
  std::string fetch_spec;
  // For kAlias: the registry spec it stands for (type kVersion, kRange or kTag).
  std::shared_ptr<const DepSpec> alias;
  // For kGit: the `#` fragment split into a committish, `semver:` range and `path:`.
  std::string git_committish;
  std::string git_range;
  std::string git_subdir;
  std::string git_host;  // "github", "gitlab", ... when a known host; else empty.
  std::string git_repo;  // With git_host: "user/project" however it was written (hosted_git.h).

  // Fetched from the registry (version, range, tag, alias).
  bool registry() const {
    return type == SpecType::kVersion || type == SpecType::kRange || type == SpecType::kTag ||
           type == SpecType::kAlias;
  }
};

// npa.resolve(name, spec, where): the dependency `name` (validated; may be empty) with
// `spec`. `where` is the folder of the declaring package.json, for file: paths.
Result<DepSpec> ResolveSpec(std::string_view name, std::string_view spec,
                            std::string_view where = {});

// npa(arg, where): one argument as given to `skua add` ("lodash", "lodash@^4",
// "@s/p@next", "./dir", "github:u/r").
Result<DepSpec> ParseSpecArg(std::string_view arg, std::string_view where = {});

// `spec` without surrounding spaces when it is written only with digits, dots, spaces,
// x/X/* and the operators ^ ~ < > = | - (and does not start with a dot): such text holds
// no path, URL, alias, tag or git spec for npm-package-arg, so it is a version or a range
// of the package itself, if it parses. nullopt otherwise. A fast path before ResolveSpec.
std::optional<std::string_view> PlainSemverText(std::string_view spec);

}  // namespace skua::pm::spec

#endif  // SKUA_PM_SPEC_DEP_SPEC_H_
