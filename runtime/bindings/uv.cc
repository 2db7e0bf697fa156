// `uv`: libuv's error names and messages, for errors made in JavaScript.
#include <uv.h>

#include "runtime/core/binding.h"

namespace skua::uv {

namespace {

// errname(-2) -> 'ENOENT'.
void ErrName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int err = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), uv_err_name(err)));
}

// strerror(-2) -> 'no such file or directory'.
void StrError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int err = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), uv_strerror(err)));
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("errname", ErrName);
  target.Method("strerror", StrError);
}

}  // namespace skua::uv

SKUA_BINDING(uv, Initialize)
