// npm-style registry error messages.
#include "pm/registry/http_errors.h"

#include <simdjson.h>

#include "base/url/url.h"

namespace skua::pm::registry {
namespace {

// The registry's own explanation: `{"error": "..."}` (or a plain-text body, which npm
// does not show).
std::string BodyError(std::string_view body) {
  if (body.empty() || body.size() > (1 << 20)) return "";
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(body.data(), body.size()).get(doc) != simdjson::SUCCESS) return "";
  std::string_view error;
  if (doc["error"].get(error) != simdjson::SUCCESS) return "";
  return std::string(error);
}

}  // namespace

std::string RedactUrl(std::string_view url) {
  Result<url::Url> parsed = url::Parse(url);
  if (!parsed.ok()) return std::string(url);
  if (parsed->password.empty()) return std::string(url);
  url::Url copy = *parsed;
  copy.password = "***";
  return copy.Href();
}

std::string_view StatusText(long status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 418: return "I'm a Teapot";
    case 420: return "Enhance Your Calm";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

Status HttpStatusError(std::string_view method, std::string_view url, long status,
                       std::string_view body, std::string_view package_spec) {
  std::string code = "E" + std::to_string(status);
  std::string message = code + ": " + std::to_string(status);
  std::string_view text = StatusText(status);
  if (!text.empty()) message += " " + std::string(text);
  message += " - " + std::string(method) + " " + RedactUrl(url);
  std::string error = BodyError(body);
  if (!error.empty()) message += " - " + error;
  if (status == 404 && !package_spec.empty()) {
    message += "\n\n'" + std::string(package_spec) + "' is not in this registry.";
    return NotFound(std::move(message));
  }
  if (status == 401) {
    message +=
        "\n\nUnable to authenticate: the registry rejected the credentials (or their "
        "absence). Check the `//host/:_authToken` entry for this registry in your .npmrc.";
  } else if (status == 403) {
    message +=
        "\n\nIn most cases, you or one of your dependencies are requesting a package "
        "version that is forbidden by your security policy, or on a server you do not "
        "have access to.";
  }
  return IoError(std::move(message));
}

Status NetworkError(std::string_view code, std::string_view url, std::string_view reason) {
  return IoError(std::string(code) + ": request to " + RedactUrl(url) +
                 " failed, reason: " + std::string(reason));
}

std::string_view ErrorCode(const Status& status) {
  std::string_view message = status.message();
  size_t colon = message.find(": ");
  if (colon == std::string_view::npos || colon == 0 || message[0] != 'E') return "";
  std::string_view code = message.substr(0, colon);
  for (char c : code) {
    if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return "";
  }
  return code;
}

}  // namespace skua::pm::registry
