// npm-pick-manifest's choices, table-driven over one packument; the expectations were
// checked against npm 11's bundled npm-pick-manifest.
#include "pm/registry/pick_manifest.h"

#include "base/iso_time.h"

#include "gtest/gtest.h"

namespace skua::pm::registry {
namespace {

// latest (1.2.0) is below the highest 1.x (1.3.0); 1.4.0 is deprecated; 1.5.0 needs a
// newer Node; 2.0.0-beta.1 is the `next` tag.
constexpr char kDoc[] = R"({"name":"pkg",
  "dist-tags":{"latest":"1.2.0","next":"2.0.0-beta.1","old":"0.9.0","gone":"9.9.9"},
  "versions":{
    "0.9.0":{}, "1.0.0":{}, "1.1.0":{}, "1.2.0":{}, "1.3.0":{},
    "1.4.0":{"deprecated":"broken"},
    "1.5.0":{"engines":{"node":">=22"}},
    "1.6.0":{"engines":{"node":">=22"},"deprecated":"old"},
    "2.0.0-beta.1":{}
  }})";

struct PickCase {
  const char* wanted;
  const char* picked;  // nullptr: ETARGET.
};

void ExpectPicks(const Packument& p, std::initializer_list<PickCase> cases, const PickOptions& options = {}) {
  for (const PickCase& c : cases) {
    Result<const Manifest*> m = PickManifest(p, c.wanted, options);
    if (c.picked == nullptr) {
      ASSERT_FALSE(m.ok()) << c.wanted << " picked " << (*m)->version;
      EXPECT_EQ(m.status().code(), StatusCode::kNotFound) << c.wanted;
    } else {
      ASSERT_TRUE(m.ok()) << c.wanted << ": " << m.status().message();
      EXPECT_EQ((*m)->version, c.picked) << c.wanted;
    }
  }
}

TEST(PickManifestTest, Choices) {
  Packument p = *ParsePackument(kDoc, "pkg");
  PickOptions options;
  options.node_version = "20.11.1";
  ExpectPicks(p, {
      {"", "1.2.0"},        {"*", "1.2.0"},         {"latest", "1.2.0"},   {"^1.0.0", "1.2.0"},
      {"^1.3.0", "1.3.0"},  {"~1.4.0", "1.4.0"},    {"1.4.0", "1.4.0"},    {"=v1.4.0", "1.4.0"},
      {">=1.3.0 <2", "1.3.0"}, {"1.5.x", "1.5.0"},  {"^1.5.0", "1.5.0"},   {"next", "2.0.0-beta.1"},
      {"old", "0.9.0"},     {"^2.0.0-beta", "2.0.0-beta.1"}, {"^2.0.0", nullptr}, {"3", nullptr},
      {"nope", nullptr},    {"gone", nullptr},      {"1.7.0", nullptr},    {"0.x", "0.9.0"},
  }, options);
}

// npm's `before` over a full packument's `time` (1.2.5 has none, so it always passes);
// the expectations are npm 11's npm-pick-manifest's.
constexpr char kTimedDoc[] = R"({"name":"pkg",
  "dist-tags":{"latest":"1.3.0","next":"2.0.0-beta.1","old":"1.0.0"},
  "versions":{"1.0.0":{},"1.1.0":{},"1.2.0":{},"1.3.0":{},"2.0.0-beta.1":{},"1.2.5":{}},
  "time":{"created":"2019-01-01T00:00:00.000Z","modified":"2022-01-01T00:00:00.000Z",
    "1.0.0":"2020-01-01T00:00:00.000Z","1.1.0":"2020-06-01T00:00:00.000Z",
    "1.2.0":"2021-01-01T00:00:00.000Z","1.3.0":"2021-06-01T00:00:00.000Z",
    "2.0.0-beta.1":"2021-03-01T00:00:00.000Z"}})";

TEST(PickManifestTest, Before) {
  Packument p = *ParsePackument(kTimedDoc, "pkg");
  PickOptions options;
  options.before = ParseIsoTime("2021-02-01");
  ExpectPicks(p, {{"", "1.2.5"}, {"*", "1.2.5"}, {"latest", "1.2.5"}, {"^1.0.0", "1.2.5"},
                  {"1.3.0", nullptr}, {"1.2.5", "1.2.5"}, {"next", "1.2.5"}, {"old", "1.0.0"},
                  {"~1.1.0", "1.1.0"}, {"^2.0.0-0", nullptr}, {"1.1.0", "1.1.0"}},
              options);
  options.before = ParseIsoTime("2020-03-01");
  ExpectPicks(p, {{"~1.1.0", nullptr}, {"1.1.0", nullptr}, {"old", "1.0.0"}, {"", "1.2.5"}}, options);
  options.before = ParseIsoTime("2019-06-01");
  ExpectPicks(p, {{"old", nullptr}, {"^1.0.0", "1.2.5"}}, options);
  // Without `before` the tags win as usual.
  ExpectPicks(p, {{"", "1.3.0"}, {"next", "2.0.0-beta.1"}});

  Packument late = *ParsePackument(R"({"name":"late","dist-tags":{"latest":"1.0.0"},
      "versions":{"1.0.0":{}},"time":{"1.0.0":"2020-01-01T00:00:00.000Z"}})", "late");
  for (const char* wanted : {"", "^1.0.0", "latest"}) {
    PickFailure failure;
    EXPECT_FALSE(PickManifest(late, wanted, options, &failure).ok()) << wanted;
    EXPECT_EQ(failure.code, "ENOVERSIONS") << wanted;
  }
}

