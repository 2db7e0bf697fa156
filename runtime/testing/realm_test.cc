// Binding-level tests of the realm: bindings load once, and what they expose behaves.
#include <cstdlib>

#include "runtime/core/v8_helpers.h"
#include "runtime/testing/realm_fixture.h"

namespace skua::testing {
namespace {

using RealmTest = RealmFixture;

TEST_F(RealmTest, BindingsAreCreatedOnceAndCached) {
  ExpectEval("binding('util') === binding('util')", "true");
}

TEST_F(RealmTest, UnknownBindingThrows) {
  ExpectEval("binding('no_such_binding')", "throws: Error: No such binding: no_such_binding");
}

TEST_F(RealmTest, ProcessEnvIsTheRealEnvironment) {
  setenv("SKUA_REALM_TEST", "from C++", 1);
  ExpectEval("binding('process_env').env.SKUA_REALM_TEST", "from C++");
  ExpectEval("binding('process_env').env.SKUA_REALM_TEST = 42; typeof "
             "binding('process_env').env.SKUA_REALM_TEST",
             "string");
  EXPECT_STREQ(getenv("SKUA_REALM_TEST"), "42");
  ExpectEval("'SKUA_REALM_TEST' in binding('process_env').env", "true");
  ExpectEval("Object.keys(binding('process_env').env).includes('SKUA_REALM_TEST')", "true");
  ExpectEval("delete binding('process_env').env.SKUA_REALM_TEST", "true");
  EXPECT_EQ(getenv("SKUA_REALM_TEST"), nullptr);
}

TEST_F(RealmTest, PromiseDetails) {
  ExpectEval("JSON.stringify(binding('util').getPromiseDetails(Promise.resolve(5)))", "[1,5]");
  ExpectEval("JSON.stringify(binding('util').getPromiseDetails(new Promise(() => {})))",
             "[0,null]");
}

TEST_F(RealmTest, BuiltinsCompileToModuleFunctions) {
  // (exports, require, module, process, internalBinding)
  ExpectEval("binding('builtins').compileFunction('internal/errors').length", "5");
  ExpectEval("binding('builtins').builtinIds.includes('events')", "true");
  ExpectEval("binding('builtins').compileFunction('nope')",
             "throws: Error: No such built-in module: nope");
}

TEST_F(RealmTest, MakeCallbackDrainsMicrotasksAfterTheCallback) {
  v8::HandleScope scope(isolate());
  Eval("globalThis.log = []; globalThis.fn = () => { Promise.resolve().then(() => "
       "log.push('microtask')); log.push('callback'); }");
  v8::Local<v8::Context> context = realm()->context();
  v8::Local<v8::Value> fn =
      context->Global()->Get(context, OneByteString(isolate(), "fn")).ToLocalChecked();
  ASSERT_FALSE(realm()->MakeCallback(fn.As<v8::Function>(), v8::Undefined(isolate()), 0, nullptr)
                   .IsEmpty());
  ExpectEval("log.join()", "callback,microtask");
}

TEST_F(RealmTest, ContextifyKeepsLineNumbersOfCompiledFunctions) {
  ExpectEval("try { binding('contextify').compileFunction('\\n\\nthrow new Error(\"x\")', "
             "'/f.js', [])() } catch (e) { e.stack.split('\\n')[1].trim() }",
             "at /f.js:3:7");
}

}  // namespace
}  // namespace skua::testing
