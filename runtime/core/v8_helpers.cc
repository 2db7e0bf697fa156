// Error throwing helper shared by the bindings.
#include "runtime/core/v8_helpers.h"

namespace skua {

v8::MaybeLocal<v8::Array> ToStringArray(v8::Isolate* isolate,
                                        const std::vector<std::string>& items) {
  std::vector<v8::Local<v8::Value>> values;
  values.reserve(items.size());
  for (const std::string& item : items) {
    v8::Local<v8::String> value;
    if (!Utf8String(isolate, item).ToLocal(&value)) return v8::MaybeLocal<v8::Array>();
    values.push_back(value);
  }
  return v8::Array::New(isolate, values.data(), values.size());
}

std::vector<std::string> FromStringArray(v8::Local<v8::Context> context,
                                         v8::Local<v8::Value> value) {
  std::vector<std::string> out;
  if (!value->IsArray()) return out;
  v8::Local<v8::Array> array = value.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); i++) {
    v8::Local<v8::Value> item;
    if (array->Get(context, i).ToLocal(&item)) out.push_back(ToUtf8(context->GetIsolate(), item));
  }
  return out;
}

void ThrowError(v8::Isolate* isolate, std::string_view code, std::string_view message,
                bool type_error) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> text;
  if (!Utf8String(isolate, message).ToLocal(&text)) return;
  v8::Local<v8::Value> error =
      type_error ? v8::Exception::TypeError(text) : v8::Exception::Error(text);
  error.As<v8::Object>()
      ->Set(context, OneByteString(isolate, "code"), OneByteString(isolate, code))
      .Check();  // Fresh error object: a plain set cannot fail.
  isolate->ThrowException(error);
}

}  // namespace skua
