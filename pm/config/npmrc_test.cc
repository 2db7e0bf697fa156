// ParseIni and EnvReplace against the behaviour of npm 11's ini and env-replace.
#include "pm/config/npmrc.h"

#include <gtest/gtest.h>

namespace skua::pm::config {
namespace {

std::string Dump(const std::vector<IniEntry>& entries) {
  std::string out;
  for (const IniEntry& e : entries) {
    out += e.key + (e.is_list ? "[]" : "") + "=";
    for (size_t i = 0; i < e.values.size(); ++i) out += (i ? "|" : "") + e.values[i];
    out += ";";
  }
  return out;
}

TEST(NpmrcTest, ParseIniTable) {
  struct Case {
    const char* text;
    const char* expected;
  } cases[] = {
      {"registry=http://r.test/\n", "registry=http://r.test/;"},
      {"  key = value  \r\nother=x", "key=value;other=x;"},
      {"; comment\n# comment\n\n   ; indented\nk=v", "k=v;"},
      {"k=v ; trailing comment", "k=v;"},
      {"k=v # trailing comment", "k=v;"},
      {"k=a\\;b\\#c", "k=a;b#c;"},
      {"k=a\\b", "k=a\\b;"},
      {"k=\"quoted ; not a comment\"", "k=quoted ; not a comment;"},
      {"k='single # quoted'", "k=single # quoted;"},
      {"k=\"esc\\\"aped\\u0041\"", "k=esc\"apedA;"},
      {"k=\"broken", "k=\"broken;"},
      {"flag", "flag=true;"},
      {"k=1\nk=2", "k=2;"},
      {"ca[]=a\nca[]=b", "ca[]=a|b;"},
      {"ca=a\nca[]=b", "ca[]=a|b;"},
      {"//r.test/:_authToken=abc", "//r.test/:_authToken=abc;"},
      {"@scope:registry=http://s.test/", "@scope:registry=http://s.test/;"},
      {"k=a=b", "k=a=b;"},
      {"k=", "k=;"},
      {"a=1\n[section]\nb=2\nc=3", "a=1;"},
      {"__proto__=x\nk=v", "k=v;"},
      {"=novalue\nk=v", "k=v;"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Dump(ParseIni(c.text)), c.expected) << c.text;
  }
}

TEST(NpmrcTest, EnvReplaceTable) {
  Environment env = {{"TOKEN", "abc"}, {"EMPTY", ""}, {"HOST", "r.test"}};
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"${TOKEN}", "abc"},
      {"x${TOKEN}y${HOST}z", "xabcyr.testz"},
      {"${MISSING}", "${MISSING}"},
      {"${MISSING?}", ""},
      {"${TOKEN?}", "abc"},
      {"${EMPTY}", ""},
      {"\\${TOKEN}", "${TOKEN}"},
      {"\\\\${TOKEN}", "\\abc"},
      {"\\\\\\${TOKEN}", "\\${TOKEN}"},
      {"a\\b", "a\\b"},
      {"$TOKEN", "$TOKEN"},
      {"${}", "${}"},
      {"${A{B}", "${A{B}"},
      {"${${TOKEN}}", "${abc}"},
      {"//${HOST}/:_authToken", "//r.test/:_authToken"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EnvReplace(c.in, env), c.out) << c.in;
  }
}

}  // namespace
}  // namespace skua::pm::config
