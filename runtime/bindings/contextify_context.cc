// ContextifyContext: a fresh V8 context whose global forwards to a sandbox object
// (vm.createContext). The interceptors follow Node 20's observable rules: reads look in
// the sandbox first, then in the context's own global; writes and definitions go to
// the sandbox; deletes and enumeration see the sandbox.
#include "runtime/bindings/contextify_context.h"

#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::contextify {

namespace {

// Embedder-data slots of a vm context: its sandbox and its ContextifyContext (slot 1 is
// the realm's).
constexpr int kSandboxSlot = 2;
constexpr int kContextifySlot = 3;

v8::Local<v8::Private> ContextPrivate(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, OneByteString(isolate, "skua:contextify_context"));
}

template <typename T>
ContextifyContext* From(const v8::PropertyCallbackInfo<T>& info) {
  auto* ctx = static_cast<ContextifyContext*>(info.Data().template As<v8::External>()->Value());
  // Interceptors can run while the context is still being created.
  if (ctx->context().IsEmpty() || ctx->sandbox().IsEmpty()) return nullptr;
  return ctx;
}

bool IsReadOnly(v8::Maybe<v8::PropertyAttribute> attributes) {
  return attributes.IsJust() && (attributes.FromJust() & v8::ReadOnly) != 0;
}

void Getter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Value>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  v8::MaybeLocal<v8::Value> maybe = sandbox->GetRealNamedProperty(context, property);
  if (maybe.IsEmpty()) maybe = ctx->global_proxy()->GetRealNamedProperty(context, property);
  v8::Local<v8::Value> value;
  if (!maybe.ToLocal(&value)) return;
  // The sandbox seen from inside is the global itself (`this === globalThis`).
  if (value == sandbox) value = ctx->global_proxy();
  info.GetReturnValue().Set(value);
}

void Setter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
            const v8::PropertyCallbackInfo<v8::Value>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  v8::Maybe<v8::PropertyAttribute> on_global =
      ctx->global_proxy()->GetRealNamedPropertyAttributes(context, property);
  v8::Maybe<v8::PropertyAttribute> on_sandbox =
      sandbox->GetRealNamedPropertyAttributes(context, property);
  if (IsReadOnly(on_global) || IsReadOnly(on_sandbox)) return;

  bool declared = on_global.IsJust() || on_sandbox.IsJust();
  // `x = 5` (a contextual store) versus `this.x = 5` or a store from outside.
  bool contextual = ctx->global_proxy() != info.This();
  // Strict-mode `x = 5` to an undeclared name must throw ReferenceError: let V8 do it.
  // Function declarations still reach the sandbox.
  if (!declared && info.ShouldThrowOnError() && contextual && !value->IsFunction()) return;
  if (!declared && property->IsSymbol()) return;
  if (sandbox->Set(context, property, value).IsNothing()) return;

  // An accessor on the sandbox ran above; do not also define a data property on the
  // global.
  v8::Local<v8::Value> desc;
  if (on_sandbox.IsJust() &&
      sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc) &&
      desc->IsObject()) {
    v8::Local<v8::Object> d = desc.As<v8::Object>();
    v8::Isolate* isolate = ctx->isolate();
    if (d->HasOwnProperty(context, OneByteString(isolate, "get")).FromMaybe(false) ||
        d->HasOwnProperty(context, OneByteString(isolate, "set")).FromMaybe(false)) {
      info.GetReturnValue().Set(value);
    }
  }
}

void Descriptor(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Value>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  v8::Local<v8::Context> context = ctx->context();
  v8::Local<v8::Object> sandbox = ctx->sandbox();
  if (!sandbox->HasOwnProperty(context, property).FromMaybe(false)) return;
  v8::Local<v8::Value> desc;
  if (sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc)) {
    info.GetReturnValue().Set(desc);
  }
}

