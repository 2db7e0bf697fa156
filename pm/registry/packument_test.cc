// Packument and package.json parsing: the abbreviated and full shapes, npm's tolerance of
// wrongly typed fields, bin normalisation, and errors that name the package.
#include "pm/registry/packument.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "pm/registry/manifest.h"

namespace skua::pm::registry {
namespace {

constexpr char kAbbreviated[] = R"({
  "name": "@scope/tool",
  "modified": "2024-05-01T10:00:00.000Z",
  "dist-tags": {"latest": "1.1.0", "next": "2.0.0-rc.1", "bad": 7},
  "versions": {
    "1.0.0": {
      "name": "@scope/tool", "version": "1.0.0",
      "dependencies": {"a": "^1.0.0", "b": "~2.1"},
      "optionalDependencies": {"fsevents": "2"},
      "peerDependencies": {"react": ">=17", "types": "*"},
      "peerDependenciesMeta": {"types": {"optional": true}, "react": {"optional": false}},
      "bundleDependencies": ["a"],
      "bin": "./cli.js",
      "engines": {"node": ">=18"},
      "os": "linux", "cpu": ["x64", "!arm"],
      "hasInstallScript": true,
      "dist": {"tarball": "http://r.test/@scope/tool/-/tool-1.0.0.tgz",
               "integrity": "sha512-AAAA", "shasum": "abcd"}
    },
    "1.1.0": {
      "version": "ignored-the-key-wins",
      "deprecated": "use 2.x",
      "bin": {"one": "bin/one.js", "../../evil": "../../../etc/passwd", "": "x", "two": 5},
      "directories": {"bin": "./bin"}
    },
    "2.0.0-rc.1": "not an object",
    "1.2.0": {"dependencies": ["not", "an", "object"], "engines": "node 4", "deprecated": ""}
  }
})";

TEST(PackumentTest, Abbreviated) {
  Result<Packument> p = ParsePackument(kAbbreviated, "@scope/tool");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->name, "@scope/tool");
  EXPECT_EQ(p->modified, "2024-05-01T10:00:00.000Z");
  EXPECT_EQ(p->dist_tags, (StringMap{{"latest", "1.1.0"}, {"next", "2.0.0-rc.1"}}));
  ASSERT_EQ(p->version_count(), 3u);  // The string entry is skipped.

  const Manifest* m = p->FindVersion("1.0.0");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->dependencies, (StringMap{{"a", "^1.0.0"}, {"b", "~2.1"}}));
  EXPECT_EQ(m->optional_dependencies, (StringMap{{"fsevents", "2"}}));
  EXPECT_EQ(m->peer_dependencies.size(), 2u);
  EXPECT_TRUE(m->IsOptionalPeer("types"));
  EXPECT_FALSE(m->IsOptionalPeer("react"));
  EXPECT_EQ(m->bundle_dependencies, (std::vector<std::string>{"a"}));
  EXPECT_EQ(m->bin, (StringMap{{"tool", "cli.js"}}));  // Named after the unscoped name.
  EXPECT_EQ(*Find(m->engines, "node"), ">=18");
  EXPECT_EQ(m->os, (std::vector<std::string>{"linux"}));
  EXPECT_EQ(m->cpu, (std::vector<std::string>{"x64", "!arm"}));
  EXPECT_TRUE(m->has_install_script);
  EXPECT_FALSE(m->deprecated);
  EXPECT_EQ(m->dist.tarball, "http://r.test/@scope/tool/-/tool-1.0.0.tgz");
  EXPECT_EQ(m->dist.integrity, "sha512-AAAA");
  EXPECT_EQ(m->dist.shasum, "abcd");

  const Manifest* deprecated = p->FindVersion("1.1.0");
  ASSERT_NE(deprecated, nullptr);
  EXPECT_EQ(deprecated->name, "@scope/tool");  // Inherited from the document.
  EXPECT_TRUE(deprecated->deprecated);
  EXPECT_EQ(deprecated->deprecation_message, "use 2.x");
  EXPECT_EQ(deprecated->bin, (StringMap{{"one", "bin/one.js"}, {"evil", "etc/passwd"}}));
  EXPECT_EQ(deprecated->directories_bin, "./bin");

  const Manifest* junk = p->FindVersion("1.2.0");
  ASSERT_NE(junk, nullptr);
  EXPECT_TRUE(junk->dependencies.empty());
  EXPECT_TRUE(junk->engines.empty());
  EXPECT_FALSE(junk->deprecated);  // An empty message un-deprecates.
}

