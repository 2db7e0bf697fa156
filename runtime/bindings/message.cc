// Message: structured clone with V8's serializer, transfer lists and shared memory.
#include "runtime/bindings/message.h"

#include <algorithm>
#include <cstdlib>

#include "runtime/bindings/message_port.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::messaging {

namespace {

// In a vm context (a moved port's postMessage), where stdlib cannot turn the error into
// a DOMException: a DataCloneError of that context's own, an Error whose constructor is
// named DOMException. Differs from Node 20, which has a real DOMException per context.
void MakeContextDataCloneError(v8::Isolate* isolate, v8::Local<v8::Context> context,
                               v8::Local<v8::Object> error) {
  v8::Local<v8::Function> constructor;
  v8::Local<v8::Value> error_proto;
  if (!v8::Function::New(context, [](const v8::FunctionCallbackInfo<v8::Value>&) {})
           .ToLocal(&constructor) ||
      !error->GetPrototype()->IsObject()) {
    return;
  }
  error_proto = error->GetPrototype();
  constructor->SetName(OneByteString(isolate, "DOMException"));
  v8::Local<v8::Object> proto = v8::Object::New(isolate);
  if (proto->SetPrototype(context, error_proto).IsNothing() ||
      proto->Set(context, OneByteString(isolate, "constructor"), constructor).IsNothing() ||
      constructor->Set(context, OneByteString(isolate, "prototype"), proto).IsNothing() ||
      error->SetPrototype(context, proto).IsNothing() ||
      error->Set(context, OneByteString(isolate, "name"), OneByteString(isolate, "DataCloneError"))
          .IsNothing()) {
    return;
  }
}

void ThrowDataClone(v8::Isolate* isolate, v8::Local<v8::String> message) {
  v8::Local<v8::Value> error = v8::Exception::Error(message);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  // A fresh Error object: setting a plain data property cannot fail.
  error.As<v8::Object>()
      ->Set(context, OneByteString(isolate, "code"), OneByteString(isolate, "ERR_DATA_CLONE"))
      .Check();
  if (context != Realm::From(isolate)->context()) {
    MakeContextDataCloneError(isolate, context, error.As<v8::Object>());
  }
  isolate->ThrowException(error);
}

// Host objects in the serialized bytes start with one of these.
enum HostObjectKind : uint32_t { kPortObject = 0, kCloneableObject = 1 };

class CloneState : public BindingState {
 public:
  explicit CloneState(Realm* realm) {}
  v8::Global<v8::Function> constructor;
  v8::Global<v8::Function> clone;
  v8::Global<v8::Function> deserialize;
};

v8::Local<v8::Private> CloneableKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, OneByteString(isolate, "skua:cloneable"));
}

void CloneableNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(v8::Exception::TypeError(
        OneByteString(isolate, "Class constructor cannot be invoked without 'new'")));
    return;
  }
  // A fresh object: defining a private property cannot fail.
  args.This()
      ->SetPrivate(isolate->GetCurrentContext(), CloneableKey(isolate), v8::True(isolate))
      .Check();
}

bool IsCloneable(v8::Isolate* isolate, v8::Local<v8::Object> object) {
  return object->HasPrivate(isolate->GetCurrentContext(), CloneableKey(isolate))
      .FromMaybe(false);
}

}  // namespace

v8::MaybeLocal<v8::Function> GetCloneableConstructor(Realm* realm) {
  CloneState* state = realm->binding_state<CloneState>();
  v8::Isolate* isolate = realm->isolate();
  if (!state->constructor.IsEmpty()) return state->constructor.Get(isolate);
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, CloneableNew);
  templ->SetClassName(OneByteString(isolate, "Cloneable"));
  // An internal field makes the instances host objects for V8's serializer.
  templ->InstanceTemplate()->SetInternalFieldCount(1);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(realm->context()).ToLocal(&constructor)) {
    return v8::MaybeLocal<v8::Function>();
  }
  state->constructor.Reset(isolate, constructor);
  return constructor;
}

void SetCloneHooks(Realm* realm, v8::Local<v8::Function> clone,
                   v8::Local<v8::Function> deserialize) {
  CloneState* state = realm->binding_state<CloneState>();
  state->clone.Reset(realm->isolate(), clone);
  state->deserialize.Reset(realm->isolate(), deserialize);
}

