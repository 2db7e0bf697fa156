// The basic URL parser's state machine (internal to the library): Parse() runs it without
// a state override, the setters with one.
#ifndef SKUA_BASE_URL_PARSER_H_
#define SKUA_BASE_URL_PARSER_H_

#include <string_view>

#include "base/url/url.h"

namespace skua::url::internal {

enum class State {
  kNone,  // No state override.
  kSchemeStart,
  kScheme,
  kNoScheme,
  kSpecialRelativeOrAuthority,
  kPathOrAuthority,
  kRelative,
  kRelativeSlash,
  kSpecialAuthoritySlashes,
  kSpecialAuthorityIgnoreSlashes,
  kAuthority,
  kHost,
  kHostname,
  kPort,
  kFile,
  kFileSlash,
  kFileHost,
  kPathStart,
  kPath,
  kOpaquePath,
  kQuery,
  kFragment,
};

// Runs the basic URL parser over `input` into `url`. Without a state override, `url`
// must be a fresh record and leading/trailing C0 controls and spaces are stripped.
// Returns false on failure; with a state override `url` may be partly updated then, as
// the standard's setters allow.
bool BasicParse(std::string_view input, const Url* base, Url& url, State state_override);

}  // namespace skua::url::internal

#endif  // SKUA_BASE_URL_PARSER_H_
