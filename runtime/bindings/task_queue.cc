// `task_queue`: what stdlib's nextTick queue and promise-rejection tracking need from
// C++ (see stdlib/internal/process/task_queues.js and promises.js).
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::task_queue {

namespace {

void RunMicrotasks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

void EnqueueMicrotask(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetIsolate()->EnqueueMicrotask(args[0].As<v8::Function>());
}

// setTickCallback(fn): fn runs ticks and microtasks after every macrotask.
void SetTickCallback(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm::From(args.GetIsolate())->set_tick_callback(args[0].As<v8::Function>());
}

// setPromiseRejectCallback(fn): fn(event, promise, reason) for V8's rejection events.
void SetPromiseRejectCallback(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm::From(args.GetIsolate())->set_promise_reject_handler(args[0].As<v8::Function>());
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  target.Method("runMicrotasks", RunMicrotasks);
  target.Method("enqueueMicrotask", EnqueueMicrotask);
  target.Method("setTickCallback", SetTickCallback);
  target.Method("setPromiseRejectCallback", SetPromiseRejectCallback);
  target.Value("tickInfo", target.realm->tick_info_array());
  v8::Local<v8::Object> events = v8::Object::New(isolate);
  SetValue(target.context, events, "kPromiseRejectWithNoHandler",
           v8::Integer::New(isolate, v8::kPromiseRejectWithNoHandler));
  SetValue(target.context, events, "kPromiseHandlerAddedAfterReject",
           v8::Integer::New(isolate, v8::kPromiseHandlerAddedAfterReject));
  SetValue(target.context, events, "kPromiseResolveAfterResolved",
           v8::Integer::New(isolate, v8::kPromiseResolveAfterResolved));
  SetValue(target.context, events, "kPromiseRejectAfterResolved",
           v8::Integer::New(isolate, v8::kPromiseRejectAfterResolved));
  target.Value("promiseRejectEvents", events);
}

}  // namespace skua::task_queue

SKUA_BINDING(task_queue, Initialize)
