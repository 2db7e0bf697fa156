// MessagePort and PortData: queues, entanglement, BroadcastChannel groups, and delivery
// on the receiving loop.
#include "runtime/bindings/message_port.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::messaging {

namespace {

// BroadcastChannel members by name; PortsMutex() held.
std::unordered_map<std::string, std::vector<std::weak_ptr<PortData>>>& Groups() {
  static auto* groups = new std::unordered_map<std::string, std::vector<std::weak_ptr<PortData>>>();
  return *groups;
}

// Per-realm state: the MessagePort class, stdlib's emitter, and the open ports.
class PortState : public BindingState {
 public:
  explicit PortState(Realm* realm) {}
  v8::Global<v8::FunctionTemplate> templ;
  v8::Global<v8::Function> constructor;
  // Set while C++ constructs a port, so `new MessagePort()` from JS can be refused.
  std::shared_ptr<PortData> pending;
  bool constructing = false;
  std::unordered_set<MessagePort*> ports;
  // stdlib's hooks (setPortHooks): onInit() on each new port, emitMessage(data, type,
  // ports) for each message.
  v8::Global<v8::Function> on_init;
  v8::Global<v8::Function> emit_message;
};

}  // namespace

std::mutex& PortsMutex() {
  // Lifetime: never destroyed, so threads still running at exit can lock it.
  static auto* mutex = new std::mutex();
  return *mutex;
}

PortData::~PortData() { CHECK(owner_ == nullptr); }

void PortData::Entangle(const std::shared_ptr<PortData>& a, const std::shared_ptr<PortData>& b) {
  std::lock_guard<std::mutex> lock(PortsMutex());
  a->peer_ = b;
  b->peer_ = a;
}

std::shared_ptr<PortData> PortData::JoinGroup(const std::string& name) {
  auto data = std::make_shared<PortData>();
  data->group_ = name;
  std::lock_guard<std::mutex> lock(PortsMutex());
  Groups()[name].push_back(data);
  return data;
}

void PortData::Post(std::unique_ptr<Message> message) {
  std::lock_guard<std::mutex> lock(PortsMutex());
  if (closed_) return;
  if (group_.empty()) {
    std::shared_ptr<PortData> peer = peer_.lock();
    if (peer != nullptr && !peer->closed_) peer->PushLocked(std::move(message));
    return;
  }
  for (const std::weak_ptr<PortData>& weak : Groups()[group_]) {
    std::shared_ptr<PortData> member = weak.lock();
    if (member != nullptr && member.get() != this && !member->closed_) {
      member->PushLocked(message->Clone());
    }
  }
}

void PortData::PushLocked(std::unique_ptr<Message> message) {
  queue_.push_back(std::move(message));
  WakeLocked();
}

void PortData::WakeLocked() {
  if (owner_ != nullptr) uv_async_send(&owner_->async_);
}

void PortData::Close() {
  std::lock_guard<std::mutex> lock(PortsMutex());
  CloseLocked();
}

void PortData::CloseLocked() {
  if (closed_) return;
  closed_ = true;
  WakeLocked();
  if (!group_.empty()) {
    std::vector<std::weak_ptr<PortData>>& members = Groups()[group_];
    members.erase(std::remove_if(members.begin(), members.end(),
                                 [this](const std::weak_ptr<PortData>& weak) {
                                   std::shared_ptr<PortData> member = weak.lock();
                                   return member == nullptr || member.get() == this;
                                 }),
                  members.end());
    if (members.empty()) Groups().erase(group_);
    return;
  }
  std::shared_ptr<PortData> peer = peer_.lock();
  peer_.reset();
  if (peer != nullptr) peer->CloseLocked();
}

void PortData::SetOwner(MessagePort* owner) {
  std::lock_guard<std::mutex> lock(PortsMutex());
  owner_ = owner;
  if (owner_ != nullptr && (!queue_.empty() || closed_)) WakeLocked();
}

