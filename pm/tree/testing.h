// Loading the generated npm cases (testdata/<case>/, tools/pm/gen_tree_cases.js) for the
// tree and lockfile differential tests.
#ifndef SKUA_PM_TREE_TESTING_H_
#define SKUA_PM_TREE_TESTING_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "pm/lockfile/lockfile.h"
#include "pm/tree/build_ideal_tree.h"
#include "pm/tree/packument_source.h"

namespace skua::pm::tree::testing {

struct NpmCase {
  std::string name;
  std::string package_json;
  std::string npm_lockfile;  // Empty when npm failed.
  std::string npm_error;     // npm's stderr when it failed.
  std::vector<std::string> flags;
  MemoryPackumentSource source;
  // Change cases: npm's lockfile before the change, which `options.start` points to.
  std::shared_ptr<const lockfile::Lockfile> start;
  // From the flags (for the generator's machine: linux x64, Node 20) and the change.
  BuildOptions options;
};

// Case names from testdata/cases.txt under `dir` ("pm/tree/testdata").
std::vector<std::string> CaseNames(const std::string& dir);

Result<NpmCase> LoadCase(const std::string& dir, const std::string& name);

bool ReadFile(const std::string& path, std::string* out);

}  // namespace skua::pm::tree::testing

#endif  // SKUA_PM_TREE_TESTING_H_