TEST(PackumentTest, FullDocumentKeepsTimeAndScripts) {
  Result<Packument> p = ParsePackument(R"({"name":"x","time":{"created":"t0","1.0.0":"t1"},
      "versions":{"1.0.0":{"scripts":{"postinstall":"node x.js","test":"t"},"libc":["glibc"],
      "bundledDependencies":true,"dependencies":{"d":"1"}}}})", "x");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*Find(p->time(), "1.0.0"), "t1");
  const Manifest& m = **p->ManifestAt(0);
  EXPECT_TRUE(m.has_install_script);  // From scripts.
  EXPECT_EQ(m.libc, (std::vector<std::string>{"glibc"}));
  EXPECT_EQ(m.bundle_dependencies, (std::vector<std::string>{"d"}));  // `true`: all of them.
}

TEST(PackumentTest, AbbreviatedCopyParsesTheSame) {
  constexpr char kFull[] = R"({"_id":"x","name":"x","readme":"# long","dist-tags":{"latest":"1.0.0"},
      "time":{"1.0.0":"t1"},"versions":{"1.0.0":{"name":"x","version":"1.0.0",
      "description":"d","readme":"r","devDependencies":{"t":"1"},"dependencies":{"a":"1","a":"2"},
      "scripts":{"test":"t","postinstall":"p"},"bin":{"x":"./x.js"},"license":"MIT",
      "engines":["node >= 0.8"],"workspaces":["w"],
      "dist":{"tarball":"http://r.test/x/-/x-1.0.0.tgz","integrity":"sha512-AA"}},
      "2.0.0":"junk","1.1.0\"q":{"deprecated":"no\nmore"}}})";
  Result<std::string> small = AbbreviatePackument(kFull, "x");
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->find("readme"), std::string::npos) << *small;
  EXPECT_EQ(small->find("devDependencies"), std::string::npos) << *small;
  EXPECT_EQ(small->find("\"test\""), std::string::npos) << *small;  // Not an install script.
  Result<Packument> full = ParsePackument(kFull, "x");
  Result<Packument> abbreviated = ParsePackument(*small, "x");
  ASSERT_TRUE(full.ok());
  ASSERT_TRUE(abbreviated.ok()) << abbreviated.status().message() << "\n" << *small;
  EXPECT_EQ(abbreviated->dist_tags, full->dist_tags);
  EXPECT_EQ(abbreviated->time(), full->time());
  ASSERT_EQ(abbreviated->version_count(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Manifest& a = **abbreviated->ManifestAt(i);
    const Manifest& f = **full->ManifestAt(i);
    EXPECT_EQ(a.version, f.version);
    EXPECT_EQ(a.dependencies, f.dependencies);
    EXPECT_EQ(a.scripts, f.scripts);
    EXPECT_EQ(a.bin, f.bin);
    EXPECT_EQ(a.license, f.license);
    EXPECT_EQ(a.engines_json, f.engines_json);
    EXPECT_EQ(a.workspaces_json, f.workspaces_json);
    EXPECT_EQ(a.deprecation_message, f.deprecation_message);
    EXPECT_EQ(a.dist.integrity, f.dist.integrity);
  }
  EXPECT_EQ((*full->ManifestAt(0))->scripts, (StringMap{{"postinstall", "p"}}));  // Install scripts only.
  EXPECT_TRUE((*full->ManifestAt(0))->dev_dependencies.empty());
  EXPECT_EQ((*full->ManifestAt(1))->version, "1.1.0\"q");
  EXPECT_EQ((*abbreviated->ManifestAt(0))->engines_json, R"(["node >= 0.8"])");
  EXPECT_EQ((*abbreviated->ManifestAt(0))->workspaces_json, R"(["w"])");
  EXPECT_FALSE(AbbreviatePackument("[1]", "x").ok());
  Result<std::string> bad = AbbreviatePackument(R"({"versions":{"1.0.0":{"a" 1}}})", "x");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Invalid JSON in the registry response for x"), std::string::npos);
}