std::unique_ptr<Message> PortData::Pop() {
  std::lock_guard<std::mutex> lock(PortsMutex());
  if (queue_.empty()) return nullptr;
  std::unique_ptr<Message> message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

size_t PortData::QueuedCount() {
  std::lock_guard<std::mutex> lock(PortsMutex());
  return queue_.size();
}

bool PortData::IsClosed() {
  std::lock_guard<std::mutex> lock(PortsMutex());
  return closed_;
}

bool PortData::IsPeerOf(const PortData* other) {
  std::lock_guard<std::mutex> lock(PortsMutex());
  return peer_.lock().get() == other;
}

std::shared_ptr<PortData> PortData::Peer() {
  std::lock_guard<std::mutex> lock(PortsMutex());
  return peer_.lock();
}

MessagePort::MessagePort(Realm* realm, v8::Local<v8::Object> object,
                         std::shared_ptr<PortData> data)
    : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&async_)), data_(std::move(data)) {
  uv_async_init(realm->loop(), &async_, OnAsync);
  // Unref'd until stdlib refs it (a 'message' listener), as in Node.
  uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
  realm->binding_state<PortState>()->ports.insert(this);
  data_->SetOwner(this);
}

MessagePort::~MessagePort() {
  if (data_ != nullptr) data_->SetOwner(nullptr);
  realm()->binding_state<PortState>()->ports.erase(this);
}

v8::MaybeLocal<v8::Function> MessagePort::GetConstructor(Realm* realm) {
  PortState* state = realm->binding_state<PortState>();
  v8::Isolate* isolate = realm->isolate();
  if (!state->constructor.IsEmpty()) return state->constructor.Get(isolate);
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, JsNew);
  templ->SetClassName(OneByteString(isolate, "MessagePort"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  AddMethods(isolate, templ);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(realm->context()).ToLocal(&constructor)) {
    return v8::MaybeLocal<v8::Function>();
  }
  state->templ.Reset(isolate, templ);
  state->constructor.Reset(isolate, constructor);
  return constructor;
}

v8::MaybeLocal<v8::Object> MessagePort::New(Realm* realm, std::shared_ptr<PortData> data) {
  v8::Local<v8::Function> constructor;
  if (!GetConstructor(realm).ToLocal(&constructor)) return v8::MaybeLocal<v8::Object>();
  PortState* state = realm->binding_state<PortState>();
  state->pending = std::move(data);
  state->constructing = true;
  v8::Local<v8::Object> object;
  bool made = constructor->NewInstance(realm->context()).ToLocal(&object);
  state->constructing = false;
  if (state->pending != nullptr) {
    // Construction failed: the channel end has no receiver, close it.
    state->pending->Close();
    state->pending.reset();
  }
  if (!made) return v8::MaybeLocal<v8::Object>();
  if (!state->on_init.IsEmpty() &&
      state->on_init.Get(realm->isolate())->Call(realm->context(), object, 0, nullptr).IsEmpty()) {
    return v8::MaybeLocal<v8::Object>();
  }
  return object;
}

v8::MaybeLocal<v8::Object> MessagePort::NewInContext(Realm* realm,
                                                     std::shared_ptr<PortData> data,
                                                     v8::Local<v8::Context> context) {
  if (GetConstructor(realm).IsEmpty()) return v8::MaybeLocal<v8::Object>();
  PortState* state = realm->binding_state<PortState>();
  v8::Isolate* isolate = realm->isolate();
  v8::Context::Scope context_scope(context);
  // The class instantiated in `context`: its prototype and methods belong there.
  v8::Local<v8::Function> constructor;
  if (!state->templ.Get(isolate)->GetFunction(context).ToLocal(&constructor)) {
    data->Close();
    return v8::MaybeLocal<v8::Object>();
  }
  state->pending = std::move(data);
  state->constructing = true;
  v8::Local<v8::Object> object;
  bool made = constructor->NewInstance(context).ToLocal(&object);
  state->constructing = false;
  if (state->pending != nullptr) {
    state->pending->Close();
    state->pending.reset();
  }
  if (!made) return v8::MaybeLocal<v8::Object>();
  auto* port = Unwrap<MessagePort>(object);
  CHECK(port != nullptr);
  port->context_.Reset(isolate, context);
  return object;
}