class SerializerDelegate : public v8::ValueSerializer::Delegate {
 public:
  SerializerDelegate(Realm* realm, Message* message) : realm_(realm), message_(message) {}

  void ThrowDataCloneError(v8::Local<v8::String> text) override {
    ThrowDataClone(realm_->isolate(), text);
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate, v8::Local<v8::Object> object) override {
    if (IsCloneable(isolate, object)) return WriteCloneable(isolate, object);
    MessagePort* port = MessagePort::FromObject(realm_, object);
    if (port != nullptr) {
      auto it = std::find(ports.begin(), ports.end(), port);
      if (it != ports.end()) {
        serializer->WriteUint32(kPortObject);
        serializer->WriteUint32(static_cast<uint32_t>(it - ports.begin()));
        return v8::Just(true);
      }
      ThrowDataClone(isolate, OneByteString(isolate,
                                            "Object that needs transfer was found in message "
                                            "but not listed in transferList"));
      return v8::Nothing<bool>();
    }
    ThrowDataClone(isolate, OneByteString(isolate, "#<Object> could not be cloned."));
    return v8::Nothing<bool>();
  }

  // A Cloneable: its clone hook's value, serialized in its place.
  v8::Maybe<bool> WriteCloneable(v8::Isolate* isolate, v8::Local<v8::Object> object) {
    CloneState* state = realm_->binding_state<CloneState>();
    if (state->clone.IsEmpty()) {
      ThrowDataClone(isolate, OneByteString(isolate, "#<Object> could not be cloned."));
      return v8::Nothing<bool>();
    }
    v8::Local<v8::Context> context = realm_->context();
    v8::Local<v8::Value> argv[] = {object};
    v8::Local<v8::Value> data;
    if (!state->clone.Get(isolate)->Call(context, v8::Undefined(isolate), 1, argv).ToLocal(&data)) {
      return v8::Nothing<bool>();
    }
    auto nested = std::make_unique<Message>();
    bool ok;
    if (!nested->Serialize(realm_, data, v8::Undefined(isolate), nullptr).To(&ok)) {
      return v8::Nothing<bool>();
    }
    serializer->WriteUint32(kCloneableObject);
    serializer->WriteUint32(static_cast<uint32_t>(message_->cloneables_.size()));
    message_->cloneables_.push_back(std::move(nested));
    return v8::Just(true);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate* isolate,
                                             v8::Local<v8::SharedArrayBuffer> sab) override {
    for (size_t i = 0; i < shared.size(); i++) {
      if (shared[i] == sab) return v8::Just(static_cast<uint32_t>(i));
    }
    // A Global: V8 calls this inside its own handle scopes, so a Local would not last.
    shared.emplace_back(isolate, sab);
    message_->shared_array_buffers_.push_back(sab->GetBackingStore());
    return v8::Just(static_cast<uint32_t>(shared.size() - 1));
  }

  v8::Maybe<uint32_t> GetWasmModuleTransferId(v8::Isolate* isolate,
                                              v8::Local<v8::WasmModuleObject> module) override {
    message_->wasm_modules_.push_back(module->GetCompiledModule());
    return v8::Just(static_cast<uint32_t>(message_->wasm_modules_.size() - 1));
  }

  v8::ValueSerializer* serializer = nullptr;
  std::vector<MessagePort*> ports;
  std::vector<v8::Global<v8::SharedArrayBuffer>> shared;

 private:
  Realm* realm_;
  Message* message_;
};

