// `process_env`: process.env, a live view of the real environment. Reads and writes go
// straight to getenv/setenv, so child processes and native code see the same values.
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>

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

// True under --pending-deprecation (or NODE_PENDING_DEPRECATION=1).
bool PendingDeprecation(v8::Local<v8::Context> context, v8::Local<v8::Object> process) {
  const char* env = getenv("NODE_PENDING_DEPRECATION");
  if (env != nullptr && std::string_view(env) == "1") return true;
  v8::Local<v8::Value> exec_argv;
  if (!process->Get(context, OneByteString(context->GetIsolate(), "execArgv"))
           .ToLocal(&exec_argv)) {
    return false;
  }
  for (const std::string& arg : FromStringArray(context, exec_argv)) {
    if (arg == "--pending-deprecation") return true;
  }
  return false;
}

// DEP0104 (a pending deprecation), once per thread (a worker has its own): values other
// than strings, numbers and booleans are still stored, as their string form.
void WarnNonPrimitiveValue(v8::Isolate* isolate) {
  static thread_local bool warned = false;
  if (warned) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> process;
  v8::Local<v8::Value> emit_warning;
  if (!context->Global()->Get(context, OneByteString(isolate, "process")).ToLocal(&process) ||
      !process->IsObject() || !PendingDeprecation(context, process.As<v8::Object>()) ||
      !process.As<v8::Object>()
           ->Get(context, OneByteString(isolate, "emitWarning"))
           .ToLocal(&emit_warning) ||
      !emit_warning->IsFunction()) {
    return;
  }
  warned = true;
  v8::Local<v8::Value> args[] = {
      OneByteString(isolate,
                    "Assigning any value other than a string, number, or boolean to a "
                    "process.env property is deprecated. Please make sure to convert the "
                    "value to a string before setting process.env with it."),
      OneByteString(isolate, "DeprecationWarning"), OneByteString(isolate, "DEP0104")};
  emit_warning.As<v8::Function>()->Call(context, process, 3, args).IsEmpty();
}

// A new TZ takes effect at once for Date, as in Node.
void MaybeTimeZoneChanged(v8::Isolate* isolate, const char* key) {
  if (std::string_view(key) != "TZ") return;
  tzset();
  isolate->DateTimeConfigurationChangeNotification(
      v8::Isolate::TimeZoneDetection::kRedetect);
}

void Setter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
            const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  if (!value->IsString() && !value->IsNumber() && !value->IsBoolean()) {
    WarnNonPrimitiveValue(isolate);
  }
  v8::Local<v8::String> text;
  // Node coerces every value to a string.
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&text)) return;
  v8::String::Utf8Value key(isolate, property);
  v8::String::Utf8Value utf8(isolate, text);
  if (key.length() > 0 && std::string_view(*key).find('=') == std::string_view::npos) {
    setenv(*key, *utf8, 1);
    MaybeTimeZoneChanged(isolate, *key);
  }
  info.GetReturnValue().Set(value);
}

// Object.defineProperty(process.env, …): only a plain writable, enumerable, configurable
// data property can be stored; anything else is refused, as in Node.
void Definer(v8::Local<v8::Name> property, const v8::PropertyDescriptor& desc,
             const v8::PropertyCallbackInfo<v8::Value>& info) {
  if (!property->IsString()) return;
  v8::Isolate* isolate = info.GetIsolate();
  if (desc.has_get() || desc.has_set()) {
    ThrowError(isolate, "ERR_INVALID_OBJECT_DEFINE_PROPERTY",
               "'process.env' does not accept an accessor(getter/setter) descriptor", true);
    return;
  }
  if (!desc.has_value() || !desc.has_writable() || !desc.writable() ||
      !desc.has_enumerable() || !desc.enumerable() || !desc.has_configurable() ||
      !desc.configurable()) {
    ThrowError(isolate, "ERR_INVALID_OBJECT_DEFINE_PROPERTY",
               "'process.env' only accepts a configurable, writable, and enumerable data "
               "descriptor",
               true);
    return;
  }
  Setter(property, desc.value(), info);
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
  MaybeTimeZoneChanged(info.GetIsolate(), *key);
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
                                                          Enumerator, Definer, nullptr));
  v8::Local<v8::Object> env;
  if (templ->NewInstance(target.context).ToLocal(&env)) target.Value("env", env);
}

}  // namespace skua::process_env

SKUA_BINDING(process_env, Initialize)
