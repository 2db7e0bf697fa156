#include "pm/lockfile/optional_set.h"

#include <gtest/gtest.h>

namespace skua::pm::lockfile {
namespace {

Lockfile Parse(std::string_view packages) {
  std::string text = R"({"name": "root", "lockfileVersion": 3, "requires": true, "packages": {)" +
                     std::string(packages) + "}}";
  Result<Lockfile> lock = ParseLockfile(text, "package-lock.json");
  EXPECT_TRUE(lock.ok()) << lock.status().message();
  return std::move(lock).value();
}

// The test's "platform": entries with a `cpu` cannot be installed.
std::set<std::string> Inert(const Lockfile& lock) {
  return InertLocations(lock, [](const LockEntry& e) { return e.meta.Get("cpu") != nullptr; });
}

// sharp 0.34's shape: its wasm32 build needs @emnapi/runtime, which needs tslib.
constexpr std::string_view kSharp = R"(
  "node_modules/@emnapi/runtime": {"version": "1.4.0", "optional": true, "dependencies": {"tslib": "^2.4.0"}},
  "node_modules/@img/sharp-linux-x64": {"version": "0.34.1", "optional": true},
  "node_modules/@img/sharp-wasm32": {"version": "0.34.1", "optional": true, "cpu": ["wasm32"],
                                     "dependencies": {"@emnapi/runtime": "^1.4.0"}},
  "node_modules/sharp": {"version": "0.34.1", "optionalDependencies": {"@img/sharp-linux-x64": "0.34.1", "@img/sharp-wasm32": "0.34.1"}},)";

TEST(InertLocationsTest, AnUnusableOptionalTakesWhatOnlyItNeeds) {
  Lockfile lock = Parse(std::string(R"("": {"name": "root", "dependencies": {"sharp": "^0.34.1"}},)") +
                        std::string(kSharp) + R"("node_modules/tslib": {"version": "2.8.1", "optional": true})");
  EXPECT_EQ(Inert(lock), (std::set<std::string>{"node_modules/@emnapi/runtime", "node_modules/@img/sharp-wasm32",
                                                 "node_modules/tslib"}));
}

TEST(InertLocationsTest, WhatSomethingElseNeedsStays) {
  Lockfile lock = Parse(std::string(R"("": {"name": "root", "dependencies": {"sharp": "^0.34.1", "tslib": "^2"}},)") +
                        std::string(kSharp) + R"("node_modules/tslib": {"version": "2.8.1"})");
  EXPECT_EQ(Inert(lock), (std::set<std::string>{"node_modules/@emnapi/runtime", "node_modules/@img/sharp-wasm32"}));
}

TEST(InertLocationsTest, ADependencyOfTwoUnusableOptionalsGoesWithTheSecond) {
  // The first set keeps "shared" (the second still needs it); the second, counting the
  // first as inert already, takes it.
  Lockfile lock = Parse(R"(
    "": {"name": "root", "optionalDependencies": {"a": "1", "b": "1"}},
    "node_modules/a": {"version": "1.0.0", "optional": true, "cpu": ["wasm32"], "dependencies": {"shared": "1"}},
    "node_modules/b": {"version": "1.0.0", "optional": true, "cpu": ["wasm32"], "dependencies": {"shared": "1"}},
    "node_modules/shared": {"version": "1.0.0", "optional": true})");
  EXPECT_EQ(Inert(lock), (std::set<std::string>{"node_modules/a", "node_modules/b", "node_modules/shared"}));
}

TEST(InertLocationsTest, DependentsThatCannotDoWithoutItGoToo) {
  // wrapper needs native (a regular dependency); the root's edge to wrapper is optional,
  // so the set stops there and takes wrapper's other dependency along.
  Lockfile lock = Parse(R"(
    "": {"name": "root", "optionalDependencies": {"wrapper": "1"}, "dependencies": {"other": "1"}},
    "node_modules/helper": {"version": "1.0.0", "optional": true},
    "node_modules/native": {"version": "1.0.0", "optional": true, "cpu": ["s390x"]},
    "node_modules/other": {"version": "1.0.0", "peerDependencies": {"wrapper": "1"},
                           "peerDependenciesMeta": {"wrapper": {"optional": true}}},
    "node_modules/wrapper": {"version": "1.0.0", "optional": true,
                             "dependencies": {"helper": "1", "native": "1"}})");
  EXPECT_EQ(Inert(lock), (std::set<std::string>{"node_modules/helper", "node_modules/native", "node_modules/wrapper"}));
}

TEST(InertLocationsTest, NothingUnusableNothingInert) {
  Lockfile lock = Parse(std::string(R"("": {"name": "root", "dependencies": {"sharp": "^0.34.1"}},)") +
                        std::string(kSharp) + R"("node_modules/tslib": {"version": "2.8.1", "optional": true})");
  EXPECT_TRUE(InertLocations(lock, [](const LockEntry&) { return false; }).empty());
  // An entry npm marked inert stays so.
  Lockfile marked = Parse(R"("": {"name": "root"}, "node_modules/x": {"version": "1.0.0", "inert": true})");
  EXPECT_EQ(InertLocations(marked, [](const LockEntry&) { return false; }), (std::set<std::string>{"node_modules/x"}));
}

}  // namespace
}  // namespace skua::pm::lockfile
