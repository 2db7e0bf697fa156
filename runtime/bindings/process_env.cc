// `process_env`: process.env, a live view of the real environment. Reads and writes go
// straight to getenv/setenv, so child processes and native code see the same values.
#include <cstdlib>

#include "runtime/core/binding.h"

extern char** environ;

namespace skua::process_env {

namespace {

void Getter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::String::Utf8Value key(isolate, property);
  const char* value = getenv(*key);
  v8::Local<v8::String> result;
  if (value != nullptr && Utf8String(isolate, value).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

void Setter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
            const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::String> text;
  // Node coerces every value to a string.
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&text)) return;
  v8::String::Utf8Value key(isolate, property);
  v8::String::Utf8Value utf8(isolate, text);
  if (key.length() > 0 && std::string_view(*key).find('=') == std::string_view::npos) {
    setenv(*key, *utf8, 1);
  }
  info.GetReturnValue().Set(value);
}

void Query(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Integer>& info) {
  if (!property->IsString()) return;
  v8::String::Utf8Value key(info.GetIsolate(), property);
  if (getenv(*key) != nullptr) info.GetReturnValue().Set(static_cast<int>(v8::None));
}

void Deleter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  if (!property->IsString()) return;
  v8::String::Utf8Value key(info.GetIsolate(), property);
  unsetenv(*key);
  info.GetReturnValue().Set(true);
}

void Enumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> keys = v8::Array::New(isolate);
  uint32_t index = 0;
  for (char** entry = environ; *entry != nullptr; entry++) {
    std::string_view line(*entry);
    size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    v8::Local<v8::String> key;
    if (!Utf8String(isolate, line.substr(0, eq)).ToLocal(&key)) continue;
    if (keys->Set(context, index++, key).IsNothing()) return;
  }
  info.GetReturnValue().Set(keys);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Local<v8::ObjectTemplate> templ = v8::ObjectTemplate::New(target.isolate);
  templ->SetHandler(v8::NamedPropertyHandlerConfiguration(Getter, Setter, Query, Deleter,
                                                          Enumerator));
  v8::Local<v8::Object> env;
  if (templ->NewInstance(target.context).ToLocal(&env)) target.Value("env", env);
}

}  // namespace skua::process_env

SKUA_BINDING(process_env, Initialize)
