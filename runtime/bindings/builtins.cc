// `builtins`: the embedded stdlib, for the builtin module loader
// (stdlib/internal/bootstrap/realm.js).
#include "runtime/core/binding.h"
#include "runtime/core/builtins.h"

namespace skua::builtins {

namespace {

// compileFunction(id): the module function (exports, require, module, process, internalBinding).
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string id = ToUtf8(isolate, args[0]);
  v8::Local<v8::Function> fn;
  if (CompileBuiltin(isolate->GetCurrentContext(), id,
                     {"exports", "require", "module", "process", "internalBinding"})
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("compileFunction", CompileFunction);
  v8::Local<v8::Array> ids = v8::Array::New(target.isolate, static_cast<int>(kBuiltinSourceCount));
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    ids->Set(target.context, static_cast<uint32_t>(i),
             OneByteString(target.isolate, kBuiltinSources[i].id))
        .Check();  // A fresh array: plain element sets cannot fail.
  }
  target.Value("builtinIds", ids);
}

}  // namespace skua::builtins

SKUA_BINDING(builtins, Initialize)
