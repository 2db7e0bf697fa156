// Node 20's builtin module ids (module.builtinModules) for callers that have no runtime
// to ask, such as `skua resolve`. The runtime passes the ids it actually embeds.
#ifndef SKUA_RESOLVER_CLI_NODE_BUILTINS_H_
#define SKUA_RESOLVER_CLI_NODE_BUILTINS_H_

#include <string>
#include <vector>

namespace skua::resolver::cli {

// Ids requirable without the "node:" scheme.
const std::vector<std::string>& NodeBuiltinIds();
// Ids that exist only as "node:<id>".
const std::vector<std::string>& NodeSchemeOnlyBuiltinIds();

}  // namespace skua::resolver::cli

#endif  // SKUA_RESOLVER_CLI_NODE_BUILTINS_H_
