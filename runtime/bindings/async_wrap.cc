// `async_wrap`: what node:async_hooks needs from V8. The async context frame is V8's
// continuation-preserved embedder data: V8 records it on every promise reaction when the
// reaction is created and makes it current while the reaction runs, so AsyncLocalStorage
// follows await and then() with no promise hook at all. Promise hooks are installed only
// while a createHook() hook that wants promise events is enabled.
#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::async_wrap {

namespace {

// Frames live in the context that runs: the entered one, or the microtask's while V8 runs
// a reaction, so a vm context's await keeps the frame set from its code.
void GetFrame(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      args.GetIsolate()->GetEnteredOrMicrotaskContext()->GetContinuationPreservedEmbedderData());
}

// setFrame(frame): frame is an object or undefined (V8 stores only heap objects there).
void SetFrame(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsObject() || args[0]->IsUndefined());
  args.GetIsolate()->GetEnteredOrMicrotaskContext()->SetContinuationPreservedEmbedderData(args[0]);
}

// swapFrame(frame): setFrame(frame), returning the frame it replaced (one call where
// entering a callback's context would take two).
void SwapFrame(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsObject() || args[0]->IsUndefined());
  v8::Local<v8::Context> context = args.GetIsolate()->GetEnteredOrMicrotaskContext();
  args.GetReturnValue().Set(context->GetContinuationPreservedEmbedderData());
  context->SetContinuationPreservedEmbedderData(args[0]);
}

void EnableAsyncFrames(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm::From(args.GetIsolate())->EnableAsyncFrames();
}

// setPromiseHooks(init, before, after, resolve): each a function or undefined.
void SetPromiseHooks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Function> hooks[4];
  for (int i = 0; i < 4; i++) {
    if (args[i]->IsFunction()) hooks[i] = args[i].As<v8::Function>();
  }
  args.GetIsolate()->GetCurrentContext()->SetPromiseHooks(hooks[0], hooks[1], hooks[2],
                                                          hooks[3]);
}

// setNativeHooks(enabled, init, before, after, destroy): see Realm::SetAsyncHooks.
void SetNativeHooks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm::From(args.GetIsolate())
      ->SetAsyncHooks(args[0]->IsTrue(), args[1], args[2], args[3], args[4]);
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("getFrame", GetFrame);
  target.Method("setFrame", SetFrame);
  target.Method("swapFrame", SwapFrame);
  target.Method("enableAsyncFrames", EnableAsyncFrames);
  target.Method("setPromiseHooks", SetPromiseHooks);
  target.Method("setNativeHooks", SetNativeHooks);
}

}  // namespace skua::async_wrap

SKUA_BINDING(async_wrap, Initialize)
