// Reporting a failed libuv call to stdlib: the error fields go into a `ctx` object, and
// stdlib's uvException() turns them into a Node-shaped Error (code, errno, syscall, path).
#ifndef SKUA_RUNTIME_CORE_UV_ERROR_H_
#define SKUA_RUNTIME_CORE_UV_ERROR_H_

#include <uv.h>

#include "runtime/core/v8_helpers.h"

namespace skua {

inline void FillUvError(v8::Local<v8::Context> context, v8::Local<v8::Object> ctx, int err,
                        const char* syscall) {
  v8::Isolate* isolate = context->GetIsolate();
  SetValue(context, ctx, "errno", v8::Integer::New(isolate, err));
  SetValue(context, ctx, "code", OneByteString(isolate, uv_err_name(err)));
  SetValue(context, ctx, "message", OneByteString(isolate, uv_strerror(err)));
  SetValue(context, ctx, "syscall", OneByteString(isolate, syscall));
}

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_UV_ERROR_H_