MessagePort* MessagePort::FromObject(Realm* realm, v8::Local<v8::Value> value,
                                     bool alive_only) {
  PortState* state = realm->binding_state<PortState>();
  if (state->templ.IsEmpty() || !value->IsObject() ||
      !state->templ.Get(realm->isolate())->HasInstance(value)) {
    return nullptr;
  }
  auto* port = Unwrap<MessagePort>(value);
  return port != nullptr && (port->IsAlive() || !alive_only) ? port : nullptr;
}

bool MessagePort::IsInstance(Realm* realm, v8::Local<v8::Value> value) {
  if (GetConstructor(realm).IsEmpty()) return false;
  PortState* state = realm->binding_state<PortState>();
  return value->IsObject() && state->templ.Get(realm->isolate())->HasInstance(value);
}

void MessagePort::JsNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  PortState* state = realm->binding_state<PortState>();
  if (!state->constructing || !args.IsConstructCall()) {
    ThrowError(args.GetIsolate(), "ERR_CONSTRUCT_CALL_INVALID", "Constructor cannot be called",
               true);
    return;
  }
  new MessagePort(realm, args.This(), std::move(state->pending));
  state->pending.reset();
}

std::shared_ptr<PortData> MessagePort::Detach() {
  std::shared_ptr<PortData> data = std::move(data_);
  data_.reset();
  if (data != nullptr) data->SetOwner(nullptr);
  // No 'close' for a transferred port: drop the JS callback before closing.
  v8::HandleScope scope(realm()->isolate());
  if (object()
          ->Set(realm()->context(), OneByteString(realm()->isolate(), "onclose"),
                v8::Undefined(realm()->isolate()))
          .IsNothing()) {
    // Only fails with an exception pending (termination); the close below still runs.
  }
  Close();
  return data;
}

void MessagePort::CloseChannel() {
  // data_ stays until the destructor: see the rules in message_port.h. Once closed, no
  // thread wakes this port any more, so the handle may close while it is still owner.
  if (data_ != nullptr) data_->Close();
  Close();
}

void MessagePort::SetHooks(Realm* realm, v8::Local<v8::Function> on_init,
                           v8::Local<v8::Function> emit_message) {
  PortState* state = realm->binding_state<PortState>();
  state->on_init.Reset(realm->isolate(), on_init);
  state->emit_message.Reset(realm->isolate(), emit_message);
}

void MessagePort::CloseAll(Realm* realm) {
  std::unordered_set<MessagePort*> ports = realm->binding_state<PortState>()->ports;
  for (MessagePort* port : ports) port->CloseChannel();
}

void MessagePort::OnAsync(uv_async_t* handle) {
  auto* port = static_cast<MessagePort*>(handle->data);
  port->Deliver(false);
}

void MessagePort::Deliver(bool drain) {
  if (!IsAlive()) return;
  // At most what is queued now, so a listener that posts to itself cannot starve the loop.
  size_t limit = data_ == nullptr ? 0 : data_->QueuedCount();
  while ((receiving_ || drain) && limit-- > 0 && data_ != nullptr) {
    std::unique_ptr<Message> message = data_->Pop();
    if (message == nullptr) break;
    if (!Emit(std::move(message))) return;
  }
  if (data_ == nullptr || !IsAlive()) return;
  if (data_->QueuedCount() > 0) {
    if (receiving_) uv_async_send(&async_);
    return;
  }
  if (data_->IsClosed()) CloseChannel();
}