// Of `scripts` only what has_install_script reads is kept; none left, none written.
TEST(PackumentTest, AbbreviatingKeepsOnlyInstallScripts) {
  Result<std::string> small = AbbreviatePackument(R"({"name":"x","readme":"long","versions":{
      "1.0.0":{"scripts":{"build":"b","install":"node-gyp rebuild","test":"t"}},
      "1.1.0":{"scripts":{"build":"b"},"version":"1.1.0"},
      "1.2.0":{"scripts":"junk","version":"1.2.0"}},"homepage":"https://x.test/"})", "x");
  ASSERT_TRUE(small.ok()) << small.status().message();
  EXPECT_EQ(*small, R"({"name":"x","versions":{"1.0.0":{"scripts":{"install":"node-gyp rebuild"}},)"
                    R"("1.1.0":{"version":"1.1.0"},"1.2.0":{"version":"1.2.0"}},"homepage":"https://x.test/"})");
  Result<Packument> p = ParsePackument(*small, "x");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->homepage, "https://x.test/");
  EXPECT_TRUE((*p->ManifestAt(0))->has_install_script);
  EXPECT_FALSE((*p->ManifestAt(1))->has_install_script);
  EXPECT_FALSE((*p->ManifestAt(2))->has_install_script);
}

// Abbreviating walks the document once: its keys and every version's keys are checked,
// kept values are checked when their version is read, dropped values are not read.
TEST(PackumentTest, AbbreviatingChecksWhatItReads) {
  EXPECT_FALSE(AbbreviatePackument(R"({"name":"x"} {})", "x").ok());        // Trailing content.
  EXPECT_FALSE(AbbreviatePackument(R"({"name":"x","versions":{)", "x").ok());  // Truncated.
  EXPECT_FALSE(AbbreviatePackument(R"({"name" "x"})", "x").ok());
  // A dropped field (readme) is skipped unread.
  Result<std::string> dropped = AbbreviatePackument(
      R"({"name":"x","readme":[tru],"versions":{"1.0.0":{"version":"1.0.0"}}})", "x");
  ASSERT_TRUE(dropped.ok()) << dropped.status().message();
  EXPECT_EQ(dropped->find("readme"), std::string::npos);
  // A kept field that is not JSON fails its version when read, naming it.
  Result<std::string> kept = AbbreviatePackument(
      R"({"name":"x","versions":{"1.0.0":{"version":"1.0.0","dependencies":{"a":tru}},"2.0.0":{"version":"2.0.0"}}})",
      "x");
  ASSERT_TRUE(kept.ok()) << kept.status().message();
  Result<Packument> p = ParsePackument(*kept, "x");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->ManifestAt(1).ok());
  Result<const Manifest*> broken = p->ManifestAt(0);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("1.0.0"), std::string::npos) << broken.status().message();
}

