// `stream_wrap`: the request classes of stream writes and shutdowns (WriteWrap,
// ShutdownWrap) and the streamBaseState array that LibuvStreamWrap (core/stream_base.h)
// shares with stdlib. The handle classes themselves are in tcp_wrap, pipe_wrap, tty_wrap.
#include "runtime/core/binding.h"
#include "runtime/core/base_object.h"
#include "runtime/core/stream_base.h"

namespace skua::stream_wrap {

namespace {

// A request object's constructor: the C++ side is attached when the request is sent.
void NewRequest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.This()->SetAlignedPointerInInternalField(0, nullptr);
}

void AddRequestClass(BindingTarget& target, const char* name) {
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(target.isolate, NewRequest);
  templ->SetClassName(OneByteString(target.isolate, name));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value(name, constructor);
  }
}

}  // namespace

void Initialize(BindingTarget& target) {
  AddRequestClass(target, "WriteWrap");
  AddRequestClass(target, "ShutdownWrap");
  target.Value("streamBaseState",
               target.realm->binding_state<StreamBaseState>()->Array(target.isolate));
  target.Value("kBytesWritten", v8::Integer::New(target.isolate, StreamBaseState::kBytesWritten));
  target.Value("kLastWriteWasAsync",
               v8::Integer::New(target.isolate, StreamBaseState::kLastWriteWasAsync));
}

}  // namespace skua::stream_wrap

SKUA_BINDING(stream_wrap, Initialize)
