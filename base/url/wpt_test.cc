// Runs every case of the web-platform-tests URL data (testdata/, from WPT's
// url/resources/ as vendored by Node v20.11.1) and prints the pass rate per file. The
// offsets of Serialize() are checked against the getters on every parsed URL, since the
// JS URL class reads components through them.
#include <cstdio>
#include <string>
#include <vector>

#include "base/url/setters.h"
#include "base/url/url.h"
#include "base/url/wpt_json.h"
#include "gtest/gtest.h"

namespace skua::url {
namespace {

using testing::Json;

Json Load(const std::string& name) {
  std::string text = testing::ReadTestFile("base/url/testdata/" + name);
  std::optional<Json> json = testing::ParseJson(text);
  EXPECT_TRUE(json.has_value()) << name;
  return json.value_or(Json{});
}

std::string Getter(const Url& url, const std::string& name) {
  if (name == "href") return url.Href();
  if (name == "origin") return url.Origin();
  if (name == "protocol") return url.Protocol();
  if (name == "username") return url.username;
  if (name == "password") return url.password;
  if (name == "host") return url.Host();
  if (name == "hostname") return url.Hostname();
  if (name == "port") return url.Port();
  if (name == "pathname") return url.Pathname();
  if (name == "search") return url.Search();
  if (name == "hash") return url.Hash();
  return "<unknown getter " + name + ">";
}

// The getters as the JS side computes them from href and offsets.
std::string OffsetsMismatch(const Url& url) {
  UrlOffsets o;
  std::string href = url.Serialize(&o);
  auto slice = [&href](uint32_t a, uint32_t b) { return href.substr(a, b - a); };
  auto strip1 = [](std::string s) { return s.size() <= 1 ? std::string() : s; };
  std::string host = o.port_end > o.port_start ? slice(o.host_start, o.port_end)
                                               : slice(o.host_start, o.host_end);
  std::vector<std::pair<std::string, std::string>> pairs = {
      {slice(0, o.protocol_end), url.Protocol()},
      {slice(o.username_start, o.username_end), url.username},
      {slice(o.password_start, o.password_end), url.password},
      {slice(o.host_start, o.host_end), url.Hostname()},
      {host, url.Host()},
      {slice(o.port_start, o.port_end), url.Port()},
      {slice(o.pathname_start, o.search_start), url.Pathname()},
      {strip1(slice(o.search_start, o.hash_start)), url.Search()},
      {strip1(href.substr(o.hash_start)), url.Hash()},
  };
  for (auto& [got, want] : pairs) {
    if (got != want) return "offsets give '" + got + "', getter '" + want + "'";
  }
  return "";
}

void Report(const char* file, int passed, int total, const std::vector<std::string>& fails) {
  std::printf("WPT %s: %d/%d passed\n", file, passed, total);
  for (const std::string& f : fails) ADD_FAILURE() << f;
}

TEST(WptTest, UrlTestData) {
  Json data = Load("urltestdata.json");
  int total = 0, passed = 0;
  std::vector<std::string> fails;
  for (const Json& test : data.array) {
    if (!test.IsObject()) continue;  // Comments.
    ++total;
    const std::string& input = test.Get("input")->string;
    const Json* base_json = test.Get("base");
    bool expect_failure = test.Get("failure") && test.Get("failure")->boolean;
    std::optional<Url> base;
    std::string error;
    if (base_json && base_json->IsString()) {
      Result<Url> parsed_base = Parse(base_json->string);
      if (parsed_base.ok()) base = parsed_base.value();
    }
    Result<Url> url = (base_json && base_json->IsString() && !base)
                          ? Result<Url>(InvalidArgument("bad base"))
                          : Parse(input, base ? &*base : nullptr);
    if (expect_failure) {
      if (url.ok()) error = "expected failure, got " + url->Href();
    } else if (!url.ok()) {
      error = "unexpected failure";
    } else {
      for (const auto& [key, value] : test.object) {
        if (key == "input" || key == "base" || key == "searchParams" || !value.IsString()) {
          continue;  // searchParams is checked by the JS tests.
        }
        std::string got = Getter(*url, key);
        if (got != value.string) {
          error += key + ": got '" + got + "' want '" + value.string + "'; ";
        }
      }
      if (error.empty()) error = OffsetsMismatch(*url);
      if (error.empty() && !CanParse(input, base ? &*base : nullptr)) error = "CanParse";
    }
    if (error.empty()) {
      ++passed;
    } else {
      fails.push_back("input '" + input + "' base '" +
                      (base_json && base_json->IsString() ? base_json->string : "null") +
                      "': " + error);
    }
  }
  Report("urltestdata.json", passed, total, fails);
}

TEST(WptTest, SettersTests) {
  Json data = Load("setters_tests.json");
  const std::pair<const char*, Component> kSetters[] = {
      {"protocol", Component::kProtocol}, {"username", Component::kUsername},
      {"password", Component::kPassword}, {"host", Component::kHost},
      {"hostname", Component::kHostname}, {"port", Component::kPort},
      {"pathname", Component::kPathname}, {"search", Component::kSearch},
      {"hash", Component::kHash},         {"href", Component::kHref},
  };
  int total = 0, passed = 0;
  std::vector<std::string> fails;
  for (const auto& [name, component] : kSetters) {
    const Json* cases = data.Get(name);
    if (!cases) continue;
    for (const Json& test : cases->array) {
      ++total;
      std::string error;
      Result<Url> url = Parse(test.Get("href")->string);
      if (!url.ok()) {
        error = "href does not parse";
      } else {
        Url changed = url.value();
        SetComponent(changed, component, test.Get("new_value")->string);
        for (const auto& [key, value] : test.Get("expected")->object) {
          std::string got = Getter(changed, key);
          if (got != value.string) {
            error += key + ": got '" + got + "' want '" + value.string + "'; ";
          }
        }
        if (error.empty()) error = OffsetsMismatch(changed);
      }
      if (error.empty()) {
        ++passed;
      } else {
        fails.push_back(std::string(name) + " on '" + test.Get("href")->string + "' to '" +
                        test.Get("new_value")->string + "': " + error);
      }
    }
  }
  Report("setters_tests.json", passed, total, fails);
}

TEST(WptTest, ToAscii) {
  Json data = Load("toascii.json");
  int total = 0, passed = 0;
  std::vector<std::string> fails;
  for (const Json& test : data.array) {
    if (!test.IsObject()) continue;
    ++total;
    const std::string& input = test.Get("input")->string;
    const Json* output = test.Get("output");
    std::string error;
    Result<Url> url = Parse("https://" + input + "/x");
    if (!output->IsString()) {
      if (url.ok()) error = "expected failure, got " + url->Href();
    } else if (!url.ok()) {
      error = "unexpected failure";
    } else if (url->Hostname() != output->string) {
      error = "got '" + url->Hostname() + "'";
    }
    // The same through the host setter, which must leave the URL alone on failure.
    Url setter = Parse("https://x/x").value();
    SetComponent(setter, Component::kHostname, input);
    std::string want = output->IsString() ? output->string : "x";
    if (setter.Hostname() != want) error += " setter got '" + setter.Hostname() + "'";
    if (error.empty()) {
      ++passed;
    } else {
      fails.push_back("'" + input + "': " + error);
    }
  }
  Report("toascii.json", passed, total, fails);
}

}  // namespace
}  // namespace skua::url
