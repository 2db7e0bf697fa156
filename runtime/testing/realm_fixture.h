// A GoogleTest fixture that boots V8, one isolate and a Realm on a private libuv loop,
// without stdlib's bootstrap: tests reach native bindings through a global
// `binding(name)` and assert on evaluated JavaScript (Eval / ExpectEval).
#ifndef SKUA_RUNTIME_TESTING_REALM_FIXTURE_H_
#define SKUA_RUNTIME_TESTING_REALM_FIXTURE_H_

#include <gtest/gtest.h>
#include <uv.h>

#include <memory>
#include <string>

#include "runtime/core/cli_options.h"
#include "runtime/core/realm.h"
#include "v8.h"

namespace skua::testing {

class RealmFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `source` as a script; returns String(result), or "throws: <message>".
  std::string Eval(const std::string& source);
  void ExpectEval(const std::string& source, const std::string& expected) {
    EXPECT_EQ(Eval(source), expected) << "for: " << source;
  }

  Realm* realm() { return realm_.get(); }
  v8::Isolate* isolate() { return isolate_; }
  uv_loop_t* loop() { return &loop_; }

 private:
  uv_loop_t loop_;
  CliOptions options_;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_ = nullptr;
  v8::Global<v8::Context> context_;
  std::unique_ptr<Realm> realm_;
};

}  // namespace skua::testing

#endif  // SKUA_RUNTIME_TESTING_REALM_FIXTURE_H_
