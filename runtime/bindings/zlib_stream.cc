// The shared write machinery of the `zlib` binding's classes: argument handling, the
// thread-pool dispatch of async writes, and how codec errors reach JS.
#include "runtime/bindings/zlib_stream.h"

#include "base/check.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::zlib {

namespace {

// The bytes of an ArrayBufferView. Lifetime: valid while JS keeps the view alive (stdlib
// holds a write's buffers on the handle until its callback runs); Buffer() moves an
// on-heap typed array's bytes off the heap first, so the pointer then stays put.
uint8_t* ViewData(v8::Local<v8::Value> value, size_t* length) {
  CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  *length = view->ByteLength();
  return static_cast<uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
}

uint32_t Uint32Arg(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  CHECK(args[i]->IsUint32());
  return args[i].As<v8::Uint32>()->Value();
}

}  // namespace

CompressionStream::CompressionStream(Realm* realm, v8::Local<v8::Object> object)
    : BaseObject(realm, object) {
  work_.data = this;
}

CompressionStream::~CompressionStream() { CHECK(!write_in_progress_); }

void CompressionStream::AddMethods(v8::Isolate* isolate,
                                   v8::Local<v8::FunctionTemplate> templ) {
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "write", v8::FunctionTemplate::New(isolate, JsWrite));
  proto->Set(isolate, "writeSync", v8::FunctionTemplate::New(isolate, JsWriteSync));
  proto->Set(isolate, "close", v8::FunctionTemplate::New(isolate, JsClose));
  proto->Set(isolate, "reset", v8::FunctionTemplate::New(isolate, JsReset));
}

void CompressionStream::SetWriteState(v8::Local<v8::Uint32Array> state,
                                      v8::Local<v8::Function> callback) {
  v8::Isolate* isolate = realm()->isolate();
  CHECK_GE(state->Length(), 2u);
  write_state_.Reset(isolate, state);
  write_state_data_ = reinterpret_cast<uint32_t*>(
      static_cast<uint8_t*>(state->Buffer()->Data()) + state->ByteOffset());
  write_callback_.Reset(isolate, callback);
}

// write(flush, in, in_off, in_len, out, out_off, out_len). `in` may be undefined or
// null for a flush without input. Offsets and lengths are checked by stdlib; here they
// are only CHECKed against the views.
bool CompressionStream::PrepareWrite(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK_EQ(args.Length(), 7);
  CHECK(write_state_data_ != nullptr);  // init() ran.
  CHECK(!write_in_progress_);
  CHECK(!pending_close_);
  if (closed_) return false;
  flush_ = static_cast<int>(Uint32Arg(args, 0));
  if (args[1]->IsNullOrUndefined()) {
    next_in_ = nullptr;
    avail_in_ = 0;
  } else {
    size_t in_length;
    uint8_t* in = ViewData(args[1], &in_length);
    uint32_t in_off = Uint32Arg(args, 2);
    uint32_t in_len = Uint32Arg(args, 3);
    CHECK(static_cast<size_t>(in_off) + in_len <= in_length);
    next_in_ = in + in_off;
    avail_in_ = in_len;
  }
  size_t out_length;
  uint8_t* out = ViewData(args[4], &out_length);
  uint32_t out_off = Uint32Arg(args, 5);
  uint32_t out_len = Uint32Arg(args, 6);
  CHECK(static_cast<size_t>(out_off) + out_len <= out_length);
  next_out_ = out + out_off;
  avail_out_ = out_len;
  return true;
}

void CompressionStream::UpdateWriteState() {
  write_state_data_[0] = static_cast<uint32_t>(avail_out_);
  write_state_data_[1] = static_cast<uint32_t>(avail_in_);
}

void CompressionStream::JsWrite(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* stream = Unwrap<CompressionStream>(args.This());
  if (stream == nullptr || !stream->PrepareWrite(args)) return;
  int err = uv_queue_work(stream->realm()->loop(), &stream->work_, WorkCallback,
                          AfterWorkCallback);
  CHECK_EQ(err, 0);  // Only fails for a null callback.
  stream->write_in_progress_ = true;
  stream->ClearWeak();  // The JS object must outlive the pending work.
}

void CompressionStream::JsWriteSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* stream = Unwrap<CompressionStream>(args.This());
  if (stream == nullptr || !stream->PrepareWrite(args)) return;
  stream->DoWork();
  CompressionError error = stream->GetError();
  if (error.IsError()) {
    stream->EmitError(error, /*sync=*/true);
    return;
  }
  stream->UpdateWriteState();
}

void CompressionStream::WorkCallback(uv_work_t* req) {
  static_cast<CompressionStream*>(req->data)->DoWork();
}

void CompressionStream::AfterWorkCallback(uv_work_t* req, int status) {
  auto* stream = static_cast<CompressionStream*>(req->data);
  CHECK_EQ(status, 0);  // Nothing cancels zlib work.
  stream->write_in_progress_ = false;
  stream->MakeWeak();
  Realm* realm = stream->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(realm->context());
  CompressionError error = stream->GetError();
  if (error.IsError()) {
    stream->EmitError(error, /*sync=*/false);
  } else {
    stream->UpdateWriteState();
    v8::Local<v8::Function> callback = stream->write_callback_.Get(isolate);
    (void)realm->MakeCallback(callback, stream->object(), 0, nullptr);
  }
  if (stream->pending_close_) stream->Close();
}

void CompressionStream::EmitError(const CompressionError& error, bool sync) {
  Realm* realm = this->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Object> obj = object();
  v8::Local<v8::Value> onerror;
  if (!obj->Get(context, OneByteString(isolate, "onerror")).ToLocal(&onerror) ||
      !onerror->IsFunction()) {
    return;
  }
  v8::Local<v8::String> message;
  v8::Local<v8::String> code;
  if (!Utf8String(isolate, error.message).ToLocal(&message) ||
      !Utf8String(isolate, error.code).ToLocal(&code)) {
    return;
  }
  v8::Local<v8::Value> argv[] = {message, v8::Integer::New(isolate, error.err), code};
  if (sync) {
    // Exceptions propagate to writeSync()'s caller.
    v8::MaybeLocal<v8::Value> result = onerror.As<v8::Function>()->Call(context, obj, 3, argv);
    static_cast<void>(result);
  } else {
    (void)realm->MakeCallback(onerror.As<v8::Function>(), obj, 3, argv);
  }
}

void CompressionStream::Close() {
  if (write_in_progress_) {
    pending_close_ = true;
    return;
  }
  pending_close_ = false;
  if (closed_) return;
  closed_ = true;
  FreeStream();
}

void CompressionStream::JsClose(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* stream = Unwrap<CompressionStream>(args.This());
  if (stream != nullptr) stream->Close();
}

void CompressionStream::JsReset(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* stream = Unwrap<CompressionStream>(args.This());
  // A reset racing a pending write would touch the codec from two threads: ignore it.
  if (stream == nullptr || stream->closed_ || stream->write_in_progress_) return;
  CompressionError error = stream->ResetStream();
  if (error.IsError()) stream->EmitError(error, /*sync=*/true);
}

}  // namespace skua::zlib
