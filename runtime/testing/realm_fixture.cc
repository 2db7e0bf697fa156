// RealmFixture: V8 is initialised once per test binary; each test gets a fresh isolate.
#include "runtime/testing/realm_fixture.h"

#include "runtime/core/errors.h"
#include "runtime/core/platform.h"
#include "runtime/core/v8_helpers.h"

namespace skua::testing {

namespace {

Platform* SharedPlatform() {
  // Lifetime: V8 keeps the platform until the process ends.
  static Platform* platform = [] {
    auto* p = new Platform(2);
    v8::V8::InitializePlatform(p);
    v8::V8::Initialize();
    return p;
  }();
  return platform;
}

void Binding(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Object> binding;
  if (Realm::From(isolate)->GetBinding(ToUtf8(isolate, args[0])).ToLocal(&binding)) {
    args.GetReturnValue().Set(binding);
  }
}

}  // namespace

void RealmFixture::SetUp() {
  Platform* platform = SharedPlatform();
  ASSERT_EQ(uv_loop_init(&loop_), 0);
  allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  isolate_ = v8::Isolate::Allocate();
  platform->RegisterIsolate(isolate_, &loop_, [this](v8::Task* task) {
    realm_->RunInCallbackScope([task] { task->Run(); });
  });
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator_.get();
  v8::Isolate::Initialize(isolate_, params);
  isolate_->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate_->Enter();
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  context_.Reset(isolate_, context);
  context->Enter();
  realm_ = std::make_unique<Realm>(isolate_, context, &loop_, platform, &options_);
  realm_->set_process_object(v8::Object::New(isolate_));
  SetMethod(context, context->Global(), "binding", Binding);
}

void RealmFixture::TearDown() {
  {
    v8::HandleScope handle_scope(isolate_);
    realm_.reset();
    context_.Get(isolate_)->Exit();
    context_.Reset();
  }
  isolate_->Exit();
  SharedPlatform()->UnregisterIsolate(isolate_);
  uv_run(&loop_, UV_RUN_DEFAULT);  // Closes the runner's and bindings' handles.
  isolate_->Dispose();
  uv_loop_close(&loop_);
}

std::string RealmFixture::Eval(const std::string& source) {
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = context_.Get(isolate_);
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::String> code;
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (Utf8String(isolate_, source).ToLocal(&code) &&
      v8::Script::Compile(context, code).ToLocal(&script) &&
      script->Run(context).ToLocal(&result)) {
    return ToUtf8(isolate_, result);
  }
  return "throws: " + ToUtf8(isolate_, try_catch.Exception());
}

}  // namespace skua::testing
