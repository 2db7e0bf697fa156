// Error throwing helper shared by the bindings.
#include "runtime/core/v8_helpers.h"

namespace skua {

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
