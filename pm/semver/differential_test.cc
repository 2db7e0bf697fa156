// Differential test against node-semver: every row of testdata/node_semver_cases.json
// (written by tools/pm/gen_semver_cases.js from node-semver itself) must come out the
// same from skua: version validity and canonical form, clean, coerce, ordering, range
// validity and printed form in four option modes, satisfies for every (range, version)
// pair, max/minSatisfying, and intersects for pairs of ranges.
#include <simdjson.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"

namespace skua::pm::semver {
namespace {

constexpr RangeOptions kModes[] = {{false, false}, {true, false}, {false, true}, {true, true}};
constexpr const char* kModeNames[] = {"default", "loose", "includePrerelease", "loose+includePrerelease"};

class NodeSemverCases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in("pm/semver/testdata/node_semver_cases.json", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text_ = new simdjson::padded_string(buffer.str());
    parser_ = new simdjson::dom::parser();
    root_ = new simdjson::dom::element();
    ASSERT_EQ(parser_->parse(*text_).get(*root_), simdjson::SUCCESS);
  }
  static void TearDownTestSuite() {
    delete root_;
    delete parser_;
    delete text_;
  }

  static simdjson::dom::element Get(std::string_view pointer) {
    simdjson::dom::element e;
    EXPECT_EQ(root_->at_pointer(pointer).get(e), simdjson::SUCCESS) << pointer;
    return e;
  }

  static std::optional<std::string> OptString(simdjson::dom::element e) {
    std::string_view s;
    if (e.get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
    return std::string(s);
  }

  static std::string Str(simdjson::dom::element e) { return OptString(e).value_or("<not a string>"); }

  static std::vector<std::string> Strings(simdjson::dom::element e) {
    std::vector<std::string> out;
    for (simdjson::dom::element item : e.get_array()) out.push_back(Str(item));
    return out;
  }

  static simdjson::padded_string* text_;
  static simdjson::dom::parser* parser_;
  static simdjson::dom::element* root_;
};

simdjson::padded_string* NodeSemverCases::text_;
simdjson::dom::parser* NodeSemverCases::parser_;
simdjson::dom::element* NodeSemverCases::root_;

std::string Show(const std::optional<std::string>& s) { return s ? "\"" + *s + "\"" : "null"; }

TEST_F(NodeSemverCases, Versions) {
  int rows = 0;
  for (simdjson::dom::element row : Get("/versions").get_array()) {
    std::string in = Str(row["in"]);
    EXPECT_EQ(Show(Valid(in, false)), Show(OptString(row["strict"]))) << "valid(" << in << ")";
    EXPECT_EQ(Show(Valid(in, true)), Show(OptString(row["loose"]))) << "valid(" << in << ", loose)";
    EXPECT_EQ(Show(Clean(in, true)), Show(OptString(row["clean"]))) << "clean(" << in << ")";
    std::optional<Version> coerced = Coerce(in);
    EXPECT_EQ(Show(coerced ? std::optional<std::string>(coerced->ToString()) : std::nullopt),
              Show(OptString(row["coerce"])))
        << "coerce(" << in << ")";
    ++rows;
  }
  EXPECT_GT(rows, 500);
  RecordProperty("version_rows", rows);
}

TEST_F(NodeSemverCases, Ordering) {
  std::vector<std::string> texts = Strings(Get("/order/versions"));
  std::string compare = Str(Get("/order/compare"));
  std::string compare_build = Str(Get("/order/compareBuild"));
  std::vector<Version> versions;
  for (const std::string& t : texts) {
    Result<Version> v = ParseVersion(t, true);
    ASSERT_TRUE(v.ok()) << t;
    versions.push_back(*v);
  }
  ASSERT_EQ(compare.size(), versions.size() * versions.size());
  auto sign = [](int c) { return c < 0 ? '<' : c > 0 ? '>' : '='; };
  size_t k = 0;
  for (size_t i = 0; i < versions.size(); ++i) {
    for (size_t j = 0; j < versions.size(); ++j, ++k) {
      EXPECT_EQ(sign(Compare(versions[i], versions[j])), compare[k])
          << "compare(" << texts[i] << ", " << texts[j] << ")";
      EXPECT_EQ(sign(CompareBuild(versions[i], versions[j])), compare_build[k])
          << "compareBuild(" << texts[i] << ", " << texts[j] << ")";
    }
  }
}

TEST_F(NodeSemverCases, Ranges) {
  std::vector<std::string> sat_versions = Strings(Get("/satVersions"));
  int ranges = 0, pairs = 0;
  for (simdjson::dom::element row : Get("/ranges").get_array()) {
    std::string in = Str(row["in"]);
    std::string sat = Str(row["sat"]);
    if (sat.empty()) sat.assign(sat_versions.size(), '0');  // Nothing matches.
    ASSERT_EQ(sat.size(), sat_versions.size());
    for (int m = 0; m < 4; ++m) {
      const char* mode = kModeNames[m];
      EXPECT_EQ(Show(ValidRange(in, kModes[m])), Show(OptString(row["valid"].at(m))))
          << "validRange(\"" << in << "\", " << mode << ")";
      Result<Range> range = Range::Parse(in, kModes[m]);
      for (size_t v = 0; v < sat_versions.size(); ++v) {
        int bits = sat[v] <= '9' ? sat[v] - '0' : sat[v] - 'a' + 10;
        bool want = (bits >> m) & 1;
        bool got = range.ok() && range->Test(sat_versions[v]);
        EXPECT_EQ(got, want) << "satisfies(\"" << sat_versions[v] << "\", \"" << in << "\", "
                             << mode << ")";
        ++pairs;
      }
      EXPECT_EQ(Show(MaxSatisfying(sat_versions, in, kModes[m])), Show(OptString(row["max"].at(m))))
          << "maxSatisfying(\"" << in << "\", " << mode << ")";
      EXPECT_EQ(Show(MinSatisfying(sat_versions, in, kModes[m])), Show(OptString(row["min"].at(m))))
          << "minSatisfying(\"" << in << "\", " << mode << ")";
    }
    ++ranges;
  }
  EXPECT_GT(ranges, 1000);
  RecordProperty("range_rows", ranges);
  RecordProperty("satisfies_pairs", pairs);
  std::printf("differential: %d ranges, %d satisfies checks\n", ranges, pairs);
}

TEST_F(NodeSemverCases, Intersects) {
  int pairs = 0;
  for (simdjson::dom::element row : Get("/intersects").get_array()) {
    std::vector<std::string> in = Strings(row["in"]);
    ASSERT_EQ(in.size(), 2u);
    std::string bits_text = Str(row["i"]);
    int bits = bits_text[0] <= '9' ? bits_text[0] - '0' : bits_text[0] - 'a' + 10;
    for (int m = 0; m < 4; ++m) {
      EXPECT_EQ(Intersects(in[0], in[1], kModes[m]), ((bits >> m) & 1) == 1)
          << "intersects(\"" << in[0] << "\", \"" << in[1] << "\", " << kModeNames[m] << ")";
    }
    ++pairs;
  }
  EXPECT_GT(pairs, 1000);
  RecordProperty("intersect_pairs", pairs);
}

}  // namespace
}  // namespace skua::pm::semver
