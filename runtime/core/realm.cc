// Realm: callback scope, tick draining, the event loop spin, and the binding cache.
#include "runtime/core/realm.h"

#include <unistd.h>

#include <cstdio>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/errors.h"
#include "runtime/core/platform.h"
#include "runtime/core/v8_helpers.h"

namespace skua {

namespace {
// Embedder-data slot of the context that points back at its Realm.
constexpr int kRealmSlot = 1;
}  // namespace

Realm::Realm(v8::Isolate* isolate, v8::Local<v8::Context> context, uv_loop_t* loop,
             Platform* platform, const CliOptions* options)
    : isolate_(isolate),
      context_(isolate, context),
      loop_(loop),
      platform_(platform),
      options_(options) {
  context->SetAlignedPointerInEmbedderData(kRealmSlot, this);
  tick_info_store_ = v8::ArrayBuffer::NewBackingStore(isolate, kTickInfoCount * sizeof(int32_t));
  tick_info_ = static_cast<int32_t*>(tick_info_store_->Data());
  async_frame_key_.Reset(isolate, v8::Private::New(isolate, OneByteString(isolate, "asyncFrame")));
}

Realm::~Realm() {
  binding_states_.clear();
  context()->SetAlignedPointerInEmbedderData(kRealmSlot, nullptr);
}

void Realm::AttachContext(v8::Local<v8::Context> context) {
  context->SetAlignedPointerInEmbedderData(kRealmSlot, this);
}

Realm* Realm::From(v8::Local<v8::Context> context) {
  return static_cast<Realm*>(context->GetAlignedPointerFromEmbedderData(kRealmSlot));
}

v8::Local<v8::Int32Array> Realm::tick_info_array() {
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate_, tick_info_store_);
  return v8::Int32Array::New(buffer, 0, kTickInfoCount);
}

v8::MaybeLocal<v8::Value> Realm::MakeCallback(v8::Local<v8::Function> fn,
                                              v8::Local<v8::Value> recv, int argc,
                                              v8::Local<v8::Value>* argv) {
  if (terminated_.load()) return v8::MaybeLocal<v8::Value>();
  v8::EscapableHandleScope handle_scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  v8::Context::Scope context_scope(ctx);
  v8::MaybeLocal<v8::Value> result;
  // The frame the operation started in is current during the callback (and while an
  // exception it throws is handled), then the caller's again.
  v8::Local<v8::Value> outer_frame = v8::Undefined(isolate_);
  if (async_frames_enabled_) {
    outer_frame = ctx->GetContinuationPreservedEmbedderData();
    // Calls on the process object (timers, immediates) carry no frame: stdlib sets one
    // per JS callback; skipping the lookup on that large object keeps them cheap.
    v8::Local<v8::Object> holder = recv->IsObject() ? recv.As<v8::Object>() : fn.As<v8::Object>();
    v8::Local<v8::Value> frame;
    if (holder == process_object() ||
        !holder->GetPrivate(ctx, async_frame_key_.Get(isolate_)).ToLocal(&frame)) {
      frame = v8::Undefined(isolate_);
    }
    ctx->SetContinuationPreservedEmbedderData(frame);
  }
  // async_hooks: the callback runs as its resource's (and so does the handler of an
  // exception it throws); the after hook runs even when a hook disabled them meanwhile.
  v8::Local<v8::Object> hook_resource;
  bool hooked = false;
  if (async_hooks_enabled_) {
    hook_resource = recv->IsObject() ? recv.As<v8::Object>() : fn.As<v8::Object>();
    hooked = hook_resource != process_object() && EmitAsyncBefore(hook_resource);
  }
  callback_depth_++;
  bool threw = false;
  {
    v8::TryCatch try_catch(isolate_);
    result = fn->Call(ctx, recv, argc, argv);
    if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
      threw = true;
      TriggerUncaughtException(this, try_catch);
    }
  }
  if (hooked) EmitAsyncAfter(hook_resource);
  callback_depth_--;
  // Also when the callback turned frames on (its frame was then the empty one).
  if (async_frames_enabled_) ctx->SetContinuationPreservedEmbedderData(outer_frame);
  // After a throw, as in Node, the tick queue waits for the next callback (the handler of
  // a handled exception schedules an immediate so that one comes).
  if (callback_depth_ == 0 && !threw) DrainTicksAndMicrotasks();
  v8::Local<v8::Value> value;
  if (!result.ToLocal(&value)) return v8::MaybeLocal<v8::Value>();
  return handle_scope.Escape(value);
}

