// The URL interface's attribute setters on a URL record, with the standard's "state
// override" semantics: invalid values leave the record unchanged or partly updated, never
// fail loudly. Only the href setter reports failure (the JS URL throws then).
#ifndef SKUA_BASE_URL_SETTERS_H_
#define SKUA_BASE_URL_SETTERS_H_

#include <string_view>

#include "base/url/url.h"

namespace skua::url {

enum class Component {
  kHref,
  kProtocol,
  kUsername,
  kPassword,
  kHost,
  kHostname,
  kPort,
  kPathname,
  kSearch,
  kHash,
};

// Sets `component` of `url` to `value` (UTF-8). Returns false when the value was
// rejected: for kHref `url` is then unchanged; for the others it may be partly updated,
// as the standard's setters leave it (Node's domainToASCII relies on the result).
bool SetComponent(Url& url, Component component, std::string_view value);

}  // namespace skua::url

#endif  // SKUA_BASE_URL_SETTERS_H_
