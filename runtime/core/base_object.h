// BaseObject: a C++ object owned by a JS object. The JS object holds a pointer to it in
// internal field 0; the C++ object holds the JS object in a Global.
//
// Rules:
// - Weak by default (MakeWeak): when the JS object is collected, the C++ object is
//   deleted. Objects that must outlive their JS references for a while (an open libuv
//   handle, a pending request) call ClearWeak() and MakeWeak() again when done.
// - Loop thread only; never deleted while a libuv callback for it can still arrive.
#ifndef SKUA_RUNTIME_CORE_BASE_OBJECT_H_
#define SKUA_RUNTIME_CORE_BASE_OBJECT_H_

#include "v8.h"

namespace skua {

class Realm;

class BaseObject {
 public:
  static constexpr int kInternalFieldCount = 1;

  BaseObject(Realm* realm, v8::Local<v8::Object> object);
  virtual ~BaseObject();
  BaseObject(const BaseObject&) = delete;
  BaseObject& operator=(const BaseObject&) = delete;

  v8::Local<v8::Object> object() const;
  Realm* realm() const { return realm_; }

  void MakeWeak();
  void ClearWeak();

  // The C++ object behind `object`, or nullptr when it has none (or was detached).
  template <typename T>
  static T* Unwrap(v8::Local<v8::Value> object) {
    if (!object->IsObject()) return nullptr;
    v8::Local<v8::Object> obj = object.As<v8::Object>();
    if (obj->InternalFieldCount() < kInternalFieldCount) return nullptr;
    return static_cast<T*>(obj->GetAlignedPointerFromInternalField(0));
  }

 private:
  Realm* realm_;
  v8::Global<v8::Object> persistent_;
  double async_id_ = 0;  // Its async_hooks id; 0 when no hook saw it created.
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_BASE_OBJECT_H_