void Realm::SetAsyncHooks(bool enabled, v8::Local<v8::Value> init, v8::Local<v8::Value> before,
                          v8::Local<v8::Value> after, v8::Local<v8::Value> destroy) {
  auto set = [this](v8::Global<v8::Function>& slot, v8::Local<v8::Value> fn) {
    if (fn->IsFunction()) slot.Reset(isolate_, fn.As<v8::Function>());
  };
  set(async_init_, init);
  set(async_before_, before);
  set(async_after_, after);
  set(async_destroy_, destroy);
  async_hooks_enabled_ = enabled && !async_init_.IsEmpty() && !async_before_.IsEmpty() &&
                         !async_after_.IsEmpty() && !async_destroy_.IsEmpty();
}

double Realm::EmitAsyncInit(v8::Local<v8::Object> resource, const char* type) {
  if (!async_hooks_enabled_ || is_stopping()) return 0;
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  v8::Context::Scope context_scope(ctx);
  v8::Local<v8::Value> argv[2] = {
      resource, type != nullptr ? v8::Local<v8::Value>(OneByteString(isolate_, type))
                                : v8::Local<v8::Value>(v8::Null(isolate_))};
  // A throwing hook ends the process in stdlib; anything else is not the creator's error.
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> id;
  if (!async_init_.Get(isolate_)->Call(ctx, v8::Undefined(isolate_), 2, argv).ToLocal(&id) ||
      !id->IsNumber()) {
    return 0;
  }
  return id.As<v8::Number>()->Value();
}

bool Realm::EmitAsyncBefore(v8::Local<v8::Object> resource) {
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> arg = resource;
  v8::Local<v8::Value> entered;
  return async_before_.Get(isolate_)
             ->Call(context(), v8::Undefined(isolate_), 1, &arg)
             .ToLocal(&entered) &&
         entered->IsTrue();
}

void Realm::EmitAsyncAfter(v8::Local<v8::Object> resource) {
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> arg = resource;
  v8::Local<v8::Value> ignored;
  if (!async_after_.Get(isolate_)
           ->Call(context(), v8::Undefined(isolate_), 1, &arg)
           .ToLocal(&ignored)) {
    return;  // A throwing hook ends the process in stdlib.
  }
}

void Realm::QueueAsyncDestroy(double async_id) {
  if (!async_hooks_enabled_ || is_stopping()) return;
  async_destroy_ids_.push_back(async_id);
  if (async_destroy_ids_.size() > 1) return;
  // The first id of a batch schedules the flush for the loop's next timer phase.
  auto* timer = new uv_timer_t;
  timer->data = this;
  uv_timer_init(loop_, timer);
  uv_timer_start(
      timer,
      [](uv_timer_t* t) {
        static_cast<Realm*>(t->data)->FlushAsyncDestroys();
        uv_close(reinterpret_cast<uv_handle_t*>(t),
                 [](uv_handle_t* h) { delete reinterpret_cast<uv_timer_t*>(h); });
      },
      0, 0);
}

void Realm::FlushAsyncDestroys() {
  std::vector<double> ids;
  ids.swap(async_destroy_ids_);
  if (!async_hooks_enabled_ || is_stopping() || ids.empty()) return;
  v8::HandleScope scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  v8::Context::Scope context_scope(ctx);
  v8::Local<v8::Array> list = v8::Array::New(isolate_, static_cast<int>(ids.size()));
  for (size_t i = 0; i < ids.size(); i++) {
    if (list->Set(ctx, static_cast<uint32_t>(i), v8::Number::New(isolate_, ids[i])).IsNothing()) {
      return;
    }
  }
  v8::Local<v8::Value> arg = list;
  (void)MakeCallback(async_destroy_.Get(isolate_), process_object(), 1, &arg);
}

