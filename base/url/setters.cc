// The setters of the URL Standard's URL class, step by step.
#include "base/url/setters.h"

#include <string>

#include "base/url/parser.h"
#include "base/url/percent_encode.h"

namespace skua::url {

namespace {

using internal::BasicParse;
using internal::State;

// The standard's "potentially strip trailing spaces from an opaque path".
void StripTrailingSpacesFromOpaquePath(Url& url) {
  if (!url.has_opaque_path || url.fragment || url.query) return;
  while (!url.opaque_path.empty() && url.opaque_path.back() == ' ') url.opaque_path.pop_back();
}

}  // namespace

bool SetComponent(Url& url, Component component, std::string_view value) {
  switch (component) {
    case Component::kHref: {
      Result<Url> parsed = Parse(value);
      if (!parsed.ok()) return false;
      url = std::move(parsed).value();
      return true;
    }
    case Component::kProtocol:
      return BasicParse(std::string(value) + ":", nullptr, url, State::kSchemeStart);
    case Component::kUsername:
      if (!url.CannotHaveUsernamePasswordPort()) {
        url.username = PercentEncode(value, EncodeSet::kUserinfo);
      }
      return true;
    case Component::kPassword:
      if (!url.CannotHaveUsernamePasswordPort()) {
        url.password = PercentEncode(value, EncodeSet::kUserinfo);
      }
      return true;
    case Component::kHost:
      return !url.has_opaque_path && BasicParse(value, nullptr, url, State::kHost);
    case Component::kHostname:
      return !url.has_opaque_path && BasicParse(value, nullptr, url, State::kHostname);
    case Component::kPort:
      if (url.CannotHaveUsernamePasswordPort()) return true;
      if (value.empty()) {
        url.port.reset();
      } else {
        return BasicParse(value, nullptr, url, State::kPort);
      }
      return true;
    case Component::kPathname:
      if (url.has_opaque_path) return true;
      url.path.clear();
      return BasicParse(value, nullptr, url, State::kPathStart);
    case Component::kSearch:
      if (value.empty()) {
        url.query.reset();
        StripTrailingSpacesFromOpaquePath(url);
        return true;
      }
      if (value[0] == '?') value.remove_prefix(1);
      url.query = "";
      return BasicParse(value, nullptr, url, State::kQuery);
    case Component::kHash:
      if (value.empty()) {
        url.fragment.reset();
        StripTrailingSpacesFromOpaquePath(url);
        return true;
      }
      if (value[0] == '#') value.remove_prefix(1);
      url.fragment = "";
      return BasicParse(value, nullptr, url, State::kFragment);
  }
  return true;
}

}  // namespace skua::url
