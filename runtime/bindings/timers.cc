// `timers`: the libuv side of Node's timer design. All JS timers share one uv_timer_t;
// JS keeps the per-duration lists and tells C++ when the earliest one expires. The
// immediate queue is run from a uv_check_t; a uv_idle_t is active while a referenced
// immediate is pending, so the poll phase does not block (and the loop stays alive).
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::timers {

namespace {

// Indices of the Uint32Array shared with stdlib/internal/timers.js.
enum ImmediateInfoField { kCount = 0, kRefCount = 1, kHasOutstanding = 2, kFieldCount };

class TimersState : public BindingState {
 public:
  explicit TimersState(Realm* realm) : realm_(realm) {
    uv_loop_t* loop = realm->loop();
    uv_timer_init(loop, &timer_);
    timer_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
    uv_check_init(loop, &check_);
    check_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&check_));
    uv_idle_init(loop, &idle_);
    immediate_info_store_ =
        v8::ArrayBuffer::NewBackingStore(realm->isolate(), kFieldCount * sizeof(uint32_t));
    immediate_info_ = static_cast<uint32_t*>(immediate_info_store_->Data());
  }
  // The handles are embedded in this object, which lives until process exit.
  ~TimersState() override = default;

  void Setup(v8::Local<v8::Function> process_immediate, v8::Local<v8::Function> process_timers) {
    v8::Isolate* isolate = realm_->isolate();
    process_immediate_.Reset(isolate, process_immediate);
    process_timers_.Reset(isolate, process_timers);
    uv_check_start(&check_, OnCheck);
  }

  void Schedule(int64_t duration_ms) {
    uv_timer_start(&timer_, OnTimer, duration_ms < 1 ? 1 : duration_ms, 0);
  }

  void ToggleTimerRef(bool ref) {
    if (ref) uv_ref(reinterpret_cast<uv_handle_t*>(&timer_));
    else uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
  }

  void ToggleImmediateRef(bool ref) {
    if (ref) uv_idle_start(&idle_, [](uv_idle_t*) {});
    else uv_idle_stop(&idle_);
  }

  v8::Local<v8::Uint32Array> ImmediateInfoArray() {
    v8::Local<v8::ArrayBuffer> buffer =
        v8::ArrayBuffer::New(realm_->isolate(), immediate_info_store_);
    return v8::Uint32Array::New(buffer, 0, kFieldCount);
  }

 private:
  // processTimers(now) returns the next expiry: 0 for none, negative when no remaining
  // timer is referenced.
  static void OnTimer(uv_timer_t* handle) {
    auto* self = static_cast<TimersState*>(handle->data);
    Realm* realm = self->realm_;
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Value> result;
    // A throwing timer callback goes to the uncaught-exception path; if a listener
    // handled it, the remaining due timers run on the next attempt.
    do {
      uv_update_time(realm->loop());
      v8::Local<v8::Value> now =
          v8::Number::New(isolate, static_cast<double>(uv_now(realm->loop())));
      if (realm->MakeCallback(self->process_timers_.Get(isolate), realm->process_object(), 1,
                              &now)
              .ToLocal(&result)) {
        break;
      }
    } while (!realm->is_stopping());
    if (result.IsEmpty() || !result->IsNumber()) return;
    double next = result.As<v8::Number>()->Value();
    if (next == 0) return;
    double abs_next = next < 0 ? -next : next;
    double delay = abs_next - static_cast<double>(uv_now(realm->loop()));
    self->Schedule(delay < 1 ? 1 : static_cast<int64_t>(delay));
    self->ToggleTimerRef(next > 0);
  }

  static void OnCheck(uv_check_t* handle) {
    auto* self = static_cast<TimersState*>(handle->data);
    if (self->immediate_info_[kCount] == 0 && !self->immediate_info_[kHasOutstanding]) return;
    Realm* realm = self->realm_;
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    (void)realm->MakeCallback(self->process_immediate_.Get(isolate), realm->process_object(), 0,
                              nullptr);
    if (self->immediate_info_[kRefCount] == 0) self->ToggleImmediateRef(false);
  }

  Realm* realm_;
  uv_timer_t timer_;
  uv_check_t check_;
  uv_idle_t idle_;
  std::shared_ptr<v8::BackingStore> immediate_info_store_;
  uint32_t* immediate_info_;
  v8::Global<v8::Function> process_immediate_;
  v8::Global<v8::Function> process_timers_;
};

TimersState* State(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return Realm::From(args.GetIsolate())->binding_state<TimersState>();
}

void SetupTimers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  State(args)->Setup(args[0].As<v8::Function>(), args[1].As<v8::Function>());
}

void ScheduleTimer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  State(args)->Schedule(static_cast<int64_t>(args[0].As<v8::Number>()->Value()));
}

void ToggleTimerRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  State(args)->ToggleTimerRef(args[0]->IsTrue());
}

void ToggleImmediateRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  State(args)->ToggleImmediateRef(args[0]->IsTrue());
}

void GetLibuvNow(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uv_loop_t* loop = Realm::From(args.GetIsolate())->loop();
  uv_update_time(loop);
  args.GetReturnValue().Set(static_cast<double>(uv_now(loop)));
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("setupTimers", SetupTimers);
  target.Method("scheduleTimer", ScheduleTimer);
  target.Method("toggleTimerRef", ToggleTimerRef);
  target.Method("toggleImmediateRef", ToggleImmediateRef);
  target.Method("getLibuvNow", GetLibuvNow);
  target.Value("immediateInfo", target.realm->binding_state<TimersState>()->ImmediateInfoArray());
}

}  // namespace skua::timers

SKUA_BINDING(timers, Initialize)
