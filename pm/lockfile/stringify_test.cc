// StringifyNice and DetectFormat: npm's json-stringify-nice ordering and JSON.stringify's
// text, checked against outputs taken from Node.
#include "pm/lockfile/stringify.h"

#include <gtest/gtest.h>

#include <string>

namespace skua::pm::lockfile {
namespace {

JsonValue Parse(std::string_view text) {
  Result<JsonValue> v = ParseJson(text, "test");
  EXPECT_TRUE(v.ok()) << v.status().message();
  return v.ok() ? *v : JsonValue();
}

TEST(StringifyTest, ScalarsBeforeObjectsPreferredKeysFirst) {
  // node -e 'console.log(require("json-stringify-nice")(v, ["name","version"], 2))'
  JsonValue v = Parse(R"({"z":{"b":1},"arr":[1,"x"],"version":"1","b":true,"name":"n","a":{}})");
  EXPECT_EQ(StringifyNice(v, {"name", "version"}, JsonFormat{}),
            "{\n  \"name\": \"n\",\n  \"version\": \"1\",\n  \"arr\": [\n    1,\n    \"x\"\n  ],\n"
            "  \"b\": true,\n  \"a\": {},\n  \"z\": {\n    \"b\": 1\n  }\n}\n");
}

TEST(StringifyTest, IntegerKeysComeFirstAsInJsObjects) {
  JsonValue v = Parse(R"({"b":"1","10":"x","2":"y","a":"z","01":"w"})");
  EXPECT_EQ(StringifyNice(v, {}, JsonFormat{"", "\n"}), "{\"2\":\"y\",\"10\":\"x\",\"01\":\"w\",\"a\":\"z\",\"b\":\"1\"}\n");
}

TEST(StringifyTest, EscapesAsJsonStringify) {
  std::string out;
  AppendQuoted("a\"b\\c\n\t\x01\x1f/\xc3\xa9", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f/\xc3\xa9\"");
}

TEST(StringifyTest, Numbers) {
  EXPECT_EQ(NumberToString(3), "3");
  EXPECT_EQ(NumberToString(-2), "-2");
  EXPECT_EQ(NumberToString(1.5), "1.5");
  EXPECT_EQ(NumberToString(1e21), "1e+21");
  EXPECT_EQ(NumberToString(0), "0");
}

TEST(StringifyTest, CrlfAndTabs) {
  JsonValue v = Parse(R"({"a":[],"b":{"c":"d"}})");
  EXPECT_EQ(StringifyNice(v, {}, JsonFormat{"\t", "\r\n"}), "{\r\n\t\"a\": [],\r\n\t\"b\": {\r\n\t\t\"c\": \"d\"\r\n\t}\r\n}\r\n");
}

TEST(StringifyTest, DetectFormat) {
  auto check = [](std::string_view text, std::string indent, std::string newline) {
    JsonFormat f = DetectFormat(text);
    EXPECT_EQ(f.indent, indent) << text;
    EXPECT_EQ(f.newline, newline) << text;
  };
  check("{\n  \"a\": 1\n}\n", "  ", "\n");
  check("{\n\t\"a\": 1\n}\n", "\t", "\n");
  check("{\r\n    \"a\": 1\r\n}\r\n", "    ", "\r\n");
  check("{\"a\":1}", "  ", "\n");  // Minified: npm falls back to the defaults.
  check("{}", "  ", "\n");
  check("{}\r\n", "  ", "\r\n");
  check("  {\n   \"a\": 1}", "   ", "\n");
}

TEST(StringifyTest, ParseKeepsFirstPositionLastValue) {
  JsonValue v = Parse(R"({"a":1,"b":2,"a":3})");
  ASSERT_EQ(v.members().size(), 2u);
  EXPECT_EQ(v.members()[0].key, "a");
  EXPECT_EQ(v.members()[0].value.number(), 3);
  EXPECT_FALSE(ParseJson("{", "x.json").ok());
  EXPECT_TRUE(ParseJson("\xEF\xBB\xBF{}", "bom.json").ok());
}

// The same in an object large enough to be searched through an index: repeats of an
// early key, of a late one, and of one repeated twice.
TEST(StringifyTest, ParseKeepsFirstPositionLastValueInLargeObjects) {
  std::string text = "{";
  for (int i = 0; i < 40; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  text += "\"k3\":100,\"k39\":101,\"k20\":102,\"k3\":103}";
  JsonValue v = Parse(text);
  ASSERT_EQ(v.members().size(), 40u);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(v.members()[i].key, "k" + std::to_string(i));
  EXPECT_EQ(v.members()[3].value.number(), 103);
  EXPECT_EQ(v.members()[39].value.number(), 101);
  EXPECT_EQ(v.members()[20].value.number(), 102);
  EXPECT_EQ(v.members()[4].value.number(), 4);
}

}  // namespace
}  // namespace skua::pm::lockfile
