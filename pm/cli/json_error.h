// Where a JSON text first goes wrong, for error messages that point into the user's file
// ("Unexpected token } in JSON at position 41 (line 3 column 5)"), as npm's
// json-parse-even-better-errors does. Only run after a fast parser has rejected the text.
#ifndef SKUA_PM_CLI_JSON_ERROR_H_
#define SKUA_PM_CLI_JSON_ERROR_H_

#include <string>
#include <string_view>

namespace skua::pm::cli {

// "" when `text` is valid JSON; otherwise a description with position, line and column.
std::string DescribeJsonError(std::string_view text);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_JSON_ERROR_H_