bool MessagePort::EmitInContext(std::unique_ptr<Message> message) {
  Realm* realm = this->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = context_.Get(isolate);
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Object> event = v8::Object::New(isolate);
  const char* handler_name = "onmessage";
  {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Array> ports;
    v8::Local<v8::Value> data;
    if (message->Deserialize(realm, &ports, context).ToLocal(&data)) {
      if (event->Set(context, OneByteString(isolate, "data"), data).IsNothing() ||
          event->Set(context, OneByteString(isolate, "ports"), ports).IsNothing()) {
        return false;
      }
    } else {
      if (try_catch.HasTerminated() || !try_catch.HasCaught()) return false;
      handler_name = "onmessageerror";
      if (event->Set(context, OneByteString(isolate, "data"), try_catch.Exception())
              .IsNothing()) {
        return false;
      }
    }
    v8::Local<v8::Value> target = object();
    if (event->Set(context, OneByteString(isolate, "target"), target).IsNothing()) return false;
  }
  v8::Local<v8::Value> handler;
  {
    v8::TryCatch try_catch(isolate);
    if (!object()->Get(context, OneByteString(isolate, handler_name)).ToLocal(&handler)) {
      return !try_catch.HasTerminated();
    }
  }
  if (!handler->IsFunction()) return true;
  v8::Local<v8::Value> args[] = {event};
  (void)realm->MakeCallback(handler.As<v8::Function>(), object(), 1, args);
  return !realm->is_terminated();
}

bool MessagePort::Emit(std::unique_ptr<Message> message) {
  if (!context_.IsEmpty()) return EmitInContext(std::move(message));
  Realm* realm = this->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = realm->context();
  v8::Context::Scope context_scope(context);
  PortState* state = realm->binding_state<PortState>();
  if (state->emit_message.IsEmpty()) return false;
  v8::Local<v8::Function> emit = state->emit_message.Get(isolate);
  v8::Local<v8::Value> args[3];
  {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Array> ports;
    if (message->Deserialize(realm, &ports).ToLocal(&args[0])) {
      args[1] = OneByteString(isolate, "message");
      args[2] = ports;
    } else {
      if (try_catch.HasTerminated() || !try_catch.HasCaught()) return false;
      args[0] = try_catch.Exception();
      args[1] = OneByteString(isolate, "messageerror");
      args[2] = v8::Array::New(isolate);
    }
  }
  (void)realm->MakeCallback(emit, object(), 3, args);
  return !realm->is_terminated();
}

v8::MaybeLocal<v8::Value> ReceiveOne(MessagePort* port, bool* none) {
  *none = true;
  if (port->data() == nullptr) return v8::MaybeLocal<v8::Value>();
  std::unique_ptr<Message> message = port->data()->Pop();
  if (message == nullptr) return v8::MaybeLocal<v8::Value>();
  *none = false;
  return message->Deserialize(port->realm());
}

void MessagePort::JsPostMessage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  MessagePort* port = FromObject(realm, args.This());
  auto message = std::make_unique<Message>();
  bool ok;
  if (!message->Serialize(realm, args[0], args[1], port).To(&ok)) return;
  // Posting on a closed or detached port is not an error in Node: the message is lost.
  if (port == nullptr || port->data_ == nullptr) return;
  // A port posted through its own peer: the message is dropped (closing the channel
  // with it); true tells stdlib to warn, as Node does.
  std::shared_ptr<PortData> peer = port->data_->Peer();
  if (peer != nullptr && message->Carries(peer.get())) {
    args.GetReturnValue().Set(true);
    return;
  }
  port->data_->Post(std::move(message));
}

void MessagePort::JsStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* port = Unwrap<MessagePort>(args.This());
  if (port == nullptr || !port->IsAlive()) return;
  port->receiving_ = true;
  uv_async_send(&port->async_);
}

void MessagePort::AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ) {
  HandleWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "postMessage", v8::FunctionTemplate::New(isolate, JsPostMessage));
  proto->Set(isolate, "start", v8::FunctionTemplate::New(isolate, JsStart));
}

}  // namespace skua::messaging
