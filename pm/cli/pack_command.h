// `skua pack [FOLDER] [--dry-run] [--json] [--pack-destination DIR]`: the tarball npm 11
// would make of a package folder (packlist.h chooses the files): entries under
// "package/", npm's fixed mtime (1985-10-26T08:15:00Z) and portable modes, gzip level 9,
// named `<name>-<version>.tgz` (`@scope/name` gives `scope-name-<version>.tgz`). Prints
// npm's "Tarball Contents" / "Tarball Details" notice on stderr and the file name on
// stdout, or npm's --json document.
#ifndef SKUA_PM_CLI_PACK_COMMAND_H_
#define SKUA_PM_CLI_PACK_COMMAND_H_

#include <string>
#include <vector>

#include "base/status.h"

namespace skua::pm::cli {

int RunPackCommand(const std::string& command, const std::vector<std::string>& args);

// The gzipped tarball `skua pack` makes of the package in `dir` (packlist.h's files), with
// no lifecycle scripts and no output: how git dependencies enter the store.
Result<std::string> PackFolderTarball(const std::string& dir);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_PACK_COMMAND_H_
