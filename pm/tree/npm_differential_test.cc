// The ideal tree against npm 11 on generated registries: for every case in testdata/
// (tools/pm/gen_tree_cases.js), the set of (location, package name, version) skua
// builds must equal the `packages` of npm's package-lock.json, and where npm refused
// (ERESOLVE) skua must refuse too.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <set>
#include <iostream>
#include <sstream>
#include <tuple>

#include "pm/lockfile/lockfile.h"
#include "pm/tree/build_ideal_tree.h"
#include "pm/tree/testing.h"

namespace skua::pm::tree {
namespace {

using Row = std::tuple<std::string, std::string, std::string>;

// npm's stderr as the message it printed: "npm error " prefixes dropped, and the lines
// from the blank pair before "For a full report see:" on.
std::string NpmErrorText(const std::string& stderr_text) {
  std::string text;
  size_t start = 0;
  while (start < stderr_text.size()) {
    size_t end = stderr_text.find('\n', start);
    if (end == std::string::npos) end = stderr_text.size();
    std::string line = stderr_text.substr(start, end - start);
    start = end + 1;
    if (line.rfind("npm error", 0) == 0) line = line.substr(line.size() > 9 ? 10 : 9);
    if (line.rfind("For a full report see:", 0) == 0) break;
    text += line + "\n";
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::set<Row> NpmRows(const std::string& lock_text) {
  std::set<Row> rows;
  Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(lock_text, "package-lock.json");
  if (!lock.ok()) return rows;
  for (const lockfile::LockEntry& e : lock->packages) {
    if (e.location.empty()) continue;
    rows.emplace(e.location, e.PackageName(), e.Version());
  }
  return rows;
}

std::string Show(const std::set<Row>& rows) {
  std::ostringstream out;
  for (const auto& [loc, name, version] : rows) out << "  " << loc << " " << name << "@" << version << "\n";
  return out.str();
}

TEST(NpmDifferentialTest, TreeMatchesNpm) {
  const std::string dir = "pm/tree/testdata";
  std::vector<std::string> names = testing::CaseNames(dir);
  ASSERT_GT(names.size(), 30u);
  int matched = 0;
  std::vector<std::string> mismatched;
  for (const std::string& name : names) {
    Result<testing::NpmCase> c = testing::LoadCase(dir, name);
    ASSERT_TRUE(c.ok()) << c.status().message();
    testing::NpmCase& tc = const_cast<testing::NpmCase&>(*c);
    Result<IdealTree> tree = BuildIdealTree(tc.package_json, tc.source, tc.options);
    if (!tc.npm_error.empty()) {
      // npm's error code ("npm error code ERESOLVE") must be skua's too.
      size_t at = tc.npm_error.find("code ");
      std::string code = at == std::string::npos ? "" : tc.npm_error.substr(at + 5, tc.npm_error.find('\n', at) - at - 5);
      bool ok = !tree.ok() && tree.status().message().find(code) != std::string::npos;
      // ERESOLVE: npm's whole explanation (without its "npm error " prefixes and the
      // report file it names).
      if (ok && code == "ERESOLVE") {
        std::string want = NpmErrorText(tc.npm_error);
        EXPECT_EQ(tree.status().message(), want) << name;
        ok = tree.status().message() == want;
      }
      if (ok) {
        ++matched;
      } else {
        mismatched.push_back(name);
        ADD_FAILURE() << name << ": npm failed but skua " << (tree.ok() ? "succeeded" : tree.status().message());
      }
      continue;
    }
    if (!tree.ok()) {
      mismatched.push_back(name);
      ADD_FAILURE() << name << ": " << tree.status().message();
      continue;
    }
    std::set<Row> ours;
    for (const TreeEntry& e : tree->entries) {
      // A link's lockfile entry has no version.
      if (!e.location.empty()) ours.emplace(e.location, e.node->package_name(), e.node->is_link ? "" : e.node->version());
    }
    std::set<Row> theirs = NpmRows(tc.npm_lockfile);
    if (ours == theirs) {
      ++matched;
    } else {
      mismatched.push_back(name);
      ADD_FAILURE() << name << ":\nnpm:\n" << Show(theirs) << "skua:\n" << Show(ours);
    }
  }
  std::cout << "tree sets matching npm: " << matched << " of " << names.size() << "\n";
}

}  // namespace
}  // namespace skua::pm::tree
