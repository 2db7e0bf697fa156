// `util`: introspection that only V8 can answer (promise state, proxies, constructor
// names) and what kind of thing a file descriptor is.
#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::util {

namespace {

// getPromiseDetails(promise): [state, result]; state 0 pending, 1 fulfilled, 2 rejected.
void GetPromiseDetails(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsPromise()) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Promise> promise = args[0].As<v8::Promise>();
  int state = promise->State();
  v8::Local<v8::Value> values[2] = {v8::Integer::New(isolate, state),
                                    v8::Undefined(isolate).As<v8::Value>()};
  if (state != v8::Promise::kPending) values[1] = promise->Result();
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

// getProxyDetails(value, full = true): [target, handler], the target alone when `full`
// is false, undefined when value is not a proxy.
void GetProxyDetails(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsProxy()) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Proxy> proxy = args[0].As<v8::Proxy>();
  if (args.Length() > 1 && args[1]->IsFalse()) {
    args.GetReturnValue().Set(proxy->GetTarget());
    return;
  }
  v8::Local<v8::Value> values[2] = {proxy->GetTarget(), proxy->GetHandler()};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

void GetConstructorName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  args.GetReturnValue().Set(args[0].As<v8::Object>()->GetConstructorName());
}

// getOwnNonIndexProperties(object, onlyStrings): the own enumerable keys that are not
// array indices (symbols too unless onlyStrings), without materialising the index keys
// of a large array or typed array.
void GetOwnNonIndexProperties(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsObject());
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  int filter = v8::PropertyFilter::ONLY_ENUMERABLE;
  if (args[1]->IsTrue()) filter |= v8::PropertyFilter::SKIP_SYMBOLS;
  v8::Local<v8::Array> keys;
  if (!args[0].As<v8::Object>()
           ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly,
                              static_cast<v8::PropertyFilter>(filter),
                              v8::IndexFilter::kSkipIndices,
                              v8::KeyConversionMode::kConvertToString)
           .ToLocal(&keys)) {
    return;
  }
  args.GetReturnValue().Set(keys);
}

// previewEntries(iteratorOrWeakCollection): the entries V8 can see without running JS.
void PreviewEntries(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  bool is_key_value = false;
  v8::Local<v8::Array> entries;
  if (!args[0].As<v8::Object>()->PreviewEntries(&is_key_value).ToLocal(&entries)) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> values[2] = {entries, v8::Boolean::New(isolate, is_key_value)};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

// guessHandleType(fd): 'TTY', 'FILE', 'PIPE', 'TCP', 'UDP' or 'UNKNOWN'.
void GuessHandleType(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int fd = args[0].As<v8::Int32>()->Value();
  const char* type = "UNKNOWN";
  switch (uv_guess_handle(fd)) {
    case UV_TTY: type = "TTY"; break;
    case UV_FILE: type = "FILE"; break;
    case UV_NAMED_PIPE: type = "PIPE"; break;
    case UV_TCP: type = "TCP"; break;
    case UV_UDP: type = "UDP"; break;
    default: break;
  }
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), type));
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("getPromiseDetails", GetPromiseDetails);
  target.Method("getProxyDetails", GetProxyDetails);
  target.Method("getConstructorName", GetConstructorName);
  target.Method("getOwnNonIndexProperties", GetOwnNonIndexProperties);
  target.Method("previewEntries", PreviewEntries);
  target.Method("guessHandleType", GuessHandleType);
}

}  // namespace skua::util

SKUA_BINDING(util, Initialize)
