// `contextify`: compiling user code. CommonJS modules become functions (so line and
// column numbers stay those of the file); -e/-p code runs as a classic script.
#include "runtime/core/binding.h"

namespace skua::contextify {

namespace {

// compileFunction(code, filename, params[]) -> function.
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> code = args[0].As<v8::String>();
  v8::ScriptOrigin origin(isolate, args[1].As<v8::String>());
  v8::ScriptCompiler::Source source(code, origin);
  v8::Local<v8::Array> param_array = args[2].As<v8::Array>();
  std::vector<v8::Local<v8::String>> params;
  for (uint32_t i = 0; i < param_array->Length(); i++) {
    v8::Local<v8::Value> name;
    if (!param_array->Get(context, i).ToLocal(&name)) return;
    params.push_back(name.As<v8::String>());
  }
  v8::Local<v8::Function> fn;
  if (v8::ScriptCompiler::CompileFunction(context, &source, params.size(), params.data())
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

// runScript(code, filename) -> the completion value.
void RunScript(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, args[1].As<v8::String>());
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (v8::Script::Compile(context, args[0].As<v8::String>(), &origin).ToLocal(&script) &&
      script->Run(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("compileFunction", CompileFunction);
  target.Method("runScript", RunScript);
}

}  // namespace skua::contextify

SKUA_BINDING(contextify, Initialize)