// The index rebuilds the same packument over the same text without parsing it; a damaged
// or out-of-range index is refused.
TEST(PackumentTest, IndexRebuildsTheSamePackument) {
  for (std::string_view doc : {std::string_view(kAbbreviated),
                               std::string_view(R"({"name":"x","homepage":"https://x.test/","time":{"created":"t0","1.0.0":"t1"},
      "versions":{"1.0.0":{"dependencies":{"d":"1"}}}})")}) {
    auto text = std::make_shared<std::string>(doc);
    text->append(kPackumentPadding, ' ');
    Result<Packument> parsed = ParsePackument(doc, "fallback");
    ASSERT_TRUE(parsed.ok());
    std::string index = parsed->Index();
    Result<Packument> rebuilt =
        Packument::FromIndex(std::shared_ptr<const char>(text, text->data()), doc.size(), index);
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().message();
    EXPECT_EQ(rebuilt->name, parsed->name);
    EXPECT_EQ(rebuilt->modified, parsed->modified);
    EXPECT_EQ(rebuilt->homepage, parsed->homepage);
    EXPECT_EQ(rebuilt->dist_tags, parsed->dist_tags);
    EXPECT_EQ(rebuilt->time(), parsed->time());
    ASSERT_EQ(rebuilt->version_count(), parsed->version_count());
    for (size_t i = 0; i < parsed->version_count(); ++i) {
      EXPECT_EQ(rebuilt->version(i), parsed->version(i));
      const Manifest& a = **rebuilt->ManifestAt(i);
      const Manifest& b = **parsed->ManifestAt(i);
      EXPECT_EQ(a.dependencies, b.dependencies);
      EXPECT_EQ(a.bin, b.bin);
      EXPECT_EQ(a.dist.integrity, b.dist.integrity);
    }
    EXPECT_EQ(rebuilt->Index(), index);
    // Cut short, trailing bytes, or a version beyond the text.
    auto from = [&](std::string_view i, size_t size) {
      return Packument::FromIndex(std::shared_ptr<const char>(text, text->data()), size, i).ok();
    };
    EXPECT_FALSE(from(std::string_view(index).substr(0, index.size() - 1), doc.size()));
    EXPECT_FALSE(from(index + "x", doc.size()));
    EXPECT_FALSE(from(index, doc.size() / 2));
    EXPECT_FALSE(from("", doc.size()));
  }
}

TEST(PackumentTest, DuplicateKeysLastValueWins) {
  Result<Packument> p = ParsePackument(
      R"({"versions":{"1.0.0":{"dependencies":{"a":"1","a":"2"}},"1.0.0":{"dependencies":{"b":"3"}}}})", "dup");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->version_count(), 1u);
  EXPECT_EQ((*p->ManifestAt(0))->dependencies, (StringMap{{"b", "3"}}));
  Result<Packument> q = ParsePackument(R"({"versions":{"1.0.0":{"dependencies":{"a":"1","a":"2"}}}})", "dup");
  EXPECT_EQ((*q->ManifestAt(0))->dependencies, (StringMap{{"a", "2"}}));
}

TEST(PackumentTest, ErrorsNameThePackage) {
  Result<Packument> bad = ParsePackument("{\"name\": ", "left-pad");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("left-pad"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(ParsePackument("[1,2]", "arr").ok());
  Result<Packument> empty = ParsePackument("{}", "empty");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->name, "empty");
  EXPECT_TRUE(empty->version_count() == 0);
}

TEST(PackumentTest, VersionsAreReadOnceAndStayWhereTheyAre) {
  Result<Packument> parsed = ParsePackument(kAbbreviated, "@scope/tool");
  ASSERT_TRUE(parsed.ok());
  Packument p = std::move(parsed).value();
  ASSERT_EQ(p.version_count(), 3u);
  EXPECT_EQ(p.version(2), "1.2.0");
  EXPECT_EQ(p.IndexOf("1.1.0"), 1u);
  EXPECT_FALSE(p.IndexOf("2.0.0-rc.1").has_value());
  const Manifest* first = *p.ManifestAt(0);
  EXPECT_EQ(*p.ManifestAt(0), first);
  EXPECT_EQ(p.FindVersion("1.0.0"), first);
  Packument moved = std::move(p);
  EXPECT_EQ(moved.FindVersion("1.0.0"), first);
  {
    Packument copy = moved;  // Reads its own manifests from the shared text.
    const Manifest* copied = copy.FindVersion("1.0.0");
    ASSERT_NE(copied, nullptr);
    EXPECT_NE(copied, first);
    EXPECT_EQ(copied->dependencies, first->dependencies);
  }
  EXPECT_EQ(first->dist.integrity, "sha512-AAAA");  // The copy's end freed nothing of ours.

  Result<Manifest> fields = moved.SelectionFieldsAt(1);
  ASSERT_TRUE(fields.ok());
  EXPECT_EQ(fields->version, "1.1.0");  // The key, as for ManifestAt.
  EXPECT_TRUE(fields->deprecated);
  EXPECT_TRUE(fields->bin.empty());  // Not read.
  EXPECT_EQ(*Find(moved.SelectionFieldsAt(0)->engines, "node"), ">=18");
}

