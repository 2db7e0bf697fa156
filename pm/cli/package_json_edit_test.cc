#include "pm/cli/package_json_edit.h"

#include <gtest/gtest.h>

namespace skua::pm::cli {
namespace {

PackageJsonEditor MustParse(std::string_view text) {
  Result<PackageJsonEditor> editor = PackageJsonEditor::Parse(text, "/p/package.json");
  EXPECT_TRUE(editor.ok()) << editor.status().message();
  return std::move(editor).value();
}

TEST(PackageJsonEditTest, UnchangedDocumentRoundTrips) {
  const char* text = "{\n  \"name\": \"p\",\n  \"version\": \"1.0.0\",\n  \"n\": [1, 2.5, true, null]\n}\n";
  EXPECT_EQ(MustParse(text).Serialize(),
            "{\n  \"name\": \"p\",\n  \"version\": \"1.0.0\",\n  \"n\": [\n    1,\n    2.5,\n"
            "    true,\n    null\n  ]\n}\n");
}

TEST(PackageJsonEditTest, KeepsFourSpacesAndKeyOrder) {
  PackageJsonEditor pj = MustParse("{\n    \"version\": \"1.0.0\",\n    \"name\": \"p\"\n}");
  pj.SetDependency(DepKind::kProd, "b", "^1.0.0");
  EXPECT_EQ(pj.Serialize(),
            "{\n    \"version\": \"1.0.0\",\n    \"name\": \"p\",\n    \"dependencies\": {\n"
            "        \"b\": \"^1.0.0\"\n    }\n}\n");
}

TEST(PackageJsonEditTest, KeepsTabsAndCrLf) {
  PackageJsonEditor pj = MustParse("{\r\n\t\"name\": \"p\"\r\n}\r\n");
  EXPECT_EQ(pj.indent(), "\t");
  EXPECT_EQ(pj.newline(), "\r\n");
  pj.SetKey("trustedDependencies", [] {
    lockfile::JsonValue list = lockfile::JsonValue::Array();
    list.Push(lockfile::JsonValue::String("esbuild"));
    return list;
  }());
  EXPECT_EQ(pj.Serialize(),
            "{\r\n\t\"name\": \"p\",\r\n\t\"trustedDependencies\": [\r\n\t\t\"esbuild\"\r\n\t]\r\n}\r\n");
}

TEST(PackageJsonEditTest, OneLineFileStaysOnOneLine) {
  PackageJsonEditor pj = MustParse("{\"name\":\"p\"}");
  pj.SetDependency(DepKind::kDev, "x", "1.0.0");
  EXPECT_EQ(pj.Serialize(), "{\"name\":\"p\",\"devDependencies\":{\"x\":\"1.0.0\"}}");
}

TEST(PackageJsonEditTest, EmptyObjectGetsDefaultIndent) {
  PackageJsonEditor pj = MustParse("{}");
  pj.SetDependency(DepKind::kProd, "a", "^1.0.0");
  EXPECT_EQ(pj.Serialize(), "{\n  \"dependencies\": {\n    \"a\": \"^1.0.0\"\n  }\n}\n");
}

TEST(PackageJsonEditTest, DependenciesSortedAsNpmSortsThem) {
  PackageJsonEditor pj = MustParse(
      "{\n  \"dependencies\": {\n    \"zeta\": \"1\",\n    \"Alpha\": \"1\"\n  },\n  \"x\": 1\n}\n");
  pj.SetDependency(DepKind::kProd, "@scope/b", "^2.0.0");
  pj.SetDependency(DepKind::kProd, "beta", "^1.0.0");
  EXPECT_EQ(pj.Serialize(),
            "{\n  \"dependencies\": {\n    \"@scope/b\": \"^2.0.0\",\n    \"Alpha\": \"1\",\n"
            "    \"beta\": \"^1.0.0\",\n    \"zeta\": \"1\"\n  },\n  \"x\": 1\n}\n");
}

TEST(PackageJsonEditTest, ReplacingKeepsPositionRemovingEmptiesObject) {
  PackageJsonEditor pj = MustParse(
      "{\n  \"devDependencies\": {\n    \"a\": \"^1.0.0\"\n  },\n  \"name\": \"p\"\n}\n");
  ASSERT_NE(pj.Dependency(DepKind::kDev, "a"), nullptr);
  EXPECT_EQ(*pj.Dependency(DepKind::kDev, "a"), "^1.0.0");
  EXPECT_EQ(pj.Dependency(DepKind::kProd, "a"), nullptr);
  EXPECT_FALSE(pj.RemoveDependency(DepKind::kProd, "a"));
  EXPECT_TRUE(pj.RemoveDependency(DepKind::kDev, "a"));
  EXPECT_EQ(pj.Serialize(), "{\n  \"name\": \"p\"\n}\n");
}

// npm's rm: a peer's meta entry and the name in bundleDependencies go too.
TEST(PackageJsonEditTest, RemovingTakesPeerMetaAndBundleEntry) {
  PackageJsonEditor pj = MustParse(
      R"({"peerDependencies":{"a":"1","b":"1"},"peerDependenciesMeta":{"a":{"optional":true}},)"
      R"("dependencies":{"c":"1"},"bundleDependencies":["c","d"]})");
  EXPECT_TRUE(pj.RemoveDependency(DepKind::kPeer, "a"));
  EXPECT_TRUE(pj.RemoveDependency(DepKind::kProd, "c"));
  EXPECT_TRUE(pj.RemoveBundled("c"));
  EXPECT_FALSE(pj.RemoveBundled("c"));
  EXPECT_EQ(StringifyJson(pj.document(), ""), R"({"peerDependencies":{"b":"1"},"bundleDependencies":["d"]})");
  EXPECT_TRUE(pj.RemoveBundled("d"));
  EXPECT_EQ(StringifyJson(pj.document(), ""), R"({"peerDependencies":{"b":"1"}})");
}

TEST(PackageJsonEditTest, InvalidJsonNamesFileAndPosition) {
  Result<PackageJsonEditor> bad = PackageJsonEditor::Parse("{\"a\": 1,}\n", "/p/package.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/p/package.json"), std::string::npos);
  EXPECT_NE(bad.status().message().find("position 8"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(PackageJsonEditor::Parse("[1]", "/p/package.json").ok());
}

TEST(PackageJsonEditTest, StringsEscapedAsJsonStringify) {
  PackageJsonEditor pj = MustParse("{\"d\": \"tab\\there \\u00e9 \\\"q\\\"\"}");
  EXPECT_EQ(pj.Serialize(), "{\"d\":\"tab\\there \xC3\xA9 \\\"q\\\"\"}");
}

TEST(PackageJsonEditTest, ArrayIndexKeysComeFirstAsInJs) {
  EXPECT_EQ(MustParse("{\"b\":1,\"10\":2,\"a\":3,\"2\":4,\"01\":5}").Serialize(),
            "{\"2\":4,\"10\":2,\"b\":1,\"a\":3,\"01\":5}");
}

}  // namespace
}  // namespace skua::pm::cli
