// Argument access shared by the two files of the `buffer` binding (buffer.cc for
// strings, buffer_bytes.cc for byte work), and the functions the latter defines.
#ifndef SKUA_RUNTIME_BINDINGS_BUFFER_ARGS_H_
#define SKUA_RUNTIME_BINDINGS_BUFFER_ARGS_H_

#include <cstddef>
#include <cstdint>

#include "base/check.h"
#include "v8.h"

namespace skua::buffer {

struct Bytes {
  uint8_t* data;
  size_t length;
};

// The bytes an ArrayBufferView (or ArrayBuffer) covers. Lifetime: valid while the view
// is alive and its buffer is not detached; do not call into JS while holding it.
inline Bytes BytesOf(v8::Local<v8::Value> value) {
  if (value->IsArrayBuffer()) {
    v8::Local<v8::ArrayBuffer> ab = value.As<v8::ArrayBuffer>();
    return {static_cast<uint8_t*>(ab->Data()), ab->ByteLength()};
  }
  CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  auto* base = static_cast<uint8_t*>(view->Buffer()->Data());
  return {base + view->ByteOffset(), view->ByteLength()};
}

// A non-negative integer argument that stdlib has already range-checked.
inline size_t SizeArg(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  CHECK(args[i]->IsNumber());
  double value = args[i].As<v8::Number>()->Value();
  CHECK(value >= 0);
  return static_cast<size_t>(value);
}

void IndexOfBytes(const v8::FunctionCallbackInfo<v8::Value>& args);
void IndexOfNumber(const v8::FunctionCallbackInfo<v8::Value>& args);
void Fill(const v8::FunctionCallbackInfo<v8::Value>& args);
void Swap(const v8::FunctionCallbackInfo<v8::Value>& args);
void IsUtf8(const v8::FunctionCallbackInfo<v8::Value>& args);
void IsAscii(const v8::FunctionCallbackInfo<v8::Value>& args);

}  // namespace skua::buffer

#endif  // SKUA_RUNTIME_BINDINGS_BUFFER_ARGS_H_
