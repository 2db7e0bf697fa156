// How a native binding attaches itself. A binding is one file in runtime/bindings/,
// `namespace skua::<name>`, with `void Initialize(BindingTarget&)` and a closing
// `SKUA_BINDING(<name>, Initialize)`; binding_list.h names every binding, and the realm
// calls their registrations explicitly (no static constructors: Bazel drops unreferenced
// objects from static links).
#ifndef SKUA_RUNTIME_CORE_BINDING_H_
#define SKUA_RUNTIME_CORE_BINDING_H_

#include <string_view>

#include "runtime/core/v8_helpers.h"
#include "v8.h"

namespace skua {

class Realm;

struct BindingTarget {
  Realm* realm;
  v8::Isolate* isolate;
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> exports;

  void Method(std::string_view name, v8::FunctionCallback callback) {
    SetMethod(context, exports, name, callback);
  }
  void Value(std::string_view name, v8::Local<v8::Value> value) {
    SetValue(context, exports, name, value);
  }
};

// Fills `target.exports` for the binding called `name`; false if there is none.
bool InitializeBinding(std::string_view name, BindingTarget& target);

}  // namespace skua

#define SKUA_BINDING(name, initialize)                 \
  namespace skua::bindings {                           \
  void Register_##name(::skua::BindingTarget& target) { \
    ::skua::name::initialize(target);                  \
  }                                                    \
  }

#endif  // SKUA_RUNTIME_CORE_BINDING_H_
