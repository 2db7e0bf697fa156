// `serdes`: structuredClone's engine. serialize(value) runs V8's ValueSerializer and
// returns the bytes as an ArrayBuffer; deserialize(arrayBuffer) reads them back. A value
// that cannot be cloned throws an Error whose code is 'ERR_DATA_CLONE'; stdlib turns it
// into a DOMException named DataCloneError.
//
// With a second argument (Buffer.prototype), both also carry every ArrayBufferView as
// its own bytes tagged with its type, so that a Buffer comes back as a Buffer (Node's
// 'advanced' IPC serialization does this); structuredClone does not pass it.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::serdes {

namespace {

// The type tags of views written as host objects; kBuffer is a Uint8Array whose
// prototype is Buffer.prototype.
enum ViewType : uint32_t {
  kInt8, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat32, kFloat64,
  kDataView, kBigInt64, kBigUint64, kBuffer,
};

ViewType TypeOf(v8::Local<v8::ArrayBufferView> view) {
  if (view->IsInt8Array()) return kInt8;
  if (view->IsUint8ClampedArray()) return kUint8Clamped;
  if (view->IsInt16Array()) return kInt16;
  if (view->IsUint16Array()) return kUint16;
  if (view->IsInt32Array()) return kInt32;
  if (view->IsUint32Array()) return kUint32;
  if (view->IsFloat32Array()) return kFloat32;
  if (view->IsFloat64Array()) return kFloat64;
  if (view->IsDataView()) return kDataView;
  if (view->IsBigInt64Array()) return kBigInt64;
  if (view->IsBigUint64Array()) return kBigUint64;
  return kUint8;
}

v8::Local<v8::Value> MakeView(ViewType type, v8::Local<v8::ArrayBuffer> ab, size_t bytes) {
  switch (type) {
    case kInt8: return v8::Int8Array::New(ab, 0, bytes);
    case kUint8Clamped: return v8::Uint8ClampedArray::New(ab, 0, bytes);
    case kInt16: return v8::Int16Array::New(ab, 0, bytes / 2);
    case kUint16: return v8::Uint16Array::New(ab, 0, bytes / 2);
    case kInt32: return v8::Int32Array::New(ab, 0, bytes / 4);
    case kUint32: return v8::Uint32Array::New(ab, 0, bytes / 4);
    case kFloat32: return v8::Float32Array::New(ab, 0, bytes / 4);
    case kFloat64: return v8::Float64Array::New(ab, 0, bytes / 8);
    case kDataView: return v8::DataView::New(ab, 0, bytes);
    case kBigInt64: return v8::BigInt64Array::New(ab, 0, bytes / 8);
    case kBigUint64: return v8::BigUint64Array::New(ab, 0, bytes / 8);
    default: return v8::Uint8Array::New(ab, 0, bytes);
  }
}

class SerializerDelegate : public v8::ValueSerializer::Delegate {
 public:
  explicit SerializerDelegate(v8::Isolate* isolate) : isolate_(isolate) {}

  // Lifetime: both outlive the serializer call that uses this delegate.
  void set_views(v8::ValueSerializer* serializer, v8::Local<v8::Value> buffer_prototype) {
    serializer_ = serializer;
    buffer_prototype_ = buffer_prototype;
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    if (serializer_ == nullptr || !object->IsArrayBufferView()) {
      return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
    }
    v8::Local<v8::ArrayBufferView> view = object.As<v8::ArrayBufferView>();
    ViewType type = TypeOf(view);
    if (type == kUint8 && object->GetPrototype()->StrictEquals(buffer_prototype_)) type = kBuffer;
    size_t length = view->ByteLength();
    serializer_->WriteUint32(type);
    serializer_->WriteUint32(static_cast<uint32_t>(length));
    std::unique_ptr<char[]> bytes(new char[length == 0 ? 1 : length]);
    view->CopyContents(bytes.get(), length);
    serializer_->WriteRawBytes(bytes.get(), length);
    return v8::Just(true);
  }

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Local<v8::Value> error = v8::Exception::Error(message);
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    if (error->IsObject()) {
      error.As<v8::Object>()
          ->Set(context, OneByteString(isolate_, "code"), OneByteString(isolate_, "ERR_DATA_CLONE"))
          .Check();  // A fresh Error object: a plain data property cannot fail.
    }
    isolate_->ThrowException(error);
  }

 private:
  // Lifetime: the isolate outlives every serializer call.
  v8::Isolate* isolate_;
  v8::ValueSerializer* serializer_ = nullptr;
  v8::Local<v8::Value> buffer_prototype_;
};

class DeserializerDelegate : public v8::ValueDeserializer::Delegate {
 public:
  explicit DeserializerDelegate(v8::Local<v8::Value> buffer_prototype)
      : buffer_prototype_(buffer_prototype) {}

  // Lifetime: the deserializer outlives every call it makes into this delegate.
  void set_deserializer(v8::ValueDeserializer* deserializer) { deserializer_ = deserializer; }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t type;
    uint32_t length;
    const void* data;
    if (!deserializer_->ReadUint32(&type) || !deserializer_->ReadUint32(&length) ||
        type > kBuffer || !deserializer_->ReadRawBytes(length, &data)) {
      isolate->ThrowException(v8::Exception::Error(
          OneByteString(isolate, "Unable to deserialize cloned data.")));
      return {};
    }
    v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
    if (length > 0) std::memcpy(ab->GetBackingStore()->Data(), data, length);
    v8::Local<v8::Object> view = MakeView(static_cast<ViewType>(type), ab, length).As<v8::Object>();
    if (type == kBuffer && buffer_prototype_->IsObject() &&
        view->SetPrototype(isolate->GetCurrentContext(), buffer_prototype_).IsNothing()) {
      return {};
    }
    return view;
  }

 private:
  v8::ValueDeserializer* deserializer_ = nullptr;
  v8::Local<v8::Value> buffer_prototype_;
};

// serialize(value): ArrayBuffer
void Serialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  SerializerDelegate delegate(isolate);
  v8::ValueSerializer serializer(isolate, &delegate);
  if (args[1]->IsObject()) {
    delegate.set_views(&serializer, args[1]);
    serializer.SetTreatArrayBufferViewsAsHostObjects(true);
  }
  serializer.WriteHeader();
  bool ok;
  if (!serializer.WriteValue(context, args[0]).To(&ok) || !ok) return;
  std::pair<uint8_t*, size_t> bytes = serializer.Release();
  // The default delegate allocates with realloc(), so free() releases the bytes.
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      bytes.first, bytes.second, [](void* data, size_t, void*) { std::free(data); }, nullptr);
  args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

// deserialize(arrayBuffer): the value
void Deserialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsArrayBuffer());
  std::shared_ptr<v8::BackingStore> store = args[0].As<v8::ArrayBuffer>()->GetBackingStore();
  DeserializerDelegate delegate(args[1]);
  v8::ValueDeserializer deserializer(isolate, static_cast<const uint8_t*>(store->Data()),
                                     store->ByteLength(), &delegate);
  delegate.set_deserializer(&deserializer);
  bool ok;
  if (!deserializer.ReadHeader(context).To(&ok) || !ok) return;
  v8::Local<v8::Value> value;
  if (deserializer.ReadValue(context).ToLocal(&value)) args.GetReturnValue().Set(value);
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("serialize", Serialize);
  target.Method("deserialize", Deserialize);
}

}  // namespace skua::serdes

SKUA_BINDING(serdes, Initialize)