TEST(PickManifestTest, EnginesOnlyCountWhenKnown) {
  Packument p = *ParsePackument(kDoc, "pkg");
  // Without a Node version the engines preference is off; the newest non-deprecated
  // version satisfying ^1.3.0 is then 1.5.0 (with Node 20 it is 1.3.0, see Choices).
  EXPECT_EQ((*PickManifest(p, "^1.3.0"))->version, "1.5.0");
  EXPECT_EQ((*PickManifest(p, ">=1.3.0 <1.5.1"))->version, "1.5.0");
  PickOptions node22;
  node22.node_version = "22.1.0";
  EXPECT_EQ((*PickManifest(p, ">=1.3.0 <1.5.1", node22))->version, "1.5.0");
}

TEST(PickManifestTest, LatestIsSkippedWhenDeprecatedOrEngineRefuses) {
  Packument p = *ParsePackument(R"({"name":"q","dist-tags":{"latest":"1.1.0"},
      "versions":{"1.0.0":{},"1.1.0":{"deprecated":"no"},"1.0.5":{"engines":{"node":">=99"}}}})", "q");
  PickOptions options;
  options.node_version = "20.11.1";
  EXPECT_EQ((*PickManifest(p, "^1.0.0", options))->version, "1.0.0");
  // All satisfying versions deprecated: the highest one still wins.
  Packument d = *ParsePackument(R"({"name":"d","versions":{"1.0.0":{"deprecated":"x"},"1.1.0":{"deprecated":"y"}}})", "d");
  EXPECT_EQ((*PickManifest(d, "1"))->version, "1.1.0");
}

TEST(PickManifestTest, DefaultTagOption) {
  Packument p = *ParsePackument(kDoc, "pkg");
  PickOptions options;
  options.default_tag = "next";
  EXPECT_EQ((*PickManifest(p, "", options))->version, "2.0.0-beta.1");
  // A range the default tag does not satisfy falls back to the highest usable one.
  EXPECT_EQ((*PickManifest(p, "^1.0.0", options))->version, "1.5.0");
}

TEST(PickManifestTest, TargetErrorsAsNpmWordsThem) {
  Packument p = *ParsePackument(kDoc, "pkg");
  PickFailure failure;
  Result<const Manifest*> m = PickManifest(p, "^7.0.0", {}, &failure);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "No matching version found for pkg@^7.0.0.");
  EXPECT_EQ(failure.code, "ETARGET");
  EXPECT_EQ(failure.wanted, "^7.0.0");
  EXPECT_EQ(failure.versions.size(), 9u);
  EXPECT_EQ(failure.versions.front(), "0.9.0");
  EXPECT_EQ(NoTargetHelp(failure).size(), 2u);

  Packument empty = *ParsePackument(R"({"name":"e","versions":{}})", "e");
  m = PickManifest(empty, "^1", {}, &failure);
  EXPECT_EQ(m.status().message(), "No versions available for e");
  EXPECT_EQ(failure.code, "ENOVERSIONS");
}

// Version keys in loose forms, with leading zeros, build metadata or parts too large for
// a safe integer rank as node-semver's loose parse reads them (or drop out).
TEST(PickManifestTest, LooseVersionKeys) {
  Packument p = *ParsePackument(R"({"name":"k","versions":{
      "1.0.0":{}, "01.5.0":{}, "1.2.0+build.7":{}, "v1.3.0":{}, "1.4.0-rc.1":{},
      "1.1.9999999999999999":{}, "1.1.999999999999999":{}, "2.0":{}, " 1.0.1 ":{}}})", "k");
  ExpectPicks(p, {{"^1.0.0", "01.5.0"}, {"1.2.x", "1.2.0+build.7"}, {"~1.3.0", "v1.3.0"},
                  {"1.1.x", "1.1.999999999999999"}, {"^1.4.0-rc.0", "01.5.0"}, {"1.4.0-rc.1", "1.4.0-rc.1"},
                  {"~1.0.1", " 1.0.1 "}, {">=2", nullptr}, {"1.4.x", nullptr},
                  {">=1.4.0-alpha <1.5", "1.4.0-rc.1"}});
}