void Realm::CaptureAsyncFrame(v8::Local<v8::Object> holder) {
  if (!async_frames_enabled_) return;
  v8::Local<v8::Context> ctx = context();
  v8::Local<v8::Value> frame = ctx->GetContinuationPreservedEmbedderData();
  if (frame->IsUndefined()) return;
  (void)holder->SetPrivate(ctx, async_frame_key_.Get(isolate_), frame);
}

void Realm::DrainTicksAndMicrotasks() {
  if (terminated_.load()) return;
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> ctx = context();
  v8::Context::Scope context_scope(ctx);
  if (!tick_info_[kHasTickScheduled]) isolate_->PerformMicrotaskCheckpoint();
  // The tick callback runs ticks, then microtasks, until both are empty, then reports
  // unhandled rejections. When it throws, the uncaught path runs and draining resumes
  // with the ticks left (the throwing one was already dequeued).
  while ((tick_info_[kHasTickScheduled] || tick_info_[kHasRejectionToWarn]) &&
         !tick_callback_.IsEmpty()) {
    callback_depth_++;
    v8::TryCatch try_catch(isolate_);
    v8::MaybeLocal<v8::Value> result =
        tick_callback_.Get(isolate_)->Call(ctx, process_object(), 0, nullptr);
    callback_depth_--;
    if (!result.IsEmpty()) break;
    if (try_catch.HasTerminated()) break;
    TriggerUncaughtException(this, try_catch);
  }
}

int Realm::EmitProcessEvent(const char* event) {
  v8::HandleScope handle_scope(isolate_);
  if (emit_process_event_.IsEmpty()) return 0;
  v8::Local<v8::Value> arg = OneByteString(isolate_, event);
  v8::Local<v8::Value> code;
  if (!MakeCallback(emit_process_event_.Get(isolate_), process_object(), 1, &arg)
           .ToLocal(&code) ||
      !code->IsInt32()) {
    return 0;
  }
  return code.As<v8::Int32>()->Value();
}

int Realm::RunEventLoop() {
  bool more;
  do {
    uv_run(loop_, UV_RUN_DEFAULT);
    if (terminated_.load()) return 1;
    platform_->DrainTasks(isolate_);
    more = uv_loop_alive(loop_);
    if (more) continue;
    EmitProcessEvent("beforeExit");
    // 'beforeExit' listeners may have scheduled more work.
    more = uv_loop_alive(loop_);
  } while (more);
  stopping_ = true;
  return EmitProcessEvent("exit");
}

void Realm::Exit(int code) {
  if (exit_handler_) {
    exit_handler_(code);
    return;
  }
  std::fflush(stdout);
  std::fflush(stderr);
  // Skip static destructors and V8 teardown: worker threads may still be running, and
  // Node exits the same way.
  _exit(code);
}

void Realm::RequestTermination() {
  terminated_.store(true);
  isolate_->TerminateExecution();
}

v8::MaybeLocal<v8::Object> Realm::GetBinding(const std::string& name) {
  auto it = bindings_.find(name);
  if (it != bindings_.end()) return it->second.Get(isolate_);
  v8::Local<v8::Context> ctx = context();
  v8::Local<v8::Object> exports = v8::Object::New(isolate_);
  BindingTarget target{this, isolate_, ctx, exports};
  if (!InitializeBinding(name, target)) {
    ThrowError(isolate_, "ERR_INVALID_ARG_VALUE", "No such binding: " + name);
    return v8::MaybeLocal<v8::Object>();
  }
  bindings_.emplace(name, v8::Global<v8::Object>(isolate_, exports));
  return exports;
}

}  // namespace skua