void Definer(v8::Local<v8::Name> property, const v8::PropertyDescriptor& desc,
             const v8::PropertyCallbackInfo<v8::Value>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  v8::Local<v8::Context> context = ctx->context();
  v8::Isolate* isolate = ctx->isolate();
  // A read-only property of the global stays as it is, on both sides.
  if (IsReadOnly(ctx->global_proxy()->GetRealNamedPropertyAttributes(context, property))) {
    return;
  }
  v8::Local<v8::Value> undefined = v8::Undefined(isolate);
  auto define = [&](v8::PropertyDescriptor* copy) {
    if (desc.has_enumerable()) copy->set_enumerable(desc.enumerable());
    if (desc.has_configurable()) copy->set_configurable(desc.configurable());
    // A failure leaves an exception pending, which V8 reports to the caller.
    if (ctx->sandbox()->DefineProperty(context, property, *copy).IsNothing()) return;
  };
  if (desc.has_get() || desc.has_set()) {
    v8::PropertyDescriptor copy(desc.has_get() ? desc.get() : undefined,
                                desc.has_set() ? desc.set() : undefined);
    define(&copy);
  } else {
    v8::Local<v8::Value> value = desc.has_value() ? desc.value() : undefined;
    if (desc.has_writable()) {
      v8::PropertyDescriptor copy(value, desc.writable());
      define(&copy);
    } else {
      v8::PropertyDescriptor copy(value);
      define(&copy);
    }
  }
}

void Deleter(v8::Local<v8::Name> property, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  if (ctx->sandbox()->Delete(ctx->context(), property).FromMaybe(false)) return;
  // The sandbox refused: report failure and leave the global alone.
  info.GetReturnValue().Set(false);
}

void Enumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  v8::Local<v8::Array> names;
  if (ctx->sandbox()->GetPropertyNames(ctx->context()).ToLocal(&names)) {
    info.GetReturnValue().Set(names);
  }
}

// Indexed properties take the named path with the index as a string key.
template <typename T>
v8::MaybeLocal<v8::String> IndexName(uint32_t index, const v8::PropertyCallbackInfo<T>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return {};
  return v8::Uint32::NewFromUnsigned(ctx->isolate(), index)->ToString(ctx->context());
}

void IndexedGetter(uint32_t index, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> name;
  if (IndexName(index, info).ToLocal(&name)) Getter(name, info);
}

void IndexedSetter(uint32_t index, v8::Local<v8::Value> value,
                   const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> name;
  if (IndexName(index, info).ToLocal(&name)) Setter(name, value, info);
}

void IndexedDescriptor(uint32_t index, const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> name;
  if (IndexName(index, info).ToLocal(&name)) Descriptor(name, info);
}

void IndexedDefiner(uint32_t index, const v8::PropertyDescriptor& desc,
                    const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> name;
  if (IndexName(index, info).ToLocal(&name)) Definer(name, desc, info);
}

void IndexedDeleter(uint32_t index, const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  ContextifyContext* ctx = From(info);
  if (ctx == nullptr) return;
  if (ctx->sandbox()->Delete(ctx->context(), index).FromMaybe(false)) return;
  info.GetReturnValue().Set(false);
}

}  // namespace

