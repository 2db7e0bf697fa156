// `serdes`: structuredClone's engine. serialize(value) runs V8's ValueSerializer and
// returns the bytes as an ArrayBuffer; deserialize(arrayBuffer) reads them back. A value
// that cannot be cloned throws an Error whose code is 'ERR_DATA_CLONE'; stdlib turns it
// into a DOMException named DataCloneError.
#include <cstdlib>
#include <utility>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::serdes {

namespace {

class SerializerDelegate : public v8::ValueSerializer::Delegate {
 public:
  explicit SerializerDelegate(v8::Isolate* isolate) : isolate_(isolate) {}

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
};

// serialize(value): ArrayBuffer
void Serialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  SerializerDelegate delegate(isolate);
  v8::ValueSerializer serializer(isolate, &delegate);
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
  v8::ValueDeserializer deserializer(isolate, static_cast<const uint8_t*>(store->Data()),
                                     store->ByteLength());
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