// Prereleases of the next major are what a caret range's "<8.0.0-0" bound names: the
// picker skips them unread, and takes them where a branch really admits them (the
// expectations are node-semver's maxSatisfying; no dist-tags, so no default tag wins).
TEST(PickManifestTest, PrereleasesAtTheUpperBound) {
  Packument p = *ParsePackument(R"({"name":"b","versions":{
      "7.0.0":{}, "7.2.0":{}, "8.0.0-alpha.1":{}, "8.0.0-0":{}, "8.0.0-rc.2":{}, "8.0.1-0":{}}})", "b");
  ExpectPicks(p, {{"^7.1.0", "7.2.0"},          {"~7.2.0", "7.2.0"},
                  {"<8.0.0-0", "7.2.0"},        {"<8.0.0-1", "8.0.0-0"},
                  {"<8.0.0", "7.2.0"},          {"^8.0.0-alpha.0", "8.0.0-rc.2"},
                  {">=8.0.0-0 <8.0.0-alpha", "8.0.0-0"}, {"^7.1.0 || 8.0.0-rc.2", "8.0.0-rc.2"},
                  {">=8.0.0-alpha.0 <8.0.0-0", nullptr}});
}

// Keys whose major no branch of the range can accept are refused from their first digits;
// the answers stay node-semver's maxSatisfying (no dist-tags, so no default tag wins).
TEST(PickManifestTest, MajorsOutsideTheRange) {
  Packument p = *ParsePackument(R"({"name":"m","versions":{
      "0.0.1":{}, "0.0.2":{}, "0.1.0":{}, "1.0.0":{}, "1.9.9":{}, "2.0.0-beta.1":{}, "2.0.0":{},
      "2.5.1":{}, "3.0.0-0":{}, "3.0.0-rc.1":{}, "3.1.0":{}, "4.0.0":{}, "4.2.0-alpha":{},
      "4.2.0":{}, "10.0.0":{}, "10.3.0":{}, "11.0.0-dev.1":{}}})", "m");
  ExpectPicks(p, {{"^4.1.0", "4.2.0"},    {"<3.0.0-0", "2.5.1"},   {"<3.0.0", "2.5.1"},
                  {">=2 <4", "3.1.0"},    {"1 || 10", "10.3.0"},   {"<0.0.0-0", nullptr},
                  {"~0.0.1", "0.0.2"},    {"<=2.5.1", "2.5.1"},    {">3.0.0-0 <3.1.0", "3.0.0-rc.1"},
                  {"10.x", "10.3.0"},     {">4", "10.3.0"},        {"=2.5.1", "2.5.1"},
                  {">=2.0.0-beta.1 <2.0.0", "2.0.0-beta.1"},       {"*", "10.3.0"},
                  {"<4.2.0-0", "4.0.0"}});
}

// The picked version's object is read whole; a damaged one is the pick's error.
TEST(PickManifestTest, DamagedVersionIsAnError) {
  Packument p = *ParsePackument(R"({"name":"d","dist-tags":{"latest":"1.1.0"},
      "versions":{"1.0.0":{},"1.1.0":{"a":[1 2]},"2.0.0":{"deprecated":tru}}})", "d");
  EXPECT_EQ((*PickManifest(p, "1.0.0"))->version, "1.0.0");
  for (const char* wanted : {"^1.0.0", "latest", "1.1.0", "^2"}) {
    Result<const Manifest*> m = PickManifest(p, wanted);
    ASSERT_FALSE(m.ok()) << wanted;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument) << wanted;
  }
}

// Answers are kept with the packument, keyed by the dist-tags they read too (pinning
// moves `latest` on a copy).
TEST(PickManifestTest, AnswersAreKeptButFollowTheDistTags) {
  Packument p = *ParsePackument(kDoc, "pkg");
  PickOptions options;
  options.node_version = "20.11.1";
  const Manifest* first = *PickManifest(p, "^1.0.0", options);
  EXPECT_EQ(first->version, "1.2.0");
  EXPECT_EQ(*PickManifest(p, "^1.0.0", options), first);
  EXPECT_EQ((*PickManifest(p, "^1.0.0"))->version, "1.2.0");
  p.dist_tags[0].second = "1.1.0";
  EXPECT_EQ((*PickManifest(p, "^1.0.0", options))->version, "1.1.0");
  Packument copy = p;
  copy.dist_tags.clear();
  EXPECT_EQ((*PickManifest(copy, "^1.0.0", options))->version, "1.3.0");
  EXPECT_EQ((*PickManifest(p, "^1.0.0", options))->version, "1.1.0");
}

TEST(PickManifestTest, RejectsNonRegistrySpecs) {
  Packument p = *ParsePackument(kDoc, "pkg");
  EXPECT_EQ(PickManifest(p, "file:../x").status().message(),
            "Only tag, version, and range are supported");
  EXPECT_EQ(PickManifest(p, "bad tag!").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace skua::pm::registry
