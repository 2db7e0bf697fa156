// BaseObject's tie between a JS object and its C++ object.
#include "runtime/core/base_object.h"

#include "runtime/core/realm.h"

namespace skua {

BaseObject::BaseObject(Realm* realm, v8::Local<v8::Object> object)
    : realm_(realm), persistent_(realm->isolate(), object) {
  object->SetAlignedPointerInInternalField(0, this);
  realm->CaptureAsyncFrame(object);
  if (realm->async_hooks_enabled()) async_id_ = realm->EmitAsyncInit(object, nullptr);
  MakeWeak();
}

BaseObject::~BaseObject() {
  if (async_id_ > 0) realm_->QueueAsyncDestroy(async_id_);
  if (persistent_.IsEmpty()) return;
  v8::HandleScope scope(realm_->isolate());
  object()->SetAlignedPointerInInternalField(0, nullptr);
  persistent_.Reset();
}

v8::Local<v8::Object> BaseObject::object() const {
  return persistent_.Get(realm_->isolate());
}

void BaseObject::MakeWeak() {
  persistent_.SetWeak(
      this,
      [](const v8::WeakCallbackInfo<BaseObject>& info) {
        BaseObject* self = info.GetParameter();
        // The JS object is gone: forget it before deleting, so the destructor
        // does not touch it.
        self->persistent_.Reset();
        delete self;
      },
      v8::WeakCallbackType::kParameter);
}

void BaseObject::ClearWeak() { persistent_.ClearWeak(); }

}  // namespace skua