class DeserializerDelegate : public v8::ValueDeserializer::Delegate {
 public:
  DeserializerDelegate(Realm* realm, Message* message) : realm_(realm), message_(message) {}

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t kind;
    if (!deserializer->ReadUint32(&kind)) {
      ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
      return v8::MaybeLocal<v8::Object>();
    }
    if (kind == kCloneableObject) return ReadCloneable(isolate);
    uint32_t index;
    if (kind != kPortObject || !deserializer->ReadUint32(&index) ||
        index >= port_objects.size()) {
      ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
      return v8::MaybeLocal<v8::Object>();
    }
    return port_objects[index].As<v8::Object>();
  }

  v8::MaybeLocal<v8::Object> ReadCloneable(v8::Isolate* isolate) {
    uint32_t index;
    if (!deserializer->ReadUint32(&index) || index >= cloneable_objects.size()) {
      ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
      return v8::MaybeLocal<v8::Object>();
    }
    return cloneable_objects[index].As<v8::Object>();
  }

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* isolate,
                                                                   uint32_t id) override {
    if (id >= message_->shared_array_buffers_.size()) {
      ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
      return v8::MaybeLocal<v8::SharedArrayBuffer>();
    }
    return v8::SharedArrayBuffer::New(isolate, message_->shared_array_buffers_[id]);
  }

  v8::MaybeLocal<v8::WasmModuleObject> GetWasmModuleFromId(v8::Isolate* isolate,
                                                           uint32_t id) override {
    if (id >= message_->wasm_modules_.size()) {
      ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
      return v8::MaybeLocal<v8::WasmModuleObject>();
    }
    return v8::WasmModuleObject::FromCompiledModule(isolate, message_->wasm_modules_[id]);
  }

  v8::ValueDeserializer* deserializer = nullptr;
  // The transferred ports, created before the value is read.
  std::vector<v8::Local<v8::Value>> port_objects;
  // The rebuilt Cloneables, likewise.
  std::vector<v8::Local<v8::Object>> cloneable_objects;

 private:
  Realm* realm_;
  Message* message_;
};

Message::~Message() {
  // Ports never received: close their channels so the other ends see 'close'.
  for (const std::shared_ptr<PortData>& port : ports_) {
    if (port != nullptr) port->Close();
  }
}

v8::Maybe<bool> Message::Serialize(Realm* realm, v8::Local<v8::Value> value,
                                   v8::Local<v8::Value> transfer_list, MessagePort* source) {
  v8::Isolate* isolate = realm->isolate();
  // The caller's: a moved port posts from its vm context, whose errors it should see.
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  SerializerDelegate delegate(realm, this);
  v8::ValueSerializer serializer(isolate, &delegate);
  delegate.serializer = &serializer;
  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  if (transfer_list->IsArray()) {
    v8::Local<v8::Array> list = transfer_list.As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return v8::Nothing<bool>();
      if (item->IsArrayBuffer()) {
        v8::Local<v8::ArrayBuffer> buffer = item.As<v8::ArrayBuffer>();
        if (std::find(buffers.begin(), buffers.end(), buffer) != buffers.end()) {
          ThrowDataClone(isolate, OneByteString(isolate, "Transfer list contains duplicate "
                                                         "ArrayBuffer"));
          return v8::Nothing<bool>();
        }
        if (!buffer->IsDetachable()) {
          ThrowDataClone(isolate, OneByteString(isolate, "An ArrayBuffer is not detachable"));
          return v8::Nothing<bool>();
        }
        buffers.push_back(buffer);
        serializer.TransferArrayBuffer(static_cast<uint32_t>(buffers.size() - 1), buffer);
        continue;
      }
      if (!MessagePort::IsInstance(realm, item)) continue;  // stdlib validated the list.
      // nullptr: a port whose handle has closed.
      MessagePort* port = MessagePort::FromObject(realm, item, false);
      if (port != nullptr && port == source) {
        ThrowDataClone(isolate, OneByteString(isolate, "Transfer list contains source port"));
        return v8::Nothing<bool>();
      }
      if (std::find(delegate.ports.begin(), delegate.ports.end(), port) !=
          delegate.ports.end()) {
        ThrowDataClone(isolate, OneByteString(isolate, "Transfer list contains duplicate "
                                                       "MessagePort"));
        return v8::Nothing<bool>();
      }
      if (port == nullptr || port->IsDetached() || !port->IsAlive()) {
        ThrowDataClone(isolate, OneByteString(isolate, "MessagePort in transfer list is "
                                                       "already detached"));
        return v8::Nothing<bool>();
      }
      delegate.ports.push_back(port);
    }
  }
  serializer.WriteHeader();
  bool ok;
  if (!serializer.WriteValue(context, value).To(&ok) || !ok) return v8::Nothing<bool>();
  std::pair<uint8_t*, size_t> bytes = serializer.Release();
  data_.assign(bytes.first, bytes.first + bytes.second);
  // The default delegate allocates with realloc().
  std::free(bytes.first);
  // Only now that nothing can fail: move the transferred contents out.
  for (v8::Local<v8::ArrayBuffer> buffer : buffers) {
    array_buffers_.push_back(buffer->GetBackingStore());
    buffer->Detach();
  }
  for (MessagePort* port : delegate.ports) ports_.push_back(port->Detach());
  return v8::Just(true);
}

