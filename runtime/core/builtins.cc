// Compiles embedded stdlib sources. ASCII sources are handed to V8 as external strings,
// so they are never copied onto the V8 heap.
#include "runtime/core/builtins.h"

#include <string>

#include "runtime/core/v8_helpers.h"

namespace skua {

namespace {

class StaticOneByteResource : public v8::String::ExternalOneByteStringResource {
 public:
  StaticOneByteResource(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data() const override { return data_; }
  size_t length() const override { return size_; }

 private:
  const char* data_;  // Lifetime: static storage from the generated table.
  size_t size_;
};

v8::MaybeLocal<v8::String> SourceString(v8::Isolate* isolate, const BuiltinSource& source) {
  if (source.ascii) {
    // V8 owns the resource and deletes it when the string dies; the text is static.
    return v8::String::NewExternalOneByte(isolate,
                                          new StaticOneByteResource(source.data, source.size));
  }
  return Utf8String(isolate, std::string_view(source.data, source.size));
}

}  // namespace

const BuiltinSource* FindBuiltinSource(std::string_view id) {
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    if (id == kBuiltinSources[i].id) return &kBuiltinSources[i];
  }
  return nullptr;
}

v8::MaybeLocal<v8::Function> CompileBuiltin(v8::Local<v8::Context> context, std::string_view id,
                                            const std::vector<std::string_view>& params) {
  v8::Isolate* isolate = context->GetIsolate();
  const BuiltinSource* source = FindBuiltinSource(id);
  if (source == nullptr) {
    ThrowError(isolate, "ERR_UNKNOWN_BUILTIN_MODULE",
               "No such built-in module: " + std::string(id));
    return v8::MaybeLocal<v8::Function>();
  }
  v8::Local<v8::String> text;
  if (!SourceString(isolate, *source).ToLocal(&text)) return v8::MaybeLocal<v8::Function>();
  v8::Local<v8::String> name;
  if (!Utf8String(isolate, "node:" + std::string(id)).ToLocal(&name)) {
    return v8::MaybeLocal<v8::Function>();
  }
  v8::ScriptOrigin origin(isolate, name);
  v8::ScriptCompiler::Source compiler_source(text, origin);
  std::vector<v8::Local<v8::String>> names;
  for (std::string_view p : params) names.push_back(OneByteString(isolate, p));
  return v8::ScriptCompiler::CompileFunction(context, &compiler_source, names.size(),
                                             names.data());
}

}  // namespace skua
