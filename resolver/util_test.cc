// Path and URL helpers against Node's path.posix and WHATWG URL results.
#include "gtest/gtest.h"
#include "resolver/json_value.h"
#include "resolver/path_util.h"
#include "resolver/url_util.h"

namespace skua::resolver::internal {
namespace {

TEST(PathUtilTest, ResolveAndNormalize) {
  struct Case { const char* base; const char* path; const char* expected; };
  const Case cases[] = {
      {"/a/b", "c", "/a/b/c"},        {"/a/b", "../c", "/a/c"},   {"/a/b", "/x/./y", "/x/y"},
      {"/a/b", "c/", "/a/b/c"},       {"/", "..", "/"},           {"/a", "./b//c/..", "/a/b"},
      {"/a/b", "", "/a/b"},
  };
  for (const Case& c : cases) EXPECT_EQ(ResolvePath(c.base, c.path), c.expected) << c.path;
  EXPECT_EQ(NormalizePath("a/../../b/"), "../b/");
  EXPECT_EQ(NormalizePath(""), ".");
  EXPECT_EQ(DirName("/a/b.js"), "/a");
  EXPECT_EQ(DirName("/a"), "/");
  EXPECT_EQ(ExtName("/a/b.c.js"), ".js");
  EXPECT_EQ(ExtName("/a/.rc"), "");
  EXPECT_TRUE(IsRelativeRequest("."));
  EXPECT_TRUE(IsRelativeRequest("../x"));
  EXPECT_FALSE(IsRelativeRequest(".hidden"));
  EXPECT_FALSE(IsRelativeRequest("/abs"));
}

TEST(UrlUtilTest, ResolveFileUrl) {
  struct Case { const char* reference; const char* expected; };
  const Case cases[] = {
      {"./x.js", "file:///a/b/x.js"},        {"../x", "file:///a/x"},
      {"/abs", "file:///abs"},               {"./a b.js", "file:///a/b/a%20b.js"},
      {"./a%20b.js", "file:///a/b/a%20b.js"}, {"./x.js?q=1#h", "file:///a/b/x.js?q=1#h"},
      {"./dir/", "file:///a/b/dir/"},        {"./a\\b", "file:///a/b/a/b"},
      {"./%2e%2E/x", "file:///a/x"},         {"../../../..", "file:///"},
  };
  FileUrl base = *ParseFileUrl("file:///a/b/c.mjs");
  for (const Case& c : cases) EXPECT_EQ(ResolveFileUrl(base, c.reference).Href(), c.expected) << c.reference;
}

TEST(UrlUtilTest, SchemesAndFileUrls) {
  EXPECT_EQ(UrlScheme("node:fs").value_or(""), "node");
  EXPECT_EQ(UrlScheme("HTTPS://x").value_or(""), "https");
  EXPECT_FALSE(UrlScheme("pkg/sub").has_value());
  EXPECT_FALSE(UrlScheme("@s/p:x").has_value());
  EXPECT_EQ(ParseFileUrl("file://localhost/x/y")->path, "/x/y");
  EXPECT_FALSE(ParseFileUrl("file://host/x").has_value());
  EXPECT_EQ(EncodePathForUrl("/a b/%/#?.js"), "/a%20b/%25/%23%3F.js");
  EXPECT_EQ(DecodeUrlPath("/a%20b/%25"), "/a b/%");
  EXPECT_TRUE(HasEncodedSeparator("/a%2fb"));
  EXPECT_TRUE(HasEncodedSeparator("/a%5Cb"));
  EXPECT_FALSE(HasEncodedSeparator("/a%20b"));
}

TEST(JsonValueTest, StringifyAndTruthiness) {
  JsonValue object = JsonValue::Object();
  object.Set("b", JsonValue::Number(1));
  object.Set("a", JsonValue::String("x\"y"));
  object.Set("b", JsonValue::Bool(true));  // Duplicate: value replaced, position kept.
  EXPECT_EQ(object.Stringify(), R"({"b":true,"a":"x\"y"})");
  EXPECT_FALSE(JsonValue::String("").Truthy());
  EXPECT_TRUE(JsonValue::Array().Truthy());
  EXPECT_EQ(FormatJsNumber(5), "5");
  EXPECT_EQ(FormatJsNumber(1.5), "1.5");
}

}  // namespace
}  // namespace skua::resolver::internal
