#include "pm/lockfile/extraneous.h"

#include <gtest/gtest.h>

namespace skua::pm::lockfile {
namespace {

std::vector<std::string> Locations(const Lockfile& lock) {
  std::vector<std::string> out;
  for (const LockEntry& e : lock.packages) out.push_back(e.location);
  return out;
}

// The shape npm 11's `install --package-lock-only` wrote for jest-circus 29, whose dedent
// has an optional peer on babel-plugin-macros that nothing else installs.
TEST(DropExtraneousTest, DropsMarkedEntriesAndWhatTheyHold) {
  Result<Lockfile> parsed = ParseLockfile(R"({
    "name": "root", "lockfileVersion": 3, "requires": true,
    "packages": {
      "": {"name": "root", "dependencies": {"jest-circus": "29.7.0"}},
      "node_modules/jest-circus": {"version": "29.7.0"},
      "node_modules/jest-circus/node_modules/babel-plugin-macros": {"version": "3.1.0", "extraneous": true},
      "node_modules/jest-circus/node_modules/babel-plugin-macros/node_modules/x": {"version": "1.0.0"},
      "node_modules/jest-circus/node_modules/babel-plugin-macrosx": {"version": "1.0.0"},
      "node_modules/jest-circus/node_modules/dedent": {"version": "1.6.0"}
    }
  })", "package-lock.json");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  Lockfile lock = std::move(parsed).value();
  EXPECT_EQ(DropExtraneous(lock), 2);
  EXPECT_EQ(Locations(lock), (std::vector<std::string>{"", "node_modules/jest-circus",
                                                        "node_modules/jest-circus/node_modules/babel-plugin-macrosx",
                                                        "node_modules/jest-circus/node_modules/dedent"}));
  EXPECT_EQ(DropExtraneous(lock), 0);
}

}  // namespace
}  // namespace skua::pm::lockfile
