// Small helpers over the V8 API used by the core and every binding: string conversion,
// attaching methods, throwing Node-shaped errors. Deliberately thin: no type marshalling.
#ifndef SKUA_RUNTIME_CORE_V8_HELPERS_H_
#define SKUA_RUNTIME_CORE_V8_HELPERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "v8.h"

namespace skua {

// An internalized one-byte string for a literal or other Latin-1 text (property names).
inline v8::Local<v8::String> OneByteString(v8::Isolate* isolate, std::string_view text) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(text.data()),
                                    v8::NewStringType::kInternalized,
                                    static_cast<int>(text.size()))
      .ToLocalChecked();  // Only fails past V8's string length limit.
}

// A string from UTF-8 text; empty if the text exceeds V8's maximum string length.
inline v8::MaybeLocal<v8::String> Utf8String(v8::Isolate* isolate, std::string_view text) {
  return v8::String::NewFromUtf8(isolate, text.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(text.size()));
}

// The UTF-8 form of any value (ToString semantics; "" when conversion throws).
inline std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : std::string();
}

// Attaches a native function as a method of `target`.
inline void SetMethod(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                      std::string_view name, v8::FunctionCallback callback,
                      v8::Local<v8::Value> data = v8::Local<v8::Value>()) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::String> key = OneByteString(isolate, name);
  v8::Local<v8::Function> fn = v8::FunctionTemplate::New(isolate, callback, data)
                                   ->GetFunction(context)
                                   .ToLocalChecked();  // Fresh template: cannot fail.
  fn->SetName(key);
  target->Set(context, key, fn).Check();  // Plain data property on our own object.
}

inline void SetValue(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
                     std::string_view name, v8::Local<v8::Value> value) {
  target->Set(context, OneByteString(context->GetIsolate(), name), value).Check();
}

// A JS array of the strings; empty if one exceeds V8's maximum string length.
v8::MaybeLocal<v8::Array> ToStringArray(v8::Isolate* isolate,
                                        const std::vector<std::string>& items);

// The UTF-8 strings of a JS array's elements; empty when `value` is not an array.
std::vector<std::string> FromStringArray(v8::Local<v8::Context> context,
                                         v8::Local<v8::Value> value);

// V8's code cache from an ArrayBufferView (vm's `cachedData`), or nullptr for anything
// else. A ScriptCompiler::Source takes ownership; the view must outlive the compile.
inline v8::ScriptCompiler::CachedData* CachedDataFromView(v8::Local<v8::Value> value) {
  if (!value->IsArrayBufferView()) return nullptr;
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  const uint8_t* data =
      static_cast<const uint8_t*>(view->Buffer()->GetBackingStore()->Data()) + view->ByteOffset();
  return new v8::ScriptCompiler::CachedData(data, static_cast<int>(view->ByteLength()));
}

// Throws `new ErrorType(message)` with `code` set, as Node's THROW_ERR_* macros do.
void ThrowError(v8::Isolate* isolate, std::string_view code, std::string_view message,
                bool type_error = false);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_V8_HELPERS_H_
