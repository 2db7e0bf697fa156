// npm's wording for failed registry requests (npm-registry-fetch's HttpErrorGeneral and
// the CLI's explanations), URL redaction, and the status phrases npm prints. Messages
// start with npm's code ("E404: ...", "ECONNREFUSED: ...") so callers and users can tell
// failures apart although StatusCode is coarse.
#ifndef SKUA_PM_REGISTRY_HTTP_ERRORS_H_
#define SKUA_PM_REGISTRY_HTTP_ERRORS_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::registry {

// The URL with any password replaced by "***" (npm's redaction: `user:***@host`).
std::string RedactUrl(std::string_view url);

// The standard reason phrase ("Not Found"); "" for codes without one.
std::string_view StatusText(long status);

// The error for a non-2xx response to `method url`. `body` may hold the registry's JSON
// error (`{"error": "..."}`), appended as npm does. `package_spec` ("name@range" or the
// name) is named in the E404 explanation; empty for requests that are not for a package.
Status HttpStatusError(std::string_view method, std::string_view url, long status,
                       std::string_view body, std::string_view package_spec);

// A network failure: "<code>: request to <url> failed, reason: <reason>".
Status NetworkError(std::string_view code, std::string_view url, std::string_view reason);

// The npm code a Status from this library starts with ("E404", "ETIMEDOUT"), or "".
std::string_view ErrorCode(const Status& status);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_HTTP_ERRORS_H_