bool Message::Carries(const PortData* port) const {
  for (const std::shared_ptr<PortData>& data : ports_) {
    if (data.get() == port) return true;
  }
  return false;
}

v8::MaybeLocal<v8::Value> Message::Deserialize(Realm* realm, v8::Local<v8::Array>* ports,
                                                v8::Local<v8::Context> target) {
  // No handle scope of its own: the value and the ports live in the caller's.
  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::Context> context = target.IsEmpty() ? realm->context() : target;
  if (!target.IsEmpty() && !cloneables_.empty()) {
    // Their deserialize hooks are stdlib's, which a vm context does not have.
    ThrowError(isolate, "ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE",
               "Unable to deserialize cloned data due to invalid target context");
    return v8::MaybeLocal<v8::Value>();
  }
  DeserializerDelegate delegate(realm, this);
  for (std::shared_ptr<PortData>& data : ports_) {
    v8::Local<v8::Object> port;
    v8::MaybeLocal<v8::Object> made =
        target.IsEmpty() ? MessagePort::New(realm, std::move(data))
                         : MessagePort::NewInContext(realm, std::move(data), target);
    if (!made.ToLocal(&port)) {
      return v8::MaybeLocal<v8::Value>();
    }
    delegate.port_objects.push_back(port);
  }
  ports_.clear();
  if (!cloneables_.empty()) {
    CloneState* state = realm->binding_state<CloneState>();
    for (std::unique_ptr<Message>& nested : cloneables_) {
      v8::Local<v8::Value> data;
      if (!nested->Deserialize(realm).ToLocal(&data)) return v8::MaybeLocal<v8::Value>();
      v8::Local<v8::Value> object;
      v8::Local<v8::Value> argv[] = {data};
      if (state->deserialize.IsEmpty()) {
        ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
        return v8::MaybeLocal<v8::Value>();
      }
      if (!state->deserialize.Get(isolate)
               ->Call(context, v8::Undefined(isolate), 1, argv)
               .ToLocal(&object)) {
        return v8::MaybeLocal<v8::Value>();
      }
      if (!object->IsObject()) {
        ThrowDataClone(isolate, OneByteString(isolate, "Unable to deserialize cloned data."));
        return v8::MaybeLocal<v8::Value>();
      }
      delegate.cloneable_objects.push_back(object.As<v8::Object>());
    }
    cloneables_.clear();
  }
  v8::ValueDeserializer deserializer(isolate, data_.data(), data_.size(), &delegate);
  delegate.deserializer = &deserializer;
  for (size_t i = 0; i < array_buffers_.size(); i++) {
    deserializer.TransferArrayBuffer(static_cast<uint32_t>(i),
                                     v8::ArrayBuffer::New(isolate, array_buffers_[i]));
  }
  array_buffers_.clear();
  bool ok;
  if (!deserializer.ReadHeader(context).To(&ok) || !ok) return v8::MaybeLocal<v8::Value>();
  v8::Local<v8::Value> value;
  if (!deserializer.ReadValue(context).ToLocal(&value)) return v8::MaybeLocal<v8::Value>();
  if (ports != nullptr) {
    *ports = v8::Array::New(isolate, delegate.port_objects.data(), delegate.port_objects.size());
  }
  return value;
}

std::unique_ptr<Message> Message::Clone() const {
  auto copy = std::make_unique<Message>();
  copy->data_ = data_;
  copy->shared_array_buffers_ = shared_array_buffers_;
  // CompiledWasmModule can be copied but not assigned.
  for (const v8::CompiledWasmModule& module : wasm_modules_) copy->wasm_modules_.push_back(module);
  for (const std::unique_ptr<Message>& nested : cloneables_) {
    copy->cloneables_.push_back(nested->Clone());
  }
  return copy;
}

}  // namespace skua::messaging