v8::MaybeLocal<v8::Context> ContextifyContext::New(Realm* realm, v8::Local<v8::Object> sandbox,
                                                   bool allow_code_gen_strings,
                                                   bool allow_code_gen_wasm,
                                                   bool own_microtask_queue) {
  v8::Isolate* isolate = realm->isolate();
  v8::EscapableHandleScope scope(isolate);
  // Lifetime: owned by the context; deleted by OnContextCollected.
  auto* ctx = new ContextifyContext(isolate);
  ctx->allow_code_gen_wasm_ = allow_code_gen_wasm;
  if (own_microtask_queue) {
    ctx->microtask_queue_ = v8::MicrotaskQueue::New(isolate, v8::MicrotasksPolicy::kExplicit);
  }
  v8::Local<v8::External> data = v8::External::New(isolate, ctx);

  v8::Local<v8::FunctionTemplate> global_class = v8::FunctionTemplate::New(isolate);
  v8::Local<v8::ObjectTemplate> global_template = global_class->InstanceTemplate();
  global_template->SetHandler(v8::NamedPropertyHandlerConfiguration(
      Getter, Setter, Descriptor, Deleter, Enumerator, Definer, data,
      v8::PropertyHandlerFlags::kHasNoSideEffect));
  global_template->SetHandler(v8::IndexedPropertyHandlerConfiguration(
      IndexedGetter, IndexedSetter, IndexedDescriptor, IndexedDeleter, Enumerator,
      IndexedDefiner, data, v8::PropertyHandlerFlags::kHasNoSideEffect));

  v8::Local<v8::Context> context =
      v8::Context::New(isolate, nullptr, global_template, v8::MaybeLocal<v8::Value>(),
                       v8::DeserializeInternalFieldsCallback(), ctx->microtask_queue_.get());
  if (context.IsEmpty()) {
    delete ctx;
    return {};
  }
  v8::Local<v8::Context> main_context = realm->context();
  // Same token: objects pass freely between the contexts, as in Node.
  context->SetSecurityToken(main_context->GetSecurityToken());
  context->AllowCodeGenerationFromStrings(allow_code_gen_strings);
  context->SetErrorMessageForCodeGenerationFromStrings(
      OneByteString(isolate, "Code generation from strings disallowed for this context"));
  realm->AttachContext(context);
  context->SetEmbedderData(kSandboxSlot, sandbox);
  context->SetAlignedPointerInEmbedderData(kContextifySlot, ctx);

  ctx->sandbox_.Reset(isolate, sandbox);
  ctx->sandbox_.SetWeak();
  ctx->context_.Reset(isolate, context);
  ctx->context_.SetWeak(ctx, OnContextCollected, v8::WeakCallbackType::kParameter);

  // An object of the new context, kept by the sandbox, keeps the context alive.
  v8::Local<v8::Object> holder;
  {
    v8::Context::Scope context_scope(context);
    holder = v8::Object::New(isolate);
  }
  if (sandbox->SetPrivate(main_context, ContextPrivate(isolate), holder).IsNothing()) return {};
  return scope.Escape(context);
}

void ContextifyContext::OnContextCollected(const v8::WeakCallbackInfo<ContextifyContext>& info) {
  delete info.GetParameter();
}

ContextifyContext* ContextifyContext::FromContext(v8::Local<v8::Context> context) {
  // Only vm contexts have this many fields; the slot is set before any code runs there.
  if (context->GetNumberOfEmbedderDataFields() <= kContextifySlot) return nullptr;
  return static_cast<ContextifyContext*>(
      context->GetAlignedPointerFromEmbedderData(kContextifySlot));
}

bool ContextifyContext::AllowWasmCodeGeneration(v8::Local<v8::Context> context,
                                                v8::Local<v8::String> source) {
  ContextifyContext* ctx = FromContext(context);
  return ctx == nullptr || ctx->allow_code_gen_wasm_;
}

bool ContextifyContext::IsContextified(v8::Isolate* isolate, v8::Local<v8::Object> sandbox) {
  return sandbox->HasPrivate(isolate->GetCurrentContext(), ContextPrivate(isolate))
      .FromMaybe(false);
}

v8::MaybeLocal<v8::Context> ContextifyContext::FromSandbox(v8::Isolate* isolate,
                                                           v8::Local<v8::Object> sandbox) {
  v8::Local<v8::Context> current = isolate->GetCurrentContext();
  v8::Local<v8::Value> holder;
  if (!sandbox->HasPrivate(current, ContextPrivate(isolate)).FromMaybe(false) ||
      !sandbox->GetPrivate(current, ContextPrivate(isolate)).ToLocal(&holder) ||
      !holder->IsObject()) {
    return {};
  }
  return holder.As<v8::Object>()->GetCreationContext();
}

}  // namespace skua::contextify