// A document whose version objects are damaged inside still delimits them; reading one
// is the error, naming the version.
TEST(PackumentTest, DamagedVersionObjectFailsWhenRead) {
  Result<Packument> p = ParsePackument(
      R"({"name":"d","versions":{"1.0.0":{"a":[1 2]},"2.0.0":{"dependencies":{"x":"1"}}}})", "d");
  ASSERT_TRUE(p.ok()) << p.status().message();
  Result<const Manifest*> bad = p->ManifestAt(0);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("d@1.0.0"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(p->SelectionFieldsAt(0).ok());
  EXPECT_EQ(p->FindVersion("1.0.0"), nullptr);
  ASSERT_TRUE(p->ManifestAt(1).ok());
  EXPECT_EQ((*p->ManifestAt(1))->dependencies, (StringMap{{"x", "1"}}));
}

TEST(PackumentTest, MalformedDocumentsAreErrors) {
  for (const char* json : {"", "garbage", "nul", R"({"versions":{"1.0.0":{}})", "{} x", "{}}",
                           R"({"name":"a"} {"name":"b"})", R"({"versions":{"1.0.0":{"a":"1}}})"}) {
    Result<Packument> p = ParsePackument(json, "bad");
    ASSERT_FALSE(p.ok()) << json;
    EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument) << json;
    EXPECT_NE(p.status().message().find("bad"), std::string::npos) << p.status().message();
  }
}

TEST(PackumentTest, RepeatedAndMistypedDocumentFields) {
  // The first of a repeated document-level key counts; a non-string name is no name.
  EXPECT_EQ(ParsePackument(R"({"name":"a","name":"b"})", "req")->name, "a");
  EXPECT_EQ(ParsePackument(R"({"name":7,"name":"b"})", "req")->name, "req");
  Result<Packument> p = ParsePackument(
      R"({"versions":[],"versions":{"1.0.0":{}},"dist-tags":{"x":1,"latest":"1.0.0"},
          "time":{"a":"1","b":2,"a":"3"}})", "req");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->version_count(), 0u);
  EXPECT_EQ(p->dist_tags, (StringMap{{"latest", "1.0.0"}}));
  EXPECT_EQ(p->time(), (StringMap{{"a", "3"}}));
  EXPECT_TRUE(ParsePackument("{}", "req")->time().empty());
}

TEST(PackageJsonTest, ReadsInstalledManifest) {
  Result<Manifest> m = ParsePackageJson(R"({"name":"app","version":"0.1.0",
      "devDependencies":{"t":"1"},"bin":["scripts/a.js","b"],"scripts":{"install":"make"}})",
                                        "/p/package.json");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->dev_dependencies, (StringMap{{"t", "1"}}));
  EXPECT_EQ(m->bin, (StringMap{{"a.js", "scripts/a.js"}, {"b", "b"}}));
  EXPECT_TRUE(m->has_install_script);
  Result<Manifest> bad = ParsePackageJson("{", "/p/package.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/p/package.json"), std::string::npos);
}

TEST(PackageJsonTest, StringBinNeedsAName) {
  EXPECT_TRUE(ParsePackageJson(R"({"bin":"x.js"})", "p")->bin.empty());
}

}  // namespace
}  // namespace skua::pm::registry
